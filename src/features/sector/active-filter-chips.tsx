import { usePlans } from '../../api/get-plans';
import type { TargetWithStateDto } from '../../domain/api';
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
  items,
  onRemove,
}: {
  view: Partial<Record<FilterKey, string | undefined>>;
  /** The listed targets: a department filter lists the targets it leads, which carry its name. */
  items: readonly Pick<TargetWithStateDto, 'department' | 'departmentName'>[];
  onRemove: (key: FilterKey) => void;
}) {
  const { t } = useTranslation();
  const plans = usePlans();
  // From the list rather than the registry: the sector page's first load carries no registry.
  const departmentName = (id: string) => items.find((i) => i.department === id)?.departmentName ?? id;
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
