import { derivedCompletion, formatDerived, formatPaceRatio, gapText, shownRunRate } from '../../domain/figures';
import { formatPercent, formatRate, formatRateQuantity } from '../../domain/format';
import type { ReviewResponse, ReviewTarget } from '../../domain/review-api';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { ScrollRegion } from '../../ui/scroll-region';
import { StatusBadge } from '../../ui/status-badge';
import { ReviewFold } from './review-fold';
import { ReviewNarrative } from './review-narrative';
import { TargetLink, targetIndex } from './target-link';

/**
 * Every lagging target: the run-rate it now needs, the rate it has kept up recently, where it is
 * heading, and what its department says is stuck and will be done.
 */
export function ReviewLaggards({
  data,
  onSupervise,
}: {
  data: ReviewResponse;
  /** The target office's 新增督办 on a lagging or severely lagging target (absent for everyone else). */
  onSupervise?: ((target: ReviewTarget) => void) | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const target = targetIndex(data.targets);
  return (
    <ReviewFold
      id="review-laggards-title"
      title={t('review.laggards')}
      hint={t('review.laggardsHint')}
      count={t('review.targetsCount', { count: data.laggards.length })}
      open={false}
    >
      {data.laggards.length === 0 ? (
        <p className="muted">{t('review.none')}</p>
      ) : (
        <ScrollRegion label={t('review.table', { name: t('review.laggards') })}>
          <table className="table review-laggards">
            <thead>
              <tr>
                <th scope="col">{t('common.target')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col" className="num">
                  {t('common.gap')}
                </th>
                <th scope="col" className="num">
                  {t('review.needed')}
                </th>
                <th scope="col" className="num">
                  {t('review.recent')}
                </th>
                <th scope="col" className="num">
                  {t('review.paceRatio')}
                </th>
                <th scope="col" className="num">
                  {t('common.projection')}
                </th>
                <th scope="col">{t('meetingNarrative.column')}</th>
                {onSupervise && (
                  <th scope="col" data-print-hide="">
                    <span className="visually-hidden">{t('review.supervise')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {data.laggards.map((l) => {
                const x = target(l.id);
                if (!x) return null;
                const run = l.requiredRate && shownRunRate(l.requiredRate);
                return (
                  <tr key={l.id}>
                    <td>
                      <TargetLink target={x} asOf={data.asOf} />
                    </td>
                    <td>
                      <StatusBadge status={l.status} forecastMiss={x.state.forecastMiss} />
                    </td>
                    <td className="num" title={gapText(x, x.state, locale)}>
                      {gapText(x, x.state, locale, true)}
                    </td>
                    <td className="num">{run ? formatRate(run.needed, run.unit, 'week', locale) : '—'}</td>
                    <td className="num">{run ? formatRateQuantity(run.recent, run.unit, locale) : '—'}</td>
                    <td className="num">{formatPaceRatio(run, locale)}</td>
                    <td className="num">
                      {l.projection && x.state.gapBasis === 'target' && l.status !== 'missed'
                        ? `${formatDerived(x, l.projection.value, locale)}（${formatPercent(derivedCompletion(x, l.projection.value), locale)}）`
                        : '—'}
                    </td>
                    <td className="review-laggards__narrative">
                      <ReviewNarrative target={x} asOf={data.asOf} />
                    </td>
                    {onSupervise && (
                      <td data-print-hide="">
                        {(l.status === 'lagging' || l.status === 'severe') && (
                          <button
                            type="button"
                            className="button button--small review-laggards__supervise"
                            aria-label={t('review.superviseFor', { title: x.title })}
                            onClick={() => onSupervise(x)}
                          >
                            {t('review.supervise')}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </ReviewFold>
  );
}
