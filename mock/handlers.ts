import { delay, HttpResponse, http } from 'msw';
import { buildDataset } from '../data/dataset';
import type { Problem } from '../src/domain/api';
import { shanghaiDate } from '../src/domain/dates';
import {
  type CatalogFilter,
  detailQuerySchema,
  filterValuesOf,
  notFound,
  type ParseResult,
  parseQuery,
  projectsQuerySchema,
  summaryQuerySchema,
  targetsQuerySchema,
  withKnownFilters,
} from '../src/domain/query';
import { buildReview, meetingCuts, reviewQuerySchema } from '../src/domain/review';
import { SECTORS } from '../src/domain/sectors';
import { attachmentHeader, targetColumns, toCsv } from '../src/domain/table-export';
import {
  buildProjects,
  buildSummary,
  buildTargetDetail,
  buildTargets,
  type Cut,
  comparePlans,
  type Dataset,
  DETAIL_PROJECT_LIMIT,
  matchesStaticFilter,
  newestReportDate,
} from '../src/domain/views';

/**
 * MSW handlers for `/api/v1`, answering from the same catalog through the same domain code as the
 * server. Failure modes can be switched at run time to show and test what people see when the API
 * misbehaves.
 */
export type FailureMode = 'none' | 'server-error' | 'network-error' | 'slow' | 'malformed';

export interface MockOptions {
  dataset?: Dataset;
  now?: () => Date;
  /** Delay of the `slow` failure mode, ms. */
  slowMs?: number;
  /** Base URL the handlers answer on (tests in Node need an absolute one). */
  baseUrl?: string;
}

export interface MockApi {
  handlers: ReturnType<typeof http.get>[];
  setFailure(mode: FailureMode): void;
  readonly dataset: Dataset;
}

const problem = (p: Problem) =>
  HttpResponse.json(p, { status: p.status, headers: { 'content-type': 'application/problem+json; charset=utf-8' } });

let defaultDataset: Dataset | undefined;
/** The demo dataset, built once per process (it is deterministic). */
export function mockDataset(): Dataset {
  defaultDataset ??= buildDataset({ demo: true });
  return defaultDataset;
}

