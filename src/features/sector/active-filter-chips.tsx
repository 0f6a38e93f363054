import { usePlans } from '../../api/get-plans';
import type { TargetWithStateDto } from '../../domain/api';
import { useTranslation } from '../../i18n/use-translation';
import { chipsFor, planTitle } from '../../ui/filter-fields';
import type { FilterChip } from '../../ui/filter-sheet';

type CarriedKey = 'plan' | 'district' | 'department';

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
  // Plans and departments travel as ids in the link; people read their titles and names.
  const plans = usePlans().data?.items;
  const { plan, district, department } = view;
  return chipsFor(
    [
      ['plan', t('common.plan'), plan && planTitle(plans, plan)],
      ['district', t('common.district'), district],
      // From the list rather than the registry: the sector page's first load carries no registry.
      [
        'department',
        t('common.department'),
        department && (items.find((i) => i.department === department)?.departmentName ?? department),
      ],
    ],
    onRemove,
    true,
  );
}
