import { usePlans } from '../../api/get-plans';
import type { RankingsParams } from '../../api/get-rankings';
import { RANKING_BY, type RankingBy } from '../../domain/department-api';
import { formatDate } from '../../domain/format';
import { RANKING_MEASURES, type RankingMeasure } from '../../domain/rankings';
import type { MessageKey } from '../../i18n/messages';
import { useTranslation } from '../../i18n/use-translation';
import { chipsFor, PlanField, planTitle } from '../../ui/filter-fields';
import { FilterSheet } from '../../ui/filter-sheet';
import { IncludePendingSwitch } from '../../ui/pending';

type Update = (patch: Partial<Record<keyof RankingsParams, string | undefined>>) => void;

export const BY_LABEL: Record<RankingBy, MessageKey> = {
  department: 'rankings.byDepartment',
  district: 'rankings.byDistrict',
};
export const MEASURE_LABEL: Record<RankingMeasure, MessageKey> = {
  share: 'rankings.measureShare',
  gap: 'rankings.measureGap',
  reporting: 'rankings.measureReporting',
};

/** A set of radio buttons drawn as one switch: a native group, so arrow keys move within it. */
function Switch<T extends string>({
  name,
  legend,
  options,
  value,
  label,
  onChange,
}: {
  name: string;
  legend: string;
  options: readonly T[];
  value: T;
  label: (v: T) => string;
  onChange: (v: T) => void;
}) {
  return (
    <fieldset className="switch">
      <legend className="field__label">{legend}</legend>
      <div className="switch__options">
        {options.map((o) => (
          <label key={o} className="switch__option">
            <input type="radio" name={name} value={o} checked={value === o} onChange={() => onChange(o)} />
            <span>{label(o)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Departments or districts, the measure, the plan and the as-of date; the export of exactly this
 * table. On a phone all of it in a sheet behind a "筛选" button, what differs from the default as chips.
 */
export function RankingsToolbar({
  params,
  update,
  xlsxHref,
}: {
  params: RankingsParams;
  update: Update;
  xlsxHref: string;
}) {
  const { t, locale } = useTranslation();
  const plans = usePlans().data?.items;
  const chips = chipsFor(
    [
      ['by', t('rankings.by'), params.by && params.by !== 'department' && t(BY_LABEL[params.by])],
      [
        'measure',
        t('rankings.measure'),
        params.measure && params.measure !== 'share' && t(MEASURE_LABEL[params.measure]),
      ],
      ['plan', t('common.plan'), params.plan && planTitle(plans, params.plan)],
      ['asOf', t('rankings.asOfLabel'), params.asOf && formatDate(params.asOf, locale)],
      ['includePending', undefined, params.includePending && t('pending.switch')],
    ],
    (key) => update({ [key]: undefined }),
  );
  return (
    <section className="card filters-card" aria-label={t('rankings.picker')} data-print-hide>
      <FilterSheet chips={chips}>
        <div className="filters">
          <Switch
            name="rankings-by"
            legend={t('rankings.by')}
            options={RANKING_BY}
            value={params.by ?? 'department'}
            label={(v) => t(BY_LABEL[v])}
            onChange={(v) => update({ by: v === 'department' ? undefined : v })}
          />
          <Switch
            name="rankings-measure"
            legend={t('rankings.measure')}
            options={RANKING_MEASURES}
            value={params.measure ?? 'share'}
            label={(v) => t(MEASURE_LABEL[v])}
            onChange={(v) => update({ measure: v === 'share' ? undefined : v })}
          />
          <PlanField value={params.plan} plans={plans} onChange={(v) => update({ plan: v })} />
          <label className="field">
            <span className="field__label">{t('rankings.asOfLabel')}</span>
            <input
              type="date"
              className="rankings-date"
              value={params.asOf ?? ''}
              onChange={(e) => update({ asOf: e.target.value || undefined })}
            />
          </label>
          <IncludePendingSwitch on={!!params.includePending} onChange={(v) => update({ includePending: v })} />
          <div className="rankings-toolbar__exports">
            <a className="button" href={xlsxHref} download>
              {t('rankings.excel')}
            </a>
          </div>
        </div>
      </FilterSheet>
    </section>
  );
}