export function createMockApi(options: MockOptions = {}): MockApi {
  const data = options.dataset ?? mockDataset();
  const now = options.now ?? (() => new Date());
  const base = `${options.baseUrl ?? ''}/api/v1`;
  let failure: FailureMode = 'none';

  const cut = (q: { asOf?: string | undefined; knownAt?: string | undefined }): Cut => ({
    asOf: q.asOf ?? newestReportDate(data.reports, q.knownAt) ?? shanghaiDate(now()),
    knownAt: q.knownAt,
  });

  /**
   * The query, failed when a filter names no plan, district or department of the dataset, as the
   * server answers it (the values are gathered per request: the write mock edits the targets).
   */
  const known = <T extends CatalogFilter>(parsed: ParseResult<T>): ParseResult<T> =>
    withKnownFilters(parsed, filterValuesOf(data.plans, data.targets));

  /** Applies the current failure mode; returns a response to send instead, or null to go on. */
  async function fail(): Promise<Response | null> {
    if (failure === 'server-error')
      return problem({ type: 'about:blank', title: '服务器内部错误', status: 500, detail: '模拟的服务器错误' });
    if (failure === 'network-error') return HttpResponse.error();
    if (failure === 'slow') await delay(options.slowMs ?? 3000);
    if (failure === 'malformed') return HttpResponse.json({ unexpected: true, items: 'not-an-array' });
    return null;
  }

  const handlers = [
    http.get(
      `${base}/health`,
      async () => (await fail()) ?? HttpResponse.json({ ok: true, time: now().toISOString() }),
    ),
    http.get(
      `${base}/plans`,
      async () => (await fail()) ?? HttpResponse.json({ items: [...data.plans].sort(comparePlans) }),
    ),
    http.get(`${base}/sectors`, async () => (await fail()) ?? HttpResponse.json({ items: SECTORS })),
    http.get(`${base}/targets`, async ({ request }) => {
      const failed = await fail();
      if (failed) return failed;
      const parsed = known(parseQuery(targetsQuerySchema, new URL(request.url).searchParams));
      if (!parsed.ok) return problem(parsed.problem);
      return HttpResponse.json(buildTargets(data, parsed.value, cut(parsed.value)));
    }),
    http.get(`${base}/targets/:id`, async ({ request, params }) => {
      const failed = await fail();
      if (failed) return failed;
      const parsed = parseQuery(detailQuerySchema, new URL(request.url).searchParams);
      if (!parsed.ok) return problem(parsed.problem);
      const id = String(params.id);
      const projects = buildProjects(data, {
        target: id,
        page: 1,
        pageSize: DETAIL_PROJECT_LIMIT,
        sort: '-investment',
      });
      const body = buildTargetDetail(data, id, cut(parsed.value), { items: projects.items, total: projects.total });
      return body ? HttpResponse.json(body) : problem(notFound(`目标“${id}”不存在`));
    }),
    http.get(`${base}/summary`, async ({ request }) => {
      const failed = await fail();
      if (failed) return failed;
      const parsed = known(parseQuery(summaryQuerySchema, new URL(request.url).searchParams));
      if (!parsed.ok) return problem(parsed.problem);
      return HttpResponse.json(
        buildSummary(data, parsed.value, cut(parsed.value), { generatedAt: now().toISOString() }),
      );
    }),
    http.get(`${base}/projects`, async ({ request }) => {
      const failed = await fail();
      if (failed) return failed;
      const parsed = parseQuery(projectsQuerySchema, new URL(request.url).searchParams);
      if (!parsed.ok) return problem(parsed.problem);
      return HttpResponse.json(buildProjects(data, parsed.value));
    }),
    http.get(`${base}/projects/:id`, async ({ params }) => {
      const failed = await fail();
      if (failed) return failed;
      const id = String(params.id);
      const item = data.projects.find((p) => p.id === id);
      if (!item) return problem(notFound(`项目“${id}”不存在`));
      return HttpResponse.json({ item, targets: data.targets.filter((t) => item.targetIds.includes(t.id)) });
    }),
    // ---- Weekly review (issue 6): the same domain builders as server/review-routes.ts ----
    http.get(`${base}/review`, async ({ request }) => {
      const failed = await fail();
      if (failed) return failed;
      const parsed = known(parseQuery(reviewQuerySchema, new URL(request.url).searchParams));
      if (!parsed.ok) return problem(parsed.problem);
      const filter = { plan: parsed.value.plan, district: parsed.value.district };
      const ids = new Set(data.targets.filter((t) => matchesStaticFilter(t, filter)).map((t) => t.id));
      const cuts = meetingCuts(
        parsed.value,
        data.reports.filter((r) => ids.has(r.targetId)),
        now(),
      );
      if (!cuts.ok) return problem(cuts.problem);
      return HttpResponse.json(buildReview(data, filter, cuts.value));
    }),
    // Writing a workbook needs exceljs, which stays on the server: the mock says so instead.
    http.get(`${base}/review.xlsx`, async () =>
      problem({
        type: 'about:blank',
        title: '演示模式不支持导出',
        status: 501,
        detail: '没有服务器的演示模式不能生成 Excel 文件，请在完整部署中导出',
      }),
    ),
    http.get(`${base}/targets.csv`, async ({ request }) => {
      const failed = await fail();
      if (failed) return failed;
      const parsed = known(parseQuery(targetsQuerySchema, new URL(request.url).searchParams));
      if (!parsed.ok) return problem(parsed.problem);
      const c = cut(parsed.value);
      const body = buildTargets(data, parsed.value, c);
      const columns = targetColumns({ plans: new Map(data.plans.map((p) => [p.id, p])) }, { review: false });
      return new HttpResponse(toCsv(columns, body.items), {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': attachmentHeader(`目标清单-${c.asOf}.csv`, `targets-${c.asOf}.csv`),
        },
      });
    }),
  ];

  return {
    handlers,
    dataset: data,
    setFailure(mode) {
      failure = mode;
    },
  };
}
