import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/repositories/users';
import {
  plansResponseSchema,
  summaryResponseSchema,
  type TargetWithStateDto,
  targetsResponseSchema,
} from '../../src/domain/api';
import type { Status } from '../../src/domain/schemas';
import { reportResponseSchema } from '../../src/domain/write-api';
import { type Backend, backends, TEST_NOW, testApp } from './test-db';
import { call, PASSWORD, signIn } from './write-helpers';

/**
 * Issue 18, "one department's report turns the whole city red": on the demo the board's default
 * date is the newest figure's, 2025-12-26. One reporter saves one figure dated 2025-12-31; the
 * default date moves to 12-31, and no other target's verdict may move with it, because a target is
 * judged at the date its own latest figure describes (`state.judgedAt`). The only honest change is
 * staleness: a figure more than the plan's reporting cycle (`cycleDays`) before the new date is 未填报.
 */
/** The reported target's lead department: its registry id and name. */
const DEPARTMENT = 'gxj';
const DEPARTMENT_NAME = '市工业和信息化局';
const REPORTED = 'ind-tech-innovation-projects';
const OLD_DEFAULT = '2025-12-26';
const NEW_DATE = '2025-12-31';
/**
 * Targets whose latest figure is fresh at 12-26 and too old at 12-31. None on the demo: its figures
 * are dated 12-26 (203 targets), 12-19 (13; 12 days before 12-31, within the 14-day cycle of all
 * four plans) and 09-26 or earlier (9, already 未填报 at 12-26); the 9 industry sizes of 2027 have
 * none (their period, the year 2027, has not begun). The test computes the set from the
 * report dates below and checks it against this list, so a change of the demo shows up here.
 */
const STALE_ON_DEMO: string[] = [];

/** Days from `a` to `b` (ISO dates), computed here rather than by the domain under test. */
const daysFrom = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
const earlier = (a: string, b: string) => (a <= b ? a : b);

/** What a person reads of one target: its verdict, 完成率, gap and the date it is judged at. */
const verdict = (t: TargetWithStateDto) => ({
  status: t.state.status,
  progress: t.state.progress,
  expected: t.state.expected,
  gap: t.state.gap,
  judgedAt: t.state.judgedAt,
  forecastMiss: t.state.forecastMiss,
  milestone: t.state.milestone,
  latest: t.state.latest,
});

