import { usePlans } from '../../api/get-plans';
import { useTargets } from '../../api/get-targets';
import { formatDate } from '../../domain/format';
import { STATUSES } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { chipsFor, DistrictField, districtsOf, PlanField, planTitle, SelectField } from '../../ui/filter-fields';
import { FilterSheet } from '../../ui/filter-sheet';
import { IncludePendingSwitch } from '../../ui/pending';
import { AsOfTimeline } from './as-of-timeline';
import { type OverviewFilters, WARNING_FILTER } from './use-overview-filters';

type Update = (patch: Partial<Record<keyof OverviewFilters, string | undefined>>, o?: { replace?: boolean }) => void;

/**
 * Plan, district, department and status filters, the as-of timeline and the week-on-week switch.
 * Options come from their own queries: if one fails, its select still offers "all" and the page works.
 * On a phone they fold into a sheet behind a "筛选" button, the active ones shown as chips.
 */
export function OverviewFiltersBar({ filters, update }: { filters: OverviewFilters; update: Update }) {
  const { t, locale } = useTranslation();
  const plans = usePlans().data?.items;
  const targets = useTargets({});
  const items = targets.data?.items ?? [];
  // Value: the registry id the filter takes; label: the department's name as the targets carry it.
  const departmentNames = new Map<string, string>();
  for (const i of items) if (i.department !== null) departmentNames.set(i.department, i.departmentName ?? i.department);
  const departments = [...departmentNames]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  const active = filters.plan || filters.district || filters.department || filters.statuses.length > 0 || filters.asOf;
  const chips = chipsFor(
    [
      ['plan', t('common.plan'), filters.plan && planTitle(plans, filters.plan)],
      ['district', t('common.district'), filters.district],
      [
        'department',
        t('common.department'),
        filters.department && (departmentNames.get(filters.department) ?? filters.department),
      ],
      [
        'status',
        t('common.status'),
        filters.statuses.length > 1 ? t('overview.warningStatuses') : filters.status && t(`status.${filters.status}`),
      ],
      ['asOf', t('overview.asOfLabel'), filters.asOf && formatDate(filters.asOf, locale)],
      ['includePending', undefined, filters.includePending && t('pending.switch')],
    ],
    (key) => update({ [key]: undefined }),
  );
  return (
    // On paper the print header names the plan and the date instead (overview-page.tsx: PrintHeader).
    <section className="card filters-card" aria-label={t('overview.filters')} data-print-hide="">
      <FilterSheet chips={chips}>
        <div className="filters">
          <PlanField value={filters.plan} plans={plans} onChange={(v) => update({ plan: v })} />
          <DistrictField
            value={filters.district}
            districts={districtsOf(items)}
            onChange={(v) => update({ district: v })}
          />
          <SelectField
            label={t('common.department')}
            className="filters__department"
            value={filters.department}
            options={departments}
            onChange={(v) => update({ department: v })}
          />
          <SelectField
            label={t('common.status')}
            value={filters.statuses.length > 1 ? WARNING_FILTER : filters.status}
            options={[
              ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
              // The warnings list's "查看全部": every status that warns (滞后、严重滞后、未完成), at once; a short
              // label, so the filters keep to one line (a wider select wrapped them below the preview's).
              { value: WARNING_FILTER, label: t('overview.warningStatuses') },
            ]}
            onChange={(v) => update({ status: v })}
          />
          <AsOfTimeline filters={filters} onChange={(asOf) => update({ asOf }, { replace: true })} />
          {/* The two view switches share one column: the row stays as wide as with one, so it does not
            wrap once the plans' titles widen the plan select (layout shift of the server-rendered preview). */}
          <div className="filters__toggles">
            <label className="check">
              <input
                type="checkbox"
                checked={filters.compare}
                onChange={(e) => update({ compare: e.target.checked ? undefined : '0' })}
              />
              {t('overview.compare')}
            </label>
            <IncludePendingSwitch on={!!filters.includePending} onChange={(v) => update({ includePending: v })} />
          </div>
          {active && (
            <button
              type="button"
              className="button button--ghost"
              onClick={() =>
                update({
                  plan: undefined,
                  district: undefined,
                  department: undefined,
                  status: undefined,
                  asOf: undefined,
                })
              }
            >
              {t('common.clear')}
            </button>
          )}
        </div>
      </FilterSheet>
    </section>
  );
}
