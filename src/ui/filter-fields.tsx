import { DISTRICT_CITY } from '../domain/schemas';
import { useTranslation } from '../i18n/use-translation';
import type { FilterChip } from './filter-sheet';

/** A filter's select: 全部 (the empty value) first, then its options. */
export function SelectField({
  label,
  value,
  options,
  onChange,
  allLabel,
  className,
}: {
  label: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  onChange: (v: string) => void;
  /** Default 全部. */
  allLabel?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select className={className} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel ?? t('common.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A plan as the filters know it. */
type Plan = { id: string; title: string };

/**
 * A plan's title by its id: plans travel as ids in links, people read their titles. The id itself
 * while the plans load, or for an id no plan has.
 */
export const planTitle = (plans: readonly Plan[] | undefined, id: string): string =>
  plans?.find((p) => p.id === id)?.title ?? id;

/** The plan filter: 全部 or one of `plans` (none while they load, or if they cannot: 全部 still works). */
export function PlanField({
  value,
  plans,
  onChange,
}: {
  value: string | undefined;
  plans: readonly Plan[] | undefined;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('common.plan')}
      className="field-plan"
      value={value}
      options={(plans ?? []).map((p) => ({ value: p.id, label: p.title }))}
      onChange={onChange}
    />
  );
}

/** The district filter: 全部 or one of `districts`, listed as given. */
export function DistrictField({
  value,
  districts,
  onChange,
}: {
  value: string | undefined;
  districts: readonly string[];
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('common.district')}
      value={value}
      options={districts.map((d) => ({ value: d, label: d }))}
      onChange={onChange}
    />
  );
}

/** The districts of some targets, the city level first, then as the targets list them. */
export const districtsOf = (items: readonly { district: string }[]): string[] => [
  ...new Set([DISTRICT_CITY, ...items.map((i) => i.district)]),
];

/**
 * A toolbar's chips: one for each `[key, label, value]` whose value is set (a chip without a label
 * names itself, 含待审核); removing it calls `remove(key)`. `wide`: shown on wide screens too.
 */
export function chipsFor<K extends string>(
  filters: readonly (readonly [key: K, label: string | undefined, value: string | false | null | undefined])[],
  remove: (key: K) => void,
  wide?: true,
): FilterChip[] {
  return filters.flatMap(([key, label, value]) =>
    value ? [{ key, label: label || undefined, value, onRemove: () => remove(key), wide }] : [],
  );
}
