import { usePlans } from '../../api/get-plans';
import type { TargetWithStateDto } from '../../domain/api';
import type { MessageKey } from '../../i18n/messages';
import { useTranslation } from '../../i18n/use-translation';
import type { FilterChip } from '../../ui/filter-sheet';

type CarriedKey = 'plan' | 'district' | 'department';
const CARRIED: { key: CarriedKey; label: MessageKey }[] = [
  { key: 'plan', label: 'common.plan' },
  { key: 'district', label: 'common.district' },
  { key: 'department', label: 'common.department' },
];

/**
 * The overview's plan, district and department filters, carried into the sector view by the
 * drill-down: chips on every screen (the sector view has no control of its own for them), so the
 * person knows the list is a slice, and each removable on its own.
 */
export function useCarriedFilterChips(
  view: Partial<Record<CarriedKey, string | undefined>>,
  /** The listed targets: a department filter lists the targets it leads, which carry its name. */
  items: readonly Pick<TargetWithStateDto, 'department' | 'departmentName'>[],
  onRemove: (key: CarriedKey) => void,
): FilterChip[] {
  const { t } = useTranslation();
  const plans = usePlans();
  // From the list rather than the registry: the sector page's first load carries no registry.
  const departmentName = (id: string) => items.find((i) => i.department === id)?.departmentName ?? id;
  // Plans and departments travel as ids in the link; people read their titles and names.
  const shown = (key: CarriedKey, raw: string) =>
    key === 'plan'
      ? (plans.data?.items.find((p) => p.id === raw)?.title ?? raw)
      : key === 'department'
        ? departmentName(raw)
        : raw;
  return CARRIED.filter((f) => view[f.key]).map(({ key, label }) => ({
    key,
    label: t(label),
    value: shown(key, view[key] ?? ''),
    onRemove: () => onRemove(key),
    wide: true,
  }));
}
