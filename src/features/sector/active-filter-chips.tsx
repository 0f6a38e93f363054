import { useDepartmentNames } from '../../api/get-departments';
import { usePlans } from '../../api/get-plans';
import type { MessageKey } from '../../i18n/messages';
import { useTranslation } from '../../i18n/use-translation';

type FilterKey = 'plan' | 'district' | 'department';
const FILTERS: { key: FilterKey; label: MessageKey }[] = [
  { key: 'plan', label: 'common.plan' },
  { key: 'district', label: 'common.district' },
  { key: 'department', label: 'common.department' },
];

/**
 * The overview's plan, district and department filters, carried into the sector view by the
 * drill-down: shown, so the person knows the list is a slice, and each removable on its own.
 */
export function ActiveFilterChips({
  view,
  onRemove,
}: {
  view: Partial<Record<FilterKey, string | undefined>>;
  onRemove: (key: FilterKey) => void;
}) {
  const { t } = useTranslation();
  const plans = usePlans();
  const departmentName = useDepartmentNames();
  const active = FILTERS.filter((f) => view[f.key]);
  if (active.length === 0) return null;
  // Plans and departments travel as ids in the link; people read their titles and names.
  const shown = (key: FilterKey, raw: string) =>
    key === 'plan'
      ? (plans.data?.items.find((p) => p.id === raw)?.title ?? raw)
      : key === 'department'
        ? departmentName(raw)
        : raw;
  return (
    <ul className="active-filters" aria-label={t('sector.activeFilters')}>
      {active.map(({ key, label }) => {
        const value = shown(key, view[key] ?? '');
        const clear = t('common.clearOne', { value });
        return (
          <li key={key} className="active-filter">
            <span className="muted small">{t(label)}</span>
            <button type="button" className="chip" aria-label={clear} title={clear} onClick={() => onRemove(key)}>
              {value}
              <span aria-hidden="true">×</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
