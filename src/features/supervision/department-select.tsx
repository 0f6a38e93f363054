import { useMemo, useState } from 'react';
import { useDepartments } from '../../api/get-departments';
import type { Department } from '../../domain/departments';
import { useTranslation } from '../../i18n/use-translation';
import { describedBy, FieldMessage } from '../../ui/form-errors';

/** Departments that can still be chosen (merged ones are history), 市直部门 first, then 区市, by the registry's order. */
export function useChoosableDepartments(): { list: Department[] | undefined; nameOf: (id: string) => string } {
  const registry = useDepartments();
  const items = registry.data?.items;
  return useMemo(() => {
    const byId = new Map((items ?? []).map((d) => [d.id, d]));
    const order = { city: 0, district: 1, other: 2 } as const;
    const list = items
      ?.filter((d) => d.mergedInto === null)
      .map((d, i) => ({ d, i }))
      .sort((a, b) => order[a.d.kind] - order[b.d.kind] || a.i - b.i)
      .map(({ d }) => d);
    return { list, nameOf: (id: string) => byId.get(id)?.name ?? id };
  }, [items]);
}

const optionText = (d: Department) => (d.shortName !== d.name ? `${d.name}（${d.shortName}）` : d.name);

/** 牵头单位: one department from the registry (a native select: typing its first characters finds it). */
export function LeadSelect({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (id: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const { list } = useChoosableDepartments();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t('supervision.form.lead')}
      </label>
      {/* While the registry loads the field is there, disabled, saying so: its label always names a control. */}
      <select
        {...describedBy(id, error)}
        required
        aria-required="true"
        disabled={!list}
        value={list ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{list ? t('supervision.form.leadChoose') : t('supervision.form.registryLoading')}</option>
        {(list ?? []).map((d) => (
          <option key={d.id} value={d.id}>
            {optionText(d)}
          </option>
        ))}
      </select>
      <FieldMessage id={id} error={error} />
    </div>
  );
}

/**
 * 配合单位: any number, each chosen in a select and added with its own button (choosing alone adds
 * nothing: arrow keys on a closed select change its value, and must not add one department per press),
 * each shown with a button that removes it.
 */
export function SupportingSelect({
  id,
  value,
  onChange,
  exclude,
}: {
  id: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  exclude: string;
}) {
  const { t } = useTranslation();
  const { list, nameOf } = useChoosableDepartments();
  const [pick, setPick] = useState('');
  const offered = (list ?? []).filter((d) => d.id !== exclude && !value.includes(d.id));
  const chosen = offered.some((d) => d.id === pick) ? pick : '';
  const add = () => {
    if (chosen) {
      onChange([...value, chosen]);
      setPick('');
    }
    document.getElementById(id)?.focus();
  };
  return (
    <fieldset className="field sv-supporting">
      <legend className="field__label">{t('supervision.form.supporting')}</legend>
      {value.length === 0 ? (
        <p className="muted small">{t('supervision.form.supportingNone')}</p>
      ) : (
        <ul className="sv-chips">
          {value.map((d) => (
            <li key={d} className="sv-chip">
              <span>{nameOf(d)}</span>
              <button
                type="button"
                className="sv-chip__remove"
                aria-label={t('supervision.form.remove', { name: nameOf(d) })}
                onClick={() => {
                  onChange(value.filter((x) => x !== d));
                  document.getElementById(id)?.focus();
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="sv-supporting__add">
        <label className="visually-hidden" htmlFor={id}>
          {t('supervision.form.supportingChoose')}
        </label>
        <select id={id} value={chosen} disabled={!list} onChange={(e) => setPick(e.target.value)}>
          <option value="">{list ? t('supervision.form.leadChoose') : t('supervision.form.registryLoading')}</option>
          {offered.map((d) => (
            <option key={d.id} value={d.id}>
              {optionText(d)}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={!list} onClick={add}>
          {t('supervision.form.supportingAdd')}
        </button>
      </div>
    </fieldset>
  );
}
