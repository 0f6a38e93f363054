import { type FormEvent, useState } from 'react';
import type { Plan } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { describedBy, FieldMessage } from '../../ui/form-errors';
import './notify.css';

/** What a plan made before the setting escalates after (the server's default). */
export const DEFAULT_ESCALATE_AFTER = 2;

/**
 * 催报升级 of one plan: 连续 N 个填报周期未报即升级 (1–52). Saved with its own button, the plan going
 * back whole like the review setting does; the panel says what was saved.
 */
export function EscalateField({
  plan,
  pending,
  onSave,
}: {
  plan: Plan;
  pending: boolean;
  onSave: (escalateAfter: number) => void;
}) {
  const { t } = useTranslation();
  const stored = plan.escalateAfter ?? DEFAULT_ESCALATE_AFTER;
  const [value, setValue] = useState(String(stored));
  const [error, setError] = useState<string | undefined>(undefined);
  const id = `escalate-${plan.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value.trim());
    if (!/^\d+$/.test(value.trim()) || n < 1 || n > 52) {
      setError(t('admin.notify.escalate.range'));
      document.getElementById(id)?.focus();
      return;
    }
    setError(undefined);
    onSave(n);
  };
  return (
    <form className="escalate-field" noValidate onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {t('admin.notify.escalate.label')}
      </label>
      <span aria-hidden="true">{t('admin.notify.escalate.before')}</span>
      <input
        type="number"
        inputMode="numeric"
        min={1}
        max={52}
        step={1}
        {...describedBy(id, error)}
        aria-describedby={[error ? `${id}-error` : null, `plan-${plan.id}`].filter(Boolean).join(' ')}
        value={value}
        onChange={(e) => {
          setError(undefined);
          setValue(e.target.value);
        }}
      />
      <span aria-hidden="true">{t('admin.notify.escalate.after')}</span>
      <button
        type="submit"
        className="button button--small"
        disabled={pending}
        aria-label={t('admin.notify.escalate.saveLabel', { plan: plan.title })}
      >
        {t('admin.notify.escalate.save')}
      </button>
      <FieldMessage id={id} error={error} />
    </form>
  );
}
