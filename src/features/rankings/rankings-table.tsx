import { Link } from 'react-router';
import type { RankingsResponse } from '../../domain/department-api';
import { formatCount } from '../../domain/figures';
import { formatDate, formatPercent } from '../../domain/format';
import { paths } from '../../domain/paths';
import { type RankingMeasure, type RankingRow, shownPp } from '../../domain/rankings';
import { useTranslation } from '../../i18n/use-translation';
import { DemoTag } from '../../ui/demo-tag';
import { ScrollRegion } from '../../ui/scroll-region';
import { BY_LABEL, MEASURE_LABEL } from './rankings-toolbar';

/** A gap in 个百分点 as the table shows it: signed, one decimal (the column header names the unit). */
export function gapFigure(gap: number | null): string {
  if (gap === null) return '—';
  const tenths = shownPp(gap);
  if (tenths === 0) return '0.0';
  return `${tenths > 0 ? '+' : '−'}${(Math.abs(tenths) / 10).toFixed(1)}`;
}

/** The column of each measure: the one the table is ranked by is marked sorted. */
const MEASURE_COLUMN: Record<RankingMeasure, 'share' | 'gap' | 'reportingRate'> = {
  share: 'share',
  gap: 'gap',
  reporting: 'reportingRate',
};

function RankCell({ row }: { row: RankingRow }) {
  const { t } = useTranslation();
  if (row.rank === null) return <span className="muted">{t('rankings.unranked')}</span>;
  return row.tied ? <span className="rank-tied">{t('rankings.tied', { rank: row.rank })}</span> : row.rank;
}

/**
 * The league table. Every rate stands beside the two counts it divides (达标 ÷ 参评, 按时报 ÷ 应报) and the
 * gap beside the two means it subtracts, so a reader can check each one on the same row.
 */
export function RankingsTable({
  data,
  includePending,
}: {
  data: RankingsResponse;
  /** "含待审核": each department's page opens with the same switch. */
  includePending?: true | undefined;
}) {
  const { t, locale } = useTranslation();
  const sorted = MEASURE_COLUMN[data.measure];
  const th = (key: string, label: string) => (
    <th scope="col" className="num" aria-sort={key === sorted ? 'descending' : undefined}>
      {label}
    </th>
  );
  const pct = (x: number | null) => formatPercent(x, locale);
  const n = (x: number) => formatCount(x, locale);
  const caption = t('rankings.caption', {
    by: t(BY_LABEL[data.by]),
    measure: t(MEASURE_LABEL[data.measure]),
    date: formatDate(data.asOf, locale),
  });
  if (data.rows.length === 0) return <p className="muted">{t('rankings.empty')}</p>;
  return (
    <ScrollRegion label={caption}>
      <table className="table rankings-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rankings.rank')}</th>
            <th scope="col">{t(BY_LABEL[data.by])}</th>
            {th('targets', t('rankings.targets'))}
            {th('judged', t('rankings.judged'))}
            {th('good', t('rankings.good'))}
            {th('share', t('rankings.share'))}
            {th('avgProgress', t('rankings.avgProgress'))}
            {th('avgExpected', t('rankings.avgExpected'))}
            {th('gap', t('rankings.gap'))}
            {th('reportable', t('rankings.reportable'))}
            {th('reportedInCycle', t('rankings.reported'))}
            {th('reportingRate', t('rankings.reportingRate'))}
            <th scope="col">{t('rankings.demo')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.key}>
              <td className="num rankings-table__rank">
                <RankCell row={r} />
              </td>
              <th scope="row" className="rankings-table__name">
                <Link to={paths.department(r.key, { asOf: data.asOf, includePending })}>{r.name}</Link>
              </th>
              <td className="num">{n(r.targets)}</td>
              <td className="num">{n(r.judged)}</td>
              <td className="num">{n(r.good)}</td>
              <td className="num">{pct(r.share)}</td>
              <td className="num">{pct(r.avgProgress)}</td>
              <td className="num">{pct(r.avgExpected)}</td>
              <td className="num">{gapFigure(r.gap)}</td>
              <td className="num">{n(r.reportable)}</td>
              <td className="num">{n(r.reportedInCycle)}</td>
              <td className="num">{pct(r.reportingRate)}</td>
              <td>{r.demo && <DemoTag />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
