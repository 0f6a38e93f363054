import { formatPercent, formatPp } from '../../domain/format';
import type { ReviewResponse } from '../../domain/review-api';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { CardBody, CardHead, CardRow, CardTable, Cell, HeadCell, RowHeadCell } from '../../ui/card-table';
import { ProgressBar } from '../../ui/progress-bar';
import { usePhone } from './review-fold';

function Count({ label, value, status }: { label: string; value: number; status: string }) {
  return (
    <div className="review-count" data-status={status}>
      <dt>{label}</dt>
      <dd className="num">{value}</dd>
    </div>
  );
}

/** On a phone the sectors' table folds under the counts (the briefing goes on to the warnings). */
function Folded({ summary, children }: { summary: string; children: React.ReactNode }) {
  const phone = usePhone();
  if (!phone) return <>{children}</>;
  return (
    <details className="review-sectors__fold">
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

/** The headline counts of the meeting and every sector now against the previous meeting. */
export function ReviewSectors({ data }: { data: ReviewResponse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const overdue = data.overdue.reduce((n, g) => n + g.items.length, 0);
  const sectors = data.sectors.filter((s) => s.now.total > 0);
  return (
    <section className="card" aria-labelledby="review-sectors-title">
      <div className="card__head">
        <h2 id="review-sectors-title" className="card__title">
          {t('review.sectors')}
        </h2>
        <span className="card__hint">{t('review.sectorsHint')}</span>
      </div>
      <dl className="review-counts">
        <Count label={t('review.newWarnings')} value={data.newWarnings.length} status="lagging" />
        <Count label={t('review.recoveries')} value={data.recoveries.length} status="on_track" />
        <Count label={t('review.stillSevere')} value={data.stillSevere.length} status="severe" />
        <Count label={t('review.overdue')} value={overdue} status="no_data" />
      </dl>
      <Folded summary={t('review.sectorBars', { count: sectors.length })}>
        <CardTable className="review-sector-table">
          <caption className="visually-hidden">{t('review.sectors')}</caption>
          <CardHead>
            <HeadCell>{t('common.sector')}</HeadCell>
            <HeadCell>{t('review.progressNow')}</HeadCell>
            <HeadCell className="num">{t('review.previousProgress')}</HeadCell>
            <HeadCell className="num">{t('review.change')}</HeadCell>
            <HeadCell className="num">{t('review.warningCount')}</HeadCell>
          </CardHead>
          <CardBody>
            {sectors.map((s) => {
              const name = locale === 'en' ? s.nameEn : s.name;
              const dir = s.change === null ? 'flat' : s.change > 0.0005 ? 'up' : s.change < -0.0005 ? 'down' : 'flat';
              return (
                <CardRow key={s.id}>
                  <RowHeadCell card="title">{name}</RowHeadCell>
                  <Cell card="wide" className="review-sector-table__bar">
                    <ProgressBar progress={s.now.progress} expected={s.now.expected} name={name} />
                  </Cell>
                  <Cell label={t('review.previousProgress')} className="num">
                    {formatPercent(s.previous.progress, locale)}
                  </Cell>
                  <Cell label={t('review.change')} className="num">
                    <span className="delta" data-dir={dir}>
                      <span aria-hidden="true">{dir === 'up' ? '▲' : dir === 'down' ? '▼' : '■'}</span>{' '}
                      {formatPp(s.change, locale)}
                    </span>
                  </Cell>
                  <Cell label={t('review.warningCount')} className="num">
                    {s.now.counts.lagging + s.now.counts.severe}
                    <span className="muted"> / {s.now.total}</span>
                  </Cell>
                </CardRow>
              );
            })}
          </CardBody>
        </CardTable>
      </Folded>
    </section>
  );
}