describe.each(backends())('a report dated after everyone else’s on %s', (backend: Backend) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    ctx = await testApp(backend);
    await createUser(
      ctx.db.db,
      { username: 'rep-industry', password: PASSWORD, role: 'reporter', departments: [DEPARTMENT] },
      TEST_NOW,
    );
  });
  afterAll(async () => ctx?.close());

  const json = async (path: string) => {
    const res = await ctx.app.request(`/api/v1${path}`);
    expect(res.status, `${path} → ${res.status}`).toBe(200);
    return res.json();
  };
  const targets = async (query = '') => targetsResponseSchema.parse(await json(`/targets${query}`));
  const counts = async () => summaryResponseSchema.parse(await json('/summary'));

  it('leaves every other target’s status, 完成率, gap and judgedAt where they were, except the ones gone stale', async () => {
    const before = await targets();
    expect(before.asOf).toBe(OLD_DEFAULT);
    const summaryBefore = await counts();
    expect(summaryBefore.asOf).toBe(OLD_DEFAULT);
    const reportedBefore = before.items.find((t) => t.id === REPORTED);
    expect(reportedBefore?.department).toBe(DEPARTMENT);
    expect(reportedBefore?.departmentName).toBe(DEPARTMENT_NAME);
    expect(reportedBefore?.state.latest?.asOf).toBe(OLD_DEFAULT);

    // The staleness each target meets at 12-31, from the report dates and the plans' cycles alone.
    const cycleOf = new Map(plansResponseSchema.parse(await json('/plans')).items.map((p) => [p.id, p.thresholds]));
    const latestRows = await ctx.db.db
      .selectFrom('reports')
      .select(['target_id', (eb) => eb.fn.max('as_of').as('latest')])
      .groupBy('target_id')
      .execute();
    const latestOf = new Map(latestRows.map((r) => [r.target_id, String(r.latest)]));
    const staleAt = (t: TargetWithStateDto, date: string) => {
      const latest = latestOf.get(t.id);
      const cycle = cycleOf.get(t.planId)?.cycleDays;
      if (cycle === undefined) throw new Error(`no plan ${t.planId}`);
      return latest === undefined || daysFrom(latest, earlier(date, t.deadline)) > cycle;
    };
    // Met (已完成) outranks staleness, and a milestone with no node due by the date cannot be stale.
    const canGoStale = (t: TargetWithStateDto) =>
      !['achieved', 'no_data', 'missed'].includes(t.state.status) &&
      (t.kind !== 'milestone' || t.stages.some((s) => s.plannedDate <= NEW_DATE));
    const goneStale = before.items
      .filter((t) => t.id !== REPORTED && canGoStale(t) && !staleAt(t, OLD_DEFAULT) && staleAt(t, NEW_DATE))
      .map((t) => t.id)
      .sort();
    expect(goneStale).toEqual(STALE_ON_DEMO);
    // Every other target has a figure on the demo; its date is what the engine reports as latest.
    // Those whose period has not begun have none: the 2027 industry sizes are the revenue of 2027.
    for (const t of before.items) expect(t.state.latest?.asOf, t.id).toBe(latestOf.get(t.id));
    const notBegun = before.items.filter((t) => t.periodStart > NEW_DATE).map((t) => t.id);
    for (const id of notBegun) expect(latestOf.has(id), id).toBe(false);

    const rep = await signIn(ctx.app, 'rep-industry');
    const saved = await call(ctx.app, 'POST', `/targets/${REPORTED}/reports`, rep, { asOf: NEW_DATE, value: 1905 });
    expect(saved.status, await saved.clone().text()).toBe(201);
    expect(reportResponseSchema.parse(await saved.json()).item.asOf).toBe(NEW_DATE);

    const after = await targets();
    expect(after.asOf).toBe(NEW_DATE);
    const summaryAfter = await counts();
    expect(summaryAfter.asOf).toBe(NEW_DATE);
    const afterById = new Map(after.items.map((t) => [t.id, t]));
    expect(after.items).toHaveLength(before.items.length);

    const moved: string[] = [];
    for (const t of before.items) {
      if (t.id === REPORTED) continue;
      const now = afterById.get(t.id);
      if (!now) throw new Error(`${t.id} is gone`);
      if (goneStale.includes(t.id)) {
        expect(now.state.status, t.id).toBe('no_data');
        continue;
      }
      if (notBegun.includes(t.id)) {
        // No figure of its own to be judged at: judged at the view's date, whichever it is; nothing else moves.
        expect([t.state.judgedAt, now.state.judgedAt], t.id).toEqual([OLD_DEFAULT, NEW_DATE]);
        expect({ ...verdict(now), judgedAt: null }, t.id).toEqual({ ...verdict(t), judgedAt: null });
        continue;
      }
      const was = verdict(t);
      const is = verdict(now);
      const fields = (Object.keys(was) as (keyof typeof was)[]).filter(
        (k) => JSON.stringify(was[k]) !== JSON.stringify(is[k]),
      );
      if (fields.length > 0) moved.push(`${t.id} ${fields.join(',')}: ${t.state.status} → ${now.state.status}`);
    }
    // Named in full, so a failure says which targets another department's report moved and how.
    expect(moved).toEqual([]);

    // The reported target itself is judged at its new figure's date.
    const reported = afterById.get(REPORTED);
    expect(reported?.state.judgedAt).toBe(NEW_DATE);
    expect(reported?.state.latest?.value).toBe(1905);

    // The headline counts move by the reported target and the stale set, nothing else.
    const expected = { ...summaryBefore.overall.counts };
    const shift = (from: Status, to: Status) => {
      expected[from] -= 1;
      expected[to] += 1;
    };
    if (reportedBefore && reported) shift(reportedBefore.state.status, reported.state.status);
    for (const id of goneStale) {
      const was = before.items.find((t) => t.id === id);
      if (was) shift(was.state.status, 'no_data');
    }
    expect(summaryAfter.overall.counts).toEqual(expected);
    expect(summaryAfter.overall.total).toBe(summaryBefore.overall.total);

    // A later figure changes no earlier view: 12-26 asked for by date reads as the default did.
    const old = await targets(`?asOf=${OLD_DEFAULT}`);
    expect(old.items.map((t) => [t.id, verdict(t)])).toEqual(before.items.map((t) => [t.id, verdict(t)]));
  });
});
