import { formatPercent, formatPp } from '../../domain/format';
import type { ReviewResponse } from '../../domain/review-api';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { ProgressBar } from '../../ui/progress-bar';

function Count({ label, value, status }: { label: string; value: number; status: string }) {
  return (
    <div className="review-count" data-status={status}>
      <dt>{label}</dt>
      <dd className="num">{value}</dd>
    </div>
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
      <table className="table review-sector-table">
        <caption className="visually-hidden">{t('review.sectors')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.sector')}</th>
            <th scope="col">{t('review.progressNow')}</th>
            <th scope="col" className="num">
              {t('review.previousProgress')}
            </th>
            <th scope="col" className="num">
              {t('review.change')}
            </th>
            <th scope="col" className="num">
              {t('review.warningCount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sectors.map((s) => {
            const name = locale === 'en' ? s.nameEn : s.name;
            const dir = s.change === null ? 'flat' : s.change > 0.0005 ? 'up' : s.change < -0.0005 ? 'down' : 'flat';
            return (
              <tr key={s.id}>
                <th scope="row">{name}</th>
                <td className="review-sector-table__bar">
                  <ProgressBar progress={s.now.progress} expected={s.now.expected} name={name} />
                </td>
                <td className="num">{formatPercent(s.previous.progress, locale)}</td>
                <td className="num">
                  <span className="delta" data-dir={dir}>
                    <span aria-hidden="true">{dir === 'up' ? '▲' : dir === 'down' ? '▼' : '■'}</span>{' '}
                    {formatPp(s.change, locale)}
                  </span>
                </td>
                <td className="num">
                  {s.now.counts.lagging + s.now.counts.severe}
                  <span className="muted"> / {s.now.total}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
