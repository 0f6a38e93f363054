import { Link } from 'react-router';
import type { RankingsResponse } from '../../domain/department-api';
import { formatCount } from '../../domain/figures';
import { formatDate, formatPercent } from '../../domain/format';
import { paths } from '../../domain/paths';
import { type RankingMeasure, type RankingRow, shownPp } from '../../domain/rankings';
import { useTranslation } from '../../i18n/use-translation';
import { CardBody, CardHead, CardRow, CardTable, Cell, HeadCell, RowHeadCell } from '../../ui/card-table';
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
    <HeadCell className="num" aria-sort={key === sorted ? 'descending' : undefined}>
      {label}
    </HeadCell>
  );
  // A card shows the measure the table is ranked by in bold (the head that says so is hidden there).
  // `group`: the first of three that read together (参评 · 达标 · 达标率), a new line of a card.
  const cell = (key: string, label: string, value: string, group = false) => (
    <Cell
      className={group ? 'num rankings-table__group' : 'num'}
      label={label}
      data-sorted={key === sorted || undefined}
    >
      {value}
    </Cell>
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
      <CardTable className="rankings-table">
        <caption className="visually-hidden">{caption}</caption>
        <CardHead>
          <HeadCell>{t('rankings.rank')}</HeadCell>
          <HeadCell>{t(BY_LABEL[data.by])}</HeadCell>
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
          <HeadCell>{t('rankings.demo')}</HeadCell>
        </CardHead>
        <CardBody>
          {data.rows.map((r) => (
            <CardRow key={r.key}>
              <Cell className="num rankings-table__rank" label={t('rankings.rank')}>
                <RankCell row={r} />
              </Cell>
              <RowHeadCell className="rankings-table__name" card="title">
                <Link to={paths.department(r.key, { asOf: data.asOf, includePending })}>{r.name}</Link>
              </RowHeadCell>
              <Cell className="num rankings-table__targets" label={t('rankings.targets')}>
                {n(r.targets)}
              </Cell>
              {cell('judged', t('rankings.judged'), n(r.judged), true)}
              {cell('good', t('rankings.good'), n(r.good))}
              {cell('share', t('rankings.share'), pct(r.share))}
              {cell('avgProgress', t('rankings.avgProgress'), pct(r.avgProgress), true)}
              {cell('avgExpected', t('rankings.avgExpected'), pct(r.avgExpected))}
              {cell('gap', t('rankings.gap'), gapFigure(r.gap))}
              {cell('reportable', t('rankings.reportable'), n(r.reportable), true)}
              {cell('reportedInCycle', t('rankings.reported'), n(r.reportedInCycle))}
              {cell('reportingRate', t('rankings.reportingRate'), pct(r.reportingRate))}
              <Cell className="rankings-table__demo">{r.demo && <DemoTag />}</Cell>
            </CardRow>
          ))}
        </CardBody>
      </CardTable>
    </ScrollRegion>
  );
}
