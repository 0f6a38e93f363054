import { formatFigurePeriod } from '../../domain/figure-period';
import {
  changeDigits,
  changeOf,
  completionText,
  derivedCompletion,
  formatDerived,
  gapText,
  nextNodeText,
  roundDerived,
} from '../../domain/figures';
import {
  formatDate,
  formatPercent,
  formatQuantity,
  formatQuantityFit,
  formatShortDate,
  type Locale,
} from '../../domain/format';
import type { TargetDetailResponse } from '../../domain/target-api';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { Delta } from '../../ui/delta';
import { DemoTag } from '../../ui/demo-tag';
import { ProvisionalTag } from '../../ui/pending';
import { ProgressBar } from '../../ui/progress-bar';
import { formatRunRate } from '../../ui/run-rate';
import { projectsHintParams, StatusBadge } from '../../ui/status-badge';

type Item = TargetDetailResponse['item'];

/** The latest figure's date as its source gives it (1—11月, 2025年6月): the period of the report it rests on. */
function latestPeriod(item: Item, asOf: string, locale: Locale): string {
  const report = item.reports.findLast((r) => r.asOf === asOf && !r.superseded);
  return formatFigurePeriod(asOf, report?.period, locale);
}

/**
 * The figures a person looks for first: where it is, where it should be, where it is heading. Every
 * percentage here can be checked from the numbers beside it: 完成率 = 当前值 ÷ 目标值, and the gap
 * is 完成率 − 应完成率 (or, for a rate, the rate's own difference from its target).
 */
export function TargetSummary({ item, asOf }: { item: Item; asOf?: string | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { state } = item;
  const milestone = item.kind === 'milestone';
  const rate = state.gapBasis === 'rate';
  const current = milestone
    ? completionText(item, state, locale)
    : formatQuantity(state.latest?.value ?? null, item.unit, locale);
  const goal = milestone
    ? t('target.stagesTotal', { total: item.stages.length })
    : `${formatQuantity(item.target, item.unit, locale)} ${t(`target.comparator.${item.comparator}`)}`;
  const behind = milestone ? (state.milestone?.overdueDays ?? 0) > 0 : (state.gap ?? 0) < 0;
  const base = state.fromBaseline;
  const nextNode = nextNodeText(state, locale);
  const final = state.status === 'missed' || (state.status === 'achieved' && state.judgedAt >= item.deadline);
  // The view's date may be later than this target's figure (another department reported later):
  // the target is judged at its own figure's date, and says so.
  const older = state.latest !== null && asOf !== undefined && state.judgedAt < asOf;
  return (
    <section className="card target-summary" aria-label={t('target.summary')}>
      {/* On paper the page header (with the status) gives way to the print header: say it here. */}
      <p data-print-only="">
        {t('common.status')}：
        <StatusBadge status={state.status} forecastMiss={state.forecastMiss} projects={state.projects} />
      </p>
      <dl className="stat-row">
        <div className="stat">
          <dt>{t('common.value')}</dt>
          <dd className="stat__big num">
            {current}
            {state.latest?.demo && <DemoTag />}
            <ProvisionalTag latest={state.latest} />
          </dd>
          {state.latest && (
            <dd className="muted small num">
              {t('common.asOf')} {latestPeriod(item, state.latest.asOf, locale)}
            </dd>
          )}
        </div>
        <div className="stat">
          <dt>{t('common.goal')}</dt>
          <dd className="stat__big num">{goal}</dd>
          <dd className="muted small num">
            {t('target.deadline')} {formatDate(item.deadline, locale)}
          </dd>
        </div>
        {!milestone && (
          <div className="stat">
            <dt>{t('common.progress')}</dt>
            <dd className="stat__big num">{formatPercent(state.progress, locale)}</dd>
            <dd className="muted small num">
              {rate
                ? `${t('common.goal')} ${formatQuantity(item.target, item.unit, locale)}`
                : `${t('common.expected')} ${formatPercent(state.expected, locale)}`}
            </dd>
          </div>
        )}
        <div className="stat">
          <dt>{t('common.gap')}</dt>
          <dd className="stat__big stat__words num" data-negative={behind || undefined}>
            {gapText(item, state, locale)}
          </dd>
          <dd className="small">
            <Delta change={changeOf(item, state, item.previousState)} digits={changeDigits(item)} />
          </dd>
        </div>
        {state.projection && !rate && !final && (
          <div className="stat">
            <dt>{t('common.projection')}</dt>
            <dd className="stat__big num">{formatDerived(item, state.projection.value, locale)}</dd>
            <dd className="muted small num">
              {t('common.progress')} {formatPercent(derivedCompletion(item, state.projection.value), locale)} ·{' '}
              {state.forecastMiss ? t('common.forecastMiss') : t('common.willMeet')}
            </dd>
          </div>
        )}
      </dl>
      {state.projects && (
        <p className="small" data-projects="behind">
          {t('common.projectsBehindHint', projectsHintParams(state.projects, locale))}
        </p>
      )}
      <ProgressBar
        progress={state.progress}
        expected={state.expected}
        name={item.title}
        status={state.status}
        size="lg"
        valueText={milestone ? completionText(item, state, locale) : undefined}
      />
      {final && state.progress !== null && (
        <p className="target-summary__final" data-status={state.status}>
          {state.status === 'missed'
            ? t('target.finalMissed', { progress: formatPercent(state.progress, locale) })
            : t('target.finalAchieved', { progress: formatPercent(state.progress, locale) })}
        </p>
      )}
      {nextNode && <p className="target-summary__rate">{nextNode}</p>}
      {base && state.latest?.value != null && item.target !== null && (
        <p className="target-summary__rate num">
          {t('target.fromBaseline', {
            date: formatShortDate(base.asOf, locale),
            base: formatQuantity(base.value, item.unit, locale),
            done: formatQuantityFit(state.latest.value - base.value, item.unit, locale),
            // Derived, so to the precision of the target as written (1,040P, not 1,039.6P).
            expected: formatQuantityFit(
              roundDerived(item, base.expected * (item.target - base.value)),
              item.unit,
              locale,
            ),
          })}
        </p>
      )}
      {state.requiredRate && !final && (
        <p className="target-summary__rate num">{formatRunRate(state.requiredRate, locale, t)}</p>
      )}
      {older && (
        <p className="muted small">{t('common.judgedAt', { date: latestPeriod(item, state.judgedAt, locale) })}</p>
      )}
    </section>
  );
}
