import { usePlans } from '../../api/get-plans';
import { useTranslation } from '../../i18n/use-translation';
import { FieldMessage } from '../../ui/form-errors';

/**
 * A reviewer's plans reviewed whole (the city's target office reviews the city plan): one checkbox
 * per plan, in a group named by its legend. Departments are the other scope (the picker beside it).
 */
export function ReviewPlansField({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: readonly string[];
  error: string | undefined;
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const plans = usePlans();
  const items = plans.data?.items ?? [];
  return (
    <fieldset
      id={id}
      className="field review-plans"
      aria-describedby={[error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(' ')}
    >
      <legend className="field__label">{t('admin.review.plans')}</legend>
      <span id={`${id}-hint`} className="field__hint">
        {t('admin.review.plansHint')}
      </span>
      {plans.isPending && <span className="muted small">{t('freshness.loading')}</span>}
      {items.map((p) => (
        <label key={p.id} className="check">
          <input
            type="checkbox"
            checked={value.includes(p.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, p.id] : value.filter((x) => x !== p.id))}
          />
          {p.title}
        </label>
      ))}
      <FieldMessage id={id} error={error} />
    </fieldset>
  );
}
