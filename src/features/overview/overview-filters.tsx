import { usePlans } from '../../api/get-plans';
import { useTargets } from '../../api/get-targets';
import { formatDate } from '../../domain/format';
import { DISTRICT_CITY, STATUSES } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { type FilterChip, FilterSheet } from '../../ui/filter-sheet';
import { IncludePendingSwitch } from '../../ui/pending';
import { AsOfTimeline } from './as-of-timeline';
import { type OverviewFilters, WARNING_FILTER } from './use-overview-filters';

type Update = (patch: Partial<Record<keyof OverviewFilters, string | undefined>>, o?: { replace?: boolean }) => void;

function Select({
  label,
  value,
  options,
  onChange,
  allLabel,
  className,
}: {
  className?: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (v: string) => void;
  allLabel: string;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select className={className} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Plan, district, department and status filters, the as-of timeline and the week-on-week switch.
 * Options come from their own queries: if one fails, its select still offers "all" and the page works.
 * On a phone they fold into a sheet behind a "筛选" button, the active ones shown as chips.
 */
export function OverviewFiltersBar({ filters, update }: { filters: OverviewFilters; update: Update }) {
  const { t, locale } = useTranslation();
  const plans = usePlans();
  const targets = useTargets({});
  const items = targets.data?.items ?? [];
  const districts = [...new Set([DISTRICT_CITY, ...items.map((i) => i.district)])];
  // Value: the registry id the filter takes; label: the department's name as the targets carry it.
  const departmentNames = new Map<string, string>();
  for (const i of items) if (i.department !== null) departmentNames.set(i.department, i.departmentName ?? i.department);
  const departments = [...departmentNames]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  const all = t('common.all');
  const active = filters.plan || filters.district || filters.department || filters.statuses.length > 0 || filters.asOf;
  const chip = (key: keyof OverviewFilters, label: string, value: string): FilterChip => ({
    key,
    label,
    value,
    onRemove: () => update({ [key]: undefined }),
  });
  const chips: FilterChip[] = [];
  if (filters.plan)
    chips.push(
      chip('plan', t('common.plan'), plans.data?.items.find((p) => p.id === filters.plan)?.title ?? filters.plan),
    );
  if (filters.district) chips.push(chip('district', t('common.district'), filters.district));
  if (filters.department)
    chips.push(
      chip('department', t('common.department'), departmentNames.get(filters.department) ?? filters.department),
    );
  if (filters.statuses.length > 0)
    chips.push(
      chip(
        'status',
        t('common.status'),
        filters.statuses.length > 1 ? t('overview.warningStatuses') : t(`status.${filters.statuses[0] ?? 'lagging'}`),
      ),
    );
  if (filters.asOf) chips.push(chip('asOf', t('overview.asOfLabel'), formatDate(filters.asOf, locale)));
  if (filters.includePending) chips.push({ ...chip('includePending', '', t('pending.switch')), label: undefined });
  return (
    <section className="card filters-card" aria-label={t('overview.filters')}>
      <FilterSheet chips={chips}>
        <div className="filters">
          <Select
            label={t('common.plan')}
            value={filters.plan}
            allLabel={all}
            options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
            onChange={(v) => update({ plan: v })}
          />
          <Select
            label={t('common.district')}
            value={filters.district}
            allLabel={all}
            options={districts.map((d) => ({ value: d, label: d }))}
            onChange={(v) => update({ district: v })}
          />
          <Select
            label={t('common.department')}
            className="filters__department"
            value={filters.department}
            allLabel={all}
            options={departments}
            onChange={(v) => update({ department: v })}
          />
          <Select
            label={t('common.status')}
            value={filters.statuses.length > 1 ? WARNING_FILTER : filters.status}
            allLabel={all}
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
