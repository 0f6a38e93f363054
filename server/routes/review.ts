import type { Context, Hono } from 'hono';
import { shanghaiDate } from '../../src/domain/dates';
import { parseQuery, targetsQuerySchema } from '../../src/domain/query';
import { viewOf } from '../../src/domain/reports';
import { type ReviewQuery, reviewQuerySchema } from '../../src/domain/review';
import { attachmentHeader, targetColumns, toCsv } from '../../src/domain/table-export';
import { listTargets } from '../../src/domain/views';
import { ProblemAnswer, problem } from '../http/problem';
import type { Store } from '../repositories/store';
import { reviewBrief } from '../services/brief-docx';
import { loadRegistry } from '../services/departments';
import { checkFilters } from '../services/filter-check';
import { buildReviewFor, reviewScope } from '../services/review-service';
import { reviewWorkbook } from '../services/review-xlsx';
import type { StateMemo } from '../services/state-memo';

/**
 * The weekly review meeting (issue 6): `/review` (JSON, cached per data version like the other
 * reads), `/review.xlsx` (the same review as a workbook), `/review.docx` (as the 督查通报, issue 24)
 * and `/targets.csv` (the target table with the filters of `/targets`).
 */
export interface ReviewRouteDeps {
  store: Store;
  /** The per-target state memo the target list and the summary share (server/services/state-memo.ts). */
  memo: StateMemo;
  now: () => Date;
  /** The app's per-data-version JSON cache (server/app.ts). */
  cached: (c: Context, key: string, compute: () => Promise<unknown>) => Promise<Response>;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function installReviewRoutes(api: Hono, { store, memo, now, cached }: ReviewRouteDeps): void {
  /** Department names by id: the exports name the supporting departments. */
  const registryNames = async () => new Map((await loadRegistry(store.db)).map((d) => [d.id, d.name]));

  /** The review, or a problem: the meeting dates are only known once the reports are read. */
  const review = (q: ReviewQuery) => buildReviewFor({ store, memo, now: now() }, q);

  api.get('/review', async (c) => {
    const parsed = parseQuery(reviewQuerySchema, new URL(c.req.url).searchParams);
    if (!parsed.ok) return problem(c, parsed.problem);
    const q = parsed.value;
    // Without a date the meeting is "today" (capped by the newest report), so today is part of the key.
    const key = `review ${JSON.stringify(q)} ${q.asOf ? '' : shanghaiDate(now())}`;
    return cached(c, key, async () => {
      const r = await review(q);
      // Thrown, not returned: a problem must never be cached as an answer (the app's error handler answers it).
      if (!r.ok) throw new ProblemAnswer(r.problem);
      return r.value;
    });
  });

  api.get('/review.xlsx', async (c) => {
    const parsed = parseQuery(reviewQuerySchema, new URL(c.req.url).searchParams);
    if (!parsed.ok) return problem(c, parsed.problem);
    const r = await review(parsed.value);
    if (!r.ok) return problem(c, r.problem);
    const departmentNames = await registryNames();
    const body = await reviewWorkbook(r.value, { plans: r.plans, departmentNames, now: now() });
    const scope = reviewScope(r.value);
    return c.body(new Uint8Array(body), 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': attachmentHeader(`周调度会-${scope}-${r.value.asOf}.xlsx`, `review-${r.value.asOf}.xlsx`),
    });
  });

  /** 督查通报: the same review as the office's Word brief, with the 督办事项 (server/services/brief-docx.ts). */
  api.get('/review.docx', async (c) => {
    const parsed = parseQuery(reviewQuerySchema, new URL(c.req.url).searchParams);
    if (!parsed.ok) return problem(c, parsed.problem);
    const r = await review(parsed.value);
    if (!r.ok) return problem(c, r.problem);
    const brief = await reviewBrief(store.db, r.value);
    return c.body(new Uint8Array(brief.content), 200, {
      'content-type': DOCX_TYPE,
      'content-disposition': attachmentHeader(brief.filename, brief.asciiFilename),
    });
  });

  api.get('/targets.csv', async (c) => {
    const parsed = parseQuery(targetsQuerySchema, new URL(c.req.url).searchParams);
    if (!parsed.ok) return problem(c, parsed.problem);
    const q = parsed.value;
    await checkFilters(memo, q);
    const view = viewOf(q.includePending);
    const asOf = q.asOf ?? (await store.newestReportDate(q.knownAt, view)) ?? shanghaiDate(now());
    const cut = { asOf, knownAt: q.knownAt, view };
    const { catalog, targets, facts } = await memo.read(q, cut, !q.asOf && !q.knownAt);
    const body = listTargets(targets, facts, q, cut);
    const plans = new Map(catalog.plans.map((p) => [p.id, p]));
    const csv = toCsv(
      targetColumns({ plans, departmentNames: await registryNames() }, { review: false, pending: q.includePending }),
      body.items,
    );
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachmentHeader(`目标清单-${asOf}.csv`, `targets-${asOf}.csv`),
    });
  });
}
