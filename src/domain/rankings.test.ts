import { describe, expect, it } from 'vitest';
import { formatPercent, formatPp } from './format';
import { type RankingGroupInput, rankGroups, rankingRowSchema, TIE_RULE_EN, TIE_RULE_ZH } from './rankings';
import type { Status } from './schemas';

/** One target's state: only what the ranking reads. */
const st = (status: Status, progress: number | null = null, expected: number | null = null, demo = false) => ({
  state: { status, progress, expected, milestone: null },
  demo,
});
const group = (name: string, items: RankingGroupInput['items']): RankingGroupInput => ({
  key: `k-${name}`,
  name,
  items,
});
/** `n` targets of one status without figures. */
const many = (n: number, status: Status) => Array.from({ length: n }, () => st(status));

/** What a reader sees per row: name, rank (并列 marked), and the figure being ranked. */
const board = (groups: readonly RankingGroupInput[], measure: 'share' | 'gap' | 'reporting') =>
  rankGroups(groups, measure).map((r) => {
    const rank = r.rank === null ? '—' : `${r.tied ? '并列' : ''}${r.rank}`;
    const figure =
      measure === 'share'
        ? formatPercent(r.share)
        : measure === 'gap'
          ? formatPp(r.gap)
          : formatPercent(r.reportingRate);
    return `${rank} ${r.name} ${figure}`;
  });

describe('rankGroups: counting', () => {
  it('judges every target whose period has begun; 未填报 and 未完成 are judged and not good', () => {
    const [row] = rankGroups(
      [
        group('市发展改革委', [
          st('achieved'),
          st('on_track'),
          st('lagging'),
          st('severe'),
          st('no_data'),
          st('missed'),
          st('not_started'),
          st('not_started'),
        ]),
      ],
      'share',
    );
    expect(row).toMatchObject({
      key: 'k-市发展改革委',
      name: '市发展改革委',
      rank: 1,
      tied: false,
      targets: 8,
      judged: 6,
      good: 2,
      reportable: 6,
      reportedInCycle: 5,
      compared: 0,
      avgProgress: null,
      avgExpected: null,
      gap: null,
      demo: false,
    });
    expect(formatPercent(row?.share ?? null)).toBe('33.3%');
    expect(formatPercent(row?.reportingRate ?? null)).toBe('83.3%');
    expect(rankingRowSchema.parse(row)).toEqual(row);
  });

  it('caps 完成率 at 100 % so one overshoot cannot hide a target far behind', () => {
    // 180 % and 30 % against 50 % each: (100 % + 30 %) ÷ 2 = 65 %, 15 points ahead, not 55 points.
    const [row] = rankGroups([group('市商务局', [st('achieved', 1.8, 0.5), st('severe', 0.3, 0.5)])], 'gap');
    expect(row?.compared).toBe(2);
    expect(row?.avgProgress).toBeCloseTo(0.65, 12);
    expect(row?.avgExpected).toBeCloseTo(0.5, 12);
    expect(formatPp(row?.gap ?? null)).toBe('+15.0个百分点');
  });

  it('averages only judged targets with both 完成率 and 序时进度, and counts a negative 完成率 as 0', () => {
    const [row] = rankGroups(
      [
        group('市财政局', [
          st('severe', -0.4, 0.5), // a growth rate below zero: 0 % done, not −40 %
          st('on_track', 0.6, 0.5),
          st('no_data', null, 0.5), // no figure: not compared
          st('not_started', 0.9, 0), // not begun: not judged at all
        ]),
      ],
      'gap',
    );
    expect(row).toMatchObject({ targets: 4, judged: 3, compared: 2 });
    expect(row?.avgProgress).toBeCloseTo(0.3, 12);
    expect(formatPp(row?.gap ?? null)).toBe('-20.0个百分点');
  });

  it('leaves milestones out of the gap: they are judged by their nodes, never in points', () => {
    // A one-node milestone done before its node's date: 完成率 100 %, 序时进度 0 % (no node due yet).
    const node = { done: 1, total: 1, next: null, overdueDays: 0 };
    const milestone = {
      state: { status: 'achieved' as const, progress: 1, expected: 0, milestone: node },
      demo: false,
    };
    const [mixed] = rankGroups([group('市国资委', [milestone, st('lagging', 0.4, 0.5)])], 'gap');
    expect(mixed).toMatchObject({ judged: 2, good: 1, compared: 1 });
    expect(formatPp(mixed?.gap ?? null)).toBe('-10.0个百分点');
    // Only milestones: no gap to rank by, though 达标率 still counts them.
    const [only] = rankGroups([group('市司法局', [milestone, milestone])], 'gap');
    expect(only).toMatchObject({ judged: 2, good: 2, share: 1, compared: 0, gap: null, rank: null });
  });

  it('marks a row demo when any of its targets is, judged or not', () => {
    const rows = rankGroups(
      [
        group('崂山区', [st('on_track'), st('not_started', null, null, true)]),
        group('市南区', [st('on_track'), st('lagging')]),
      ],
      'share',
    );
    expect(rows.map((r) => [r.name, r.demo])).toEqual([
      ['崂山区', true],
      ['市南区', false],
    ]);
  });

  it('ranks nothing when there are no groups', () => {
    expect(rankGroups([], 'share')).toEqual([]);
    expect(rankGroups([], 'gap')).toEqual([]);
    expect(rankGroups([], 'reporting')).toEqual([]);
  });
});

