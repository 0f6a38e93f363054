import type { DepartmentViewResponse } from '../../domain/department-api';
import { formatCount } from '../../domain/figures';
import { formatPercent, formatShortDate } from '../../domain/format';
import { useTranslation } from '../../i18n/use-translation';

const BAR_W = 30;
const GAP = 22;
const H = 90;
/** Room above the tallest bar for its figure. */
const TOP = 16;

/**
 * 达标率 week by week: plain bars (no chart library on this page) over a table that says the same in
 * numbers, so every bar can be read, and checked (达标 ÷ 参评), without seeing it.
 */
export function DepartmentTrend({ data }: { data: DepartmentViewResponse }) {
  const { t, locale } = useTranslation();
  const points = data.trend;
  const title = t('departmentView.trend');
  const width = points.length * (BAR_W + GAP);
  return (
    <section className="card" aria-labelledby="dept-trend-title">
      <div className="card__head">
        <h2 id="dept-trend-title" className="card__title">
          {title}
        </h2>
        <span className="card__hint">{t('departmentView.trendHint', { weeks: points.length })}</span>
      </div>
      {points.length === 0 ? (
        <p className="muted">{t('departmentView.noTrend')}</p>
      ) : (
        <>
          <svg
            className="dept-trend__bars"
            viewBox={`0 0 ${width} ${TOP + H + 18}`}
            width={width}
            height={TOP + H + 18}
            aria-hidden="true"
            focusable="false"
          >
            <line x1={0} x2={width} y1={TOP + H} y2={TOP + H} className="dept-trend__axis" />
            {points.map((p, i) => {
              const h = p.share === null ? 0 : Math.max(1, p.share * H);
              const x = i * (BAR_W + GAP) + GAP / 2;
              return (
                <g key={p.asOf}>
                  {p.share !== null && (
                    <rect x={x} y={TOP + H - h} width={BAR_W} height={h} rx={2} className="dept-trend__bar" />
                  )}
                  <text x={x + BAR_W / 2} y={TOP + H - h - 4} textAnchor="middle" className="dept-trend__label">
                    {p.share === null ? '—' : formatPercent(p.share, locale, 0)}
                  </text>
                  <text x={x + BAR_W / 2} y={TOP + H + 14} textAnchor="middle" className="dept-trend__label">
                    {formatShortDate(p.asOf, locale)}
                  </text>
                </g>
              );
            })}
          </svg>
          <table className="table dept-trend__table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('departmentView.week')}</th>
                <th scope="col" className="num">
                  {t('rankings.good')}
                </th>
                <th scope="col" className="num">
                  {t('rankings.judged')}
                </th>
                <th scope="col" className="num">
                  {t('rankings.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.asOf}>
                  <th scope="row">{formatShortDate(p.asOf, locale)}</th>
                  <td className="num">{formatCount(p.good, locale)}</td>
                  <td className="num">{formatCount(p.judged, locale)}</td>
                  <td className="num">{formatPercent(p.share, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
