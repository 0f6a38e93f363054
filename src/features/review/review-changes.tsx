import type { ReactNode } from 'react';
import { changeDigits, gapText } from '../../domain/figures';
import { formatPercent, formatPp, formatQuantity } from '../../domain/format';
import type { ReviewResponse, ReviewTarget, ReviewTransition } from '../../domain/review-api';
import { useTranslation } from '../../i18n/use-translation';
import { useIncludePending } from '../../stores/include-pending';
import { useLocale } from '../../stores/ui-store';
import { LeadDepartment } from '../../ui/lead-department';
import { StatusBadge } from '../../ui/status-badge';
import { ReviewFold } from './review-fold';
import { isAsked, ReviewNarrative } from './review-narrative';
import { TargetLink, targetIndex } from './target-link';

function TransitionList({ data, items }: { data: ReviewResponse; items: ReviewTransition[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const target = targetIndex(data.targets);
  const [includePending] = useIncludePending();
  if (items.length === 0) return <p className="muted">{t('review.none')}</p>;
  return (
    <ul className="review-list">
      {items.map((i) => {
        const x = target(i.id);
        if (!x) return null;
        return (
          <li key={i.id}>
            <div className="review-list__title">
              <TargetLink target={x} asOf={data.asOf} />
            </div>
            <div className="review-list__meta">
              <StatusBadge status={i.from} />
              <span aria-hidden="true">→</span>
              <span className="visually-hidden">{t('review.becomes')}</span>
              <StatusBadge status={i.to} forecastMiss={x.state.forecastMiss} />
              <span className="num">{gapText(x, x.state, locale)}</span>
              <span className="muted small">
                {x.department === null ? (
                  t('review.noDepartment')
                ) : (
                  <LeadDepartment target={x} asOf={data.asOf} includePending={includePending} />
                )}
              </span>
            </div>
            {isAsked(x) && <ReviewNarrative target={x} asOf={data.asOf} />}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * 新增预警: what became lagging since the previous meeting, each with what its department says is
 * stuck and will be done. The meeting reads it first.
 */
export function ReviewNewWarnings({ data }: { data: ReviewResponse }) {
  const { t } = useTranslation();
  return (
    <ReviewFold
      id="review-new-warnings"
      title={t('review.newWarnings')}
      hint={t('review.newWarningsHint')}
      count={t('review.targetsCount', { count: data.newWarnings.length })}
      open
    >
      <TransitionList data={data} items={data.newWarnings} />
    </ReviewFold>
  );
}

/** 仍严重滞后: severely lagging at both meetings, with their 存在问题 and 下步措施. */
export function ReviewStillSevere({ data }: { data: ReviewResponse }) {
  const { t } = useTranslation();
  return (
    <ReviewFold
      id="review-still-severe"
      title={t('review.stillSevere')}
      hint={t('review.stillSevereHint')}
      count={t('review.targetsCount', { count: data.stillSevere.length })}
      open={false}
    >
      <TransitionList data={data} items={data.stillSevere} />
    </ReviewFold>
  );
}

/**
 * A short list, two lines each: the target, then an arrow and what moved and what `after` adds (the
 * figures, the status). Says so when empty.
 */
function CompactList<T extends { id: string }>({
  data,
  items,
  up,
  moved,
  after,
}: {
  data: ReviewResponse;
  items: readonly T[];
  /** Whether the item moved forward (▲) or back (▼). */
  up: (item: T) => boolean;
  /** What moved, after the arrow. */
  moved: (item: T, target: ReviewTarget) => ReactNode;
  /** What follows on the line: the figures before and after, the status. */
  after: (item: T, target: ReviewTarget) => ReactNode;
}) {
  const { t } = useTranslation();
  const target = targetIndex(data.targets);
  if (items.length === 0) return <p className="muted">{t('review.none')}</p>;
  return (
    <ol className="review-list review-list--compact">
      {items.map((m) => {
        const x = target(m.id);
        if (!x) return null;
        const dir = up(m) ? 'up' : 'down';
        return (
          <li key={m.id}>
            <div className="review-list__title">
              <TargetLink target={x} asOf={data.asOf} />
            </div>
            <div className="review-list__meta num">
              <span className="delta" data-dir={dir}>
                <span aria-hidden="true">{dir === 'up' ? '▲' : '▼'}</span> {moved(m, x)}
              </span>
              {after(m, x)}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** The good news and the biggest movers since the previous meeting: short lists, one line each. */
export function ReviewMoves({ data }: { data: ReviewResponse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="review-changes">
      <ReviewFold
        id="review-recoveries"
        title={t('review.recoveries')}
        hint={t('review.recoveriesHint')}
        count={t('review.targetsCount', { count: data.recoveries.length })}
        open={false}
      >
        <TransitionList data={data} items={data.recoveries} />
      </ReviewFold>
      <ReviewFold
        id="review-movers"
        className="review-changes__movers"
        title={t('review.movers')}
        hint={t('review.moversHint')}
        count={t('review.targetsCount', { count: data.biggestMovers.length })}
        open={false}
      >
        <CompactList
          data={data}
          items={data.biggestMovers}
          up={(m) => m.change > 0}
          moved={(m, x) => formatPp(m.change, locale, changeDigits(x))}
          after={(m, x) => (
            <>
              <span>
                {x.state.gapBasis === 'rate'
                  ? `${formatQuantity(x.previousState.latest?.value ?? null, x.unit, locale)} → ${formatQuantity(x.state.latest?.value ?? null, x.unit, locale)}`
                  : `${formatPercent(m.from, locale)} → ${formatPercent(m.to, locale)}`}
              </span>
              <StatusBadge status={x.state.status} forecastMiss={x.state.forecastMiss} projects={x.state.projects} />
            </>
          )}
        />
      </ReviewFold>
      <ReviewFold
        id="review-milestones"
        title={t('review.milestoneSteps')}
        hint={t('review.milestoneStepsHint')}
        count={t('review.targetsCount', { count: data.milestoneSteps.length })}
        open={false}
      >
        <CompactList
          data={data}
          items={data.milestoneSteps}
          up={(m) => m.to > m.from}
          moved={(m) => t('review.nodesStep', { from: m.from, to: m.to, total: m.total })}
          after={(_, x) => <StatusBadge status={x.state.status} />}
        />
      </ReviewFold>
    </div>
  );
}
