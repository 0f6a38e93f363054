import { usePlans } from '../../api/get-plans';
import { useTargets } from '../../api/get-targets';
import { formatDate } from '../../domain/format';
import type { ReviewResponse } from '../../domain/review-api';
import { useTranslation } from '../../i18n/use-translation';
import { chipsFor, DistrictField, districtsOf, PlanField, planTitle } from '../../ui/filter-fields';
import { FilterSheet } from '../../ui/filter-sheet';
import { IncludePendingSwitch } from '../../ui/pending';
import { type ReviewParams, reviewDocxHref, reviewXlsxHref, targetsCsvHref } from './api/get-review';

type Update = (
  patch: Partial<Record<Exclude<keyof ReviewParams, 'knownAt'> | 'time', string | undefined>>,
  o?: { replace?: boolean },
) => void;

/**
 * The meeting (its date and the previous meeting's), the plan and district, and the exports. The
 * date fields show the dates the server chose until someone picks their own. On a phone the
 * pickers and exports fold into a sheet behind a "筛选" button, the meeting and filters shown as chips.
 */
export function ReviewToolbar({
  params,
  time,
  update,
  data,
}: {
  params: ReviewParams;
  /** The meeting time (HH:MM) when one is set. */
  time: string;
  update: Update;
  data: ReviewResponse | undefined;
}) {
  const { t, locale } = useTranslation();
  const plans = usePlans().data?.items;
  const targets = useTargets({});
  const asOf = params.asOf ?? data?.asOf ?? '';
  const previous = params.previous ?? data?.previousAsOf ?? '';
  // The exports count what the screen counts: with the switch on, the 初报 figures too.
  const scope: Pick<ReviewParams, 'plan' | 'district' | 'includePending'> = {
    plan: params.plan,
    district: params.district,
    includePending: params.includePending,
  };
  // The exports reproduce what is on screen: the same meeting and the same knowledge cut.
  const meeting = data
    ? { asOf: data.asOf, previous: data.previousAsOf, knownAt: data.knownAt }
    : { asOf: params.asOf, previous: params.previous, knownAt: params.knownAt };
  const chips = chipsFor(
    [
      // The meeting someone picked (the page's heading names it either way); removed, the server's choice again.
      ['asOf', t('review.meeting'), params.asOf && `${formatDate(params.asOf, locale)}${time ? ` ${time}` : ''}`],
      ['previous', t('review.previous'), params.previous && formatDate(params.previous, locale)],
      ['plan', t('common.plan'), params.plan && planTitle(plans, params.plan)],
      ['district', t('common.district'), params.district],
      ['includePending', undefined, params.includePending && t('pending.switch')],
    ],
    (key) => update(key === 'asOf' ? { asOf: undefined, time: undefined, previous: undefined } : { [key]: undefined }),
  );
  return (
    <section className="card filters-card review-toolbar" aria-label={t('review.picker')}>
      <FilterSheet chips={chips}>
        <div className="filters">
          <label className="field">
            <span className="field__label">{t('review.meeting')}</span>
            <input
              type="date"
              value={asOf}
              onChange={(e) => e.target.value && update({ asOf: e.target.value, previous: undefined })}
            />
          </label>
          <div className="field">
            <label className="field__label" htmlFor="review-time">
              {t('review.time')}
            </label>
            <input
              id="review-time"
              type="time"
              value={time}
              aria-describedby="review-time-hint"
              // A time belongs to a date: picking one fixes the meeting date shown.
              onChange={(e) => update({ time: e.target.value || undefined, asOf: asOf || undefined })}
            />
            {/* Read with the field; on screen the label's "optional" says enough and keeps the row aligned. */}
            <span id="review-time-hint" className="visually-hidden">
              {t('review.timeHint')}
            </span>
          </div>
          <label className="field">
            <span className="field__label">{t('review.previous')}</span>
            <input
              type="date"
              value={previous}
              max={asOf || undefined}
              onChange={(e) => e.target.value && update({ previous: e.target.value })}
            />
          </label>
          <PlanField value={params.plan} plans={plans} onChange={(v) => update({ plan: v })} />
          <DistrictField
            value={params.district}
            districts={districtsOf(targets.data?.items ?? [])}
            onChange={(v) => update({ district: v })}
          />
          <IncludePendingSwitch on={!!params.includePending} onChange={(v) => update({ includePending: v })} />
          <div className="review-toolbar__exports">
            <a className="button" href={reviewXlsxHref({ ...scope, ...meeting })} download>
              {t('review.excel')}
            </a>
            <a className="button button--ghost" href={reviewDocxHref({ ...scope, ...meeting })} download>
              {t('review.word')}
            </a>
            <a
              className="button button--ghost"
              href={targetsCsvHref({ ...scope, asOf: data?.asOf, knownAt: data?.knownAt })}
              download
            >
              {t('review.csv')}
            </a>
            <button type="button" className="button button--ghost" onClick={() => window.print()}>
              {t('review.print')}
            </button>
          </div>
        </div>
      </FilterSheet>
    </section>
  );
}
