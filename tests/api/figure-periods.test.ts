import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportToRow } from '../../server/repositories/rows';
import { reviewResponseSchema } from '../../src/domain/review-api';
import type { ProgressReport } from '../../src/domain/schemas';
import { targetDetailResponseSchema } from '../../src/domain/target-api';
import { type Backend, backends, testApp } from './test-db';

/**
 * The period a figure describes (issue 21) goes into the database and comes back out of the API as
 * it went in: a published figure of 1—11月 stays a figure of 1—11月 dated 11-30, the press
 * conference's figures stay of 2025年6月, and a report without one (a department's) reads as a day.
 */
const TARGET = 'qd-new-urban-jobs';

describe.each(backends())('figure periods on %s', (backend: Backend) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  const get = (path: string) => ctx.app.request(`/api/v1${path}`);
  const detail = async (id: string) => {
    const r = await get(`/targets/${id}?asOf=2025-12-29`);
    expect(r.status).toBe(200);
    return targetDetailResponseSchema.parse(await r.json()).item;
  };

  const ytd: ProgressReport = {
    id: 'test-ytd-1-11',
    targetId: TARGET,
    asOf: '2025-11-30',
    period: { precision: 'ytd-month', label: '今年1—11月' },
    recordedAt: '2025-12-01T09:00:00+08:00',
    value: 20,
    unit: '万人',
    stagesDone: null,
    note: '',
    evidence: null,
    source: { document: '000_6e82427514599ed6.txt', quote: '今年1—11月' },
    reportedBy: '市人力资源社会保障局（年终报告）',
    supersedes: null,
    correctionReason: null,
    demo: false,
  };

  beforeAll(async () => {
    ctx = await testApp(backend);
    await ctx.db.db.insertInto('reports').values(reportToRow(ytd)).execute();
  });
  afterAll(async () => ctx?.close());

  it('a figure of 1—11月 round-trips with its period and its date, the period’s end', async () => {
    const item = await detail(TARGET);
    const back = item.reports.find((r) => r.id === ytd.id);
    expect(back?.asOf).toBe('2025-11-30');
    expect(back?.period).toEqual({ precision: 'ytd-month', label: '今年1—11月' });
    // The review names the period of the figure a target rests on.
    const review = reviewResponseSchema.parse(await (await get('/review?asOf=2025-12-01')).json());
    const latest = review.targets.find((t) => t.id === TARGET)?.latestReport;
    expect(latest?.id).toBe(ytd.id);
    expect(latest?.period).toEqual({ precision: 'ytd-month', label: '今年1—11月' });
  });

  it('the press conference’s figures are of 2025年6月; a department’s report has no period (a day)', async () => {
    const item = await detail('dq-chat-to-handle-ai-scenarios');
    const published = item.reports.find((r) => r.source !== null);
    expect(published?.period).toEqual({ precision: 'month' });
    const own = (await detail(TARGET)).reports.find((r) => r.source === null);
    expect(own?.period ?? null).toBeNull();
  });

  it('context figures carry their precision and the source’s words for the period', async () => {
    const item = await detail('ind-ai-scale');
    const revenue = item.contextFigures.find((f) => f.id === 'ctx-ind-ai-revenue-2025-q1-q3');
    expect(revenue).toMatchObject({ asOf: '2025-09-30', asOfPrecision: 'ytd-month', periodLabel: '2025年前三季度' });
  });

  it('the database refuses a precision it does not know', async () => {
    await expect(
      ctx.db.db
        .insertInto('reports')
        .values({ ...reportToRow({ ...ytd, id: 'test-bad-period' }), period_precision: 'week' })
        .execute(),
    ).rejects.toThrow();
  });
});
