import { reportPeriodText } from '../../domain/figure-period';
import { completionText, formatChange, gapText } from '../../domain/figures';
import { formatPercent, formatPp, formatQuantity } from '../../domain/format';
import type { ReviewResponse, ReviewTarget } from '../../domain/review-api';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { ProgressBar } from '../../ui/progress-bar';
import { ScrollRegion } from '../../ui/scroll-region';
import { StatusBadge } from '../../ui/status-badge';
import { ReviewFold } from './review-fold';
import { CoordinationTag, isAsked, NarrativeLink } from './review-narrative';
import { TargetLink } from './target-link';

function Value({ x }: { x: ReviewTarget }) {
  const locale = useLocale();
  if (x.kind === 'milestone') return <>{completionText(x, x.state, locale)}</>;
  return (
    <>
      {formatQuantity(x.state.latest?.value ?? null, x.unit, locale)}
      <span className="muted"> / {formatQuantity(x.target, x.unit, locale)}</span>
    </>
  );
}

/** Every target of every sector: the printout's appendix. */
export function ReviewSectorTables({ data }: { data: ReviewResponse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sectors = data.sectors.filter((s) => s.now.total > 0);
  return (
    <>
      {sectors.map((s) => {
        const name = locale === 'en' ? s.nameEn : s.name;
        const rows = data.targets.filter((x) => x.sectorId === s.id);
        const titleId = `review-sector-${s.id}`;
        return (
          <ReviewFold
            key={s.id}
            id={titleId}
            className="review-sector"
            title={t('review.sectorTargets', { sector: name })}
            hint={
              <span className="num">
                {t('review.targetsCount', { count: rows.length })} · {t('common.progress')}{' '}
                {formatPercent(s.now.progress, locale)} · {t('review.change')} {formatPp(s.change, locale)}
              </span>
            }
            count={t('review.targetsCount', { count: rows.length })}
            open={false}
          >
            <ScrollRegion label={t('review.table', { name: t('review.sectorTargets', { sector: name }) })}>
              <table className="table review-target-table">
                <thead>
                  <tr>
                    <th scope="col">{t('common.target')}</th>
                    <th scope="col" className="num">
                      {t('common.value')}
                    </th>
                    <th scope="col">{t('common.progress')}</th>
                    <th scope="col" className="num">
                      {t('common.gap')}
                    </th>
                    <th scope="col" className="num">
                      {t('review.change')}
                    </th>
                    <th scope="col">{t('common.status')}</th>
                    <th scope="col" className="num">
                      {t('common.latest')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((x) => (
                    <tr key={x.id}>
                      <td>
                        <TargetLink target={x} asOf={data.asOf} />
                        {isAsked(x) && (
                          <span className="review-narrative__inline">
                            {x.latestReport?.narrative?.coordination ? <CoordinationTag /> : null}
                            <NarrativeLink target={x} asOf={data.asOf} />
                          </span>
                        )}
                      </td>
                      <td className="num nowrap">
                        <Value x={x} />
                      </td>
                      <td className="review-target-table__bar">
                        <ProgressBar
                          progress={x.state.progress}
                          expected={x.state.expected}
                          name={x.title}
                          status={x.state.status}
                          size="sm"
                          valueText={x.kind === 'milestone' ? completionText(x, x.state, locale) : undefined}
                        />
                      </td>
                      <td className="num" title={gapText(x, x.state, locale)}>
                        {gapText(x, x.state, locale, true)}
                      </td>
                      <td className="num">{formatChange(x, x.state, x.previousState, locale)}</td>
                      <td>
                        <StatusBadge status={x.state.status} forecastMiss={x.state.forecastMiss} />
                      </td>
                      <td className="num nowrap">
                        {x.state.latest
                          ? x.latestReport?.period
                            ? reportPeriodText(x.latestReport, locale)
                            : x.state.latest.asOf
                          : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </ReviewFold>
        );
      })}
    </>
  );
}
