import { screen, waitFor, within } from '@testing-library/react';
import type { SummaryResponse } from '../domain/api';
import { PAGE_NAMES, type PageKind } from '../domain/page-meta';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-cn';
import { zhMeeting } from '../i18n/zh-cn-meeting';
import { zhWork } from '../i18n/zh-cn-work';
import { renderApp, setupMockApi } from '../test/render-app';

setupMockApi();

const get = async <T,>(p: string): Promise<T> =>
  (await fetch(`${window.location.origin}/api/v1${p}`)).json() as Promise<T>;

/** 2025-12-26 → 12月26日, written out here rather than by the function under test. */
const short = (iso: string) => {
  const [, m, d] = iso.split('-').map(Number);
  return `${m}月${d}日`;
};

describe('document titles (the same wording as the link previews, src/domain/page-meta.ts)', () => {
  it('calls each page by the name its heading has, in both languages', () => {
    const same: Array<[PageKind, string, string]> = [
      ['overview', zhCN.overview.title, en.overview.title],
      ['projects', zhCN.projects.title, en.projects.title],
      ['review', zhMeeting.review.title, en.review.title],
      ['rankings', zhMeeting.rankings.title, en.rankings.title],
      ['screen', zhMeeting.screen.docTitle, en.screen.docTitle],
      ['report', zhWork.report.docTitle, en.report.docTitle],
      ['reportImport', zhWork.report.importDocTitle, en.report.importDocTitle],
      ['admin', zhWork.admin.docTitle, en.admin.docTitle],
      ['reviewQueue', zhWork.reviewQueue.docTitle, en.reviewQueue.docTitle],
      ['signIn', zhWork.report.signInTitle, en.report.signInTitle],
      ['notFound', zhCN.notFound.title, en.notFound.title],
    ];
    for (const [kind, zh, english] of same) {
      expect(PAGE_NAMES['zh-CN'][kind], kind).toBe(zh);
      expect(PAGE_NAMES.en[kind], kind).toBe(english);
    }
  });

  it('follows the SPA from the overview to a sector with the figures each page shows', async () => {
    const s = await get<SummaryResponse>('/summary');
    const { counts, total } = s.overall;
    const { user } = renderApp('/');
    await waitFor(() =>
      expect(document.title).toBe(
        `总览 · ${total} 项目标 · 滞后 ${counts.lagging} 项 · 严重滞后 ${counts.severe} 项 · 截至 ${short(
          s.freshness.latestReportAsOf ?? s.asOf,
        )}${s.containsDemo ? ' · 演示' : ''} · 目标进度看板`,
      ),
    );
    const livelihood = s.sectors.find((x) => x.id === 'livelihood');
    if (!livelihood) throw new Error('no livelihood sector');
    const sectors = await screen.findByRole('region', { name: '十大领域进度' });
    await user.click(within(sectors).getByRole('link', { name: '民生' }));
    await waitFor(() =>
      expect(document.title).toMatch(
        new RegExp(
          `^民生 · 滞后 ${livelihood.counts.lagging} 项 · 严重滞后 ${livelihood.counts.severe} 项 · 截至 \\d+月\\d+日.* · 目标进度看板$`,
        ),
      ),
    );
  });
});
