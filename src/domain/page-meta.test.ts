import { emptyCounts, type StatusCounts } from './aggregate';
import {
  figuresDate,
  genericMeta,
  overviewMeta,
  overviewTitle,
  PAGE_NAMES,
  type PageKind,
  reviewMeta,
  reviewTitle,
  type SummaryFacts,
  sectorTitle,
  withAppName,
} from './page-meta';

const counts = (c: Partial<StatusCounts>): StatusCounts => ({ ...emptyCounts(), ...c });
const summary = (c: Partial<StatusCounts>, o: Partial<SummaryFacts> = {}): SummaryFacts => {
  const all = counts(c);
  return {
    asOf: '2025-12-29',
    overall: { total: Object.values(all).reduce((a, b) => a + b, 0), counts: all },
    freshness: { latestReportAsOf: '2025-12-26' },
    containsDemo: false,
    ...o,
  };
};

describe('page titles', () => {
  it('puts the app’s name after the page’s', () => {
    expect(withAppName('总览', 'zh-CN')).toBe('总览 · 目标进度看板');
    expect(withAppName(undefined, 'en')).toBe('Target Board');
  });

  it('says the overview’s behind counts even at zero, and the year’s outcome past every deadline', () => {
    expect(overviewTitle(summary({ achieved: 5, on_track: 3 }), 'zh-CN')).toBe(
      '总览 · 8 项目标 · 滞后 0 项 · 严重滞后 0 项 · 截至 12月26日',
    );
    expect(overviewTitle(summary({ achieved: 200, missed: 34 }, { containsDemo: true }), 'zh-CN')).toBe(
      '总览 · 234 项目标 · 已完成 200 项 · 未完成 34 项 · 截至 12月26日 · 演示',
    );
    expect(overviewTitle(summary({ lagging: 1234, on_track: 1 }), 'en')).toBe(
      'Overview · 1,235 targets · Lagging 1,234 · Severely lagging 0 · as of Dec 26',
    );
    // A past date chosen on the timeline is the date said; no figure at all: no date.
    expect(overviewTitle(summary({ on_track: 1 }, { asOf: '2025-06-30' }), 'zh-CN')).toContain('截至 6月30日');
    expect(overviewTitle(summary({ no_data: 1 }, { freshness: { latestReportAsOf: null } }), 'zh-CN')).toBe(
      '总览 · 1 项目标 · 滞后 0 项 · 严重滞后 0 项',
    );
    expect(figuresDate('2025-12-29', '2025-12-26')).toBe('2025-12-26');
  });

  it('describes the overview as its count line does, and marks demo figures', () => {
    const m = overviewMeta(
      summary({ achieved: 84, on_track: 81, lagging: 23, severe: 22, no_data: 9 }, { containsDemo: true }),
      'zh-CN',
    );
    expect(m.description).toBe(
      '219 项目标：已完成 84 · 正常 81 · 滞后 23 · 严重滞后 22 · 未填报 9。数据截至 2025年12月26日。含演示数据，不是正式数据。',
    );
  });

  it('counts a sector’s list and dates it by its newest figure', () => {
    const item = (status: 'lagging' | 'severe' | 'on_track', asOf: string | null, demo = false) => ({
      demo: false,
      state: { status, latest: asOf ? { asOf, demo } : null },
    });
    const list = {
      asOf: '2025-12-29',
      items: [
        item('lagging', '2025-12-19'),
        item('severe', '2025-12-12'),
        item('on_track', null),
        item('lagging', null),
      ],
    };
    expect(sectorTitle('民生', list, 'zh-CN')).toBe('民生 · 滞后 2 项 · 严重滞后 1 项 · 截至 12月19日');
    expect(
      sectorTitle('民生', { ...list, items: [...list.items, item('on_track', '2025-12-05', true)] }, 'zh-CN'),
    ).toBe('民生 · 滞后 2 项 · 严重滞后 1 项 · 截至 12月19日 · 演示');
  });

  it('says the meeting’s date, new warnings and overdue reports', () => {
    const r = {
      asOf: '2025-12-29',
      previousAsOf: '2025-12-22',
      newWarnings: [1, 2, 3, 4, 5],
      recoveries: [1],
      stillSevere: [1, 2],
      overdue: [{ items: [1, 2] }, { items: [3] }],
      containsDemo: false,
    };
    expect(reviewTitle(r, 'zh-CN')).toBe('周调度会 · 会议日期 12月29日 · 新增预警 5 项 · 逾期未报 3 项');
    expect(reviewMeta(r, 'zh-CN').description).toBe(
      '会议日期 2025年12月29日，上次会议 2025年12月22日。新增预警 5 项，恢复正常 1 项，仍严重滞后 2 项，逾期未报 3 项。',
    );
    expect(reviewTitle(r, 'en')).toBe('Weekly review meeting · meeting Dec 29 · new warnings 5 · overdue reports 3');
    expect(reviewMeta(r, 'en').description).toBe(
      'Meeting Dec 29, 2025, previous meeting Dec 22, 2025. New warnings 5, back on track 1, still severely lagging 2, overdue reports 3.',
    );
  });

  it('has a generic preview without any figure for every page', () => {
    for (const kind of Object.keys(PAGE_NAMES['zh-CN']) as PageKind[])
      for (const locale of ['zh-CN', 'en'] as const) {
        const m = genericMeta(kind, locale);
        expect(m.title).toBe(PAGE_NAMES[locale][kind]);
        expect(m.description).not.toMatch(/\d/);
        expect(m.description.length).toBeGreaterThan(3);
      }
  });
});