describe('rankGroups: order', () => {
  // 甲: 50 %, +25.0 points, 50 % reported. 乙: 33.3 %, −13.3 points, 100 %. 丙: 75 %, −1.7 points, 75 %.
  const groups = [
    group('甲局', [st('achieved', 1.2, 0.5), st('on_track', 0.5, 0.5), st('no_data'), st('no_data')]),
    group('乙局', [st('on_track', 0.5, 0.5), st('lagging', 0.4, 0.5), st('severe', 0.2, 0.5)]),
    group('丙局', [st('on_track', 0.5, 0.5), st('on_track', 0.48, 0.5), st('on_track', 0.47, 0.5), st('no_data')]),
  ];

  it('orders by 达标率, higher first', () => {
    expect(board(groups, 'share')).toEqual(['1 丙局 75%', '2 甲局 50%', '3 乙局 33.3%']);
  });

  it('orders by 完成率对序时进度, further ahead first', () => {
    expect(board(groups, 'gap')).toEqual(['1 甲局 +25.0个百分点', '2 丙局 -1.7个百分点', '3 乙局 -13.3个百分点']);
  });

  it('orders by 按时填报率, higher first', () => {
    expect(board(groups, 'reporting')).toEqual(['1 乙局 100%', '2 丙局 75%', '3 甲局 50%']);
  });

  it('gives tied rows the same rank and skips the places they take (1, 2, 2, 4)', () => {
    const rows = [
      group('市商务局', [st('on_track'), st('lagging'), st('severe'), st('missed')]), // 25 %
      group('市工业和信息化局', [st('on_track', 0.5, 0.5), st('lagging', 0.3, 0.5)]), // 50 %, −10.0 points
      group('市发展改革委', [st('achieved')]), // 100 %
      group('市财政局', [st('achieved', 1, 0.5), st('no_data')]), // 50 %, +50.0 points
    ];
    // Within the tie at 50 %, the further ahead of its pace comes first, whatever the names say.
    expect(board(rows, 'share')).toEqual([
      '1 市发展改革委 100%',
      '并列2 市财政局 50%',
      '并列2 市工业和信息化局 50%',
      '4 市商务局 25%',
    ]);
  });

  it('lists a tie by the other measures in turn (an empty one last), then by name in pinyin order', () => {
    // All four reported every judged target: 100 %, one rank. Then 达标率, then the gap, then the name.
    const rows = [
      group('市南区', [st('on_track', 0.5, 0.5), st('lagging', 0.3, 0.5)]), // 50 %, −10.0 points
      group('崂山区', [st('on_track', 0.5, 0.5), st('lagging', 0.3, 0.5)]), // same figures
      group('黄岛区', [st('on_track', 0.5, 0.5), st('lagging', 0.3, 0.5)]), // same figures
      group('李沧区', [st('on_track'), st('lagging')]), // 50 %, no gap to show
      group('城阳区', [st('achieved', 1, 1), st('lagging', 0.2, 0.5)]), // 50 %, −15.0 points
      group('即墨区', [st('achieved', 1, 1)]), // 100 %
    ];
    expect(board(rows, 'reporting')).toEqual([
      '并列1 即墨区 100%',
      '并列1 黄岛区 100%',
      '并列1 崂山区 100%',
      '并列1 市南区 100%',
      '并列1 城阳区 100%',
      '并列1 李沧区 100%',
    ]);
  });

  it('ties rows that read the same once rounded to 0.1 %', () => {
    // 16 of 47 is 34.04 %, 17 of 50 is 34.00 %: both read 34%, so neither is ahead.
    const rows = rankGroups(
      [
        group('市北区', [...many(16, 'on_track'), ...many(31, 'lagging')]),
        group('胶州市', [...many(17, 'on_track'), ...many(33, 'lagging')]),
      ],
      'share',
    );
    expect(rows.map((r) => [r.name, r.rank, r.tied, formatPercent(r.share)])).toEqual([
      ['胶州市', 1, true, '34%'],
      ['市北区', 1, true, '34%'],
    ]);
  });

  it('rounds a half as the display does: 201 of 400 (50.25 %) reads 50.3%, level with 90 of 179', () => {
    const rows = rankGroups(
      [
        group('市北区', [...many(201, 'on_track'), ...many(199, 'lagging')]),
        group('胶州市', [...many(90, 'on_track'), ...many(89, 'lagging')]),
      ],
      'share',
    );
    expect(rows.map((r) => [r.name, r.rank, r.tied, formatPercent(r.share)])).toEqual([
      ['胶州市', 1, true, '50.3%'],
      ['市北区', 1, true, '50.3%'],
    ]);
  });

  it('ties gaps that read the same to 0.1 个百分点, and not gaps that read differently', () => {
    const one = (name: string, progress: number) => group(name, [st('on_track', progress, 0.5)]);
    // −3.334 and −3.336 points both read −3.3: tied (then by name, 莱西 before 平度).
    expect(board([one('平度市', 0.46666), one('莱西市', 0.46664)], 'gap')).toEqual([
      '并列1 莱西市 -3.3个百分点',
      '并列1 平度市 -3.3个百分点',
    ]);
    // +33.34 and +33.36 points read +33.3 and +33.4: not tied.
    expect(board([one('平度市', 0.8334), one('莱西市', 0.8336)], 'gap')).toEqual([
      '1 莱西市 +33.4个百分点',
      '2 平度市 +33.3个百分点',
    ]);
  });

  it('puts rows with nothing to rank on last, unranked, by name', () => {
    const rows = [
      group('西海岸新区', []),
      group('市南区', [st('lagging')]), // 0 %: ranked, and last among the ranked
      group('城阳区', [st('not_started'), st('not_started')]),
      group('崂山区', [st('on_track')]),
    ];
    expect(board(rows, 'share')).toEqual(['1 崂山区 100%', '2 市南区 0%', '— 城阳区 —', '— 西海岸新区 —']);
    const unranked = rankGroups(rows, 'share').filter((r) => r.rank === null);
    expect(unranked.map((r) => r.tied)).toEqual([false, false]);
    // On the gap nobody has figures to compare: everyone unranked, by name.
    expect(board(rows, 'gap')).toEqual(['— 城阳区 —', '— 崂山区 —', '— 市南区 —', '— 西海岸新区 —']);
  });

  it('states the tie rule in both languages', () => {
    expect(TIE_RULE_ZH).toBe('并列：按所选指标（四舍五入到显示精度）相同者名次相同，列出顺序依次按其余指标、名称');
    expect(TIE_RULE_EN).toMatch(/share a rank.*other measures.*name/);
  });
});
