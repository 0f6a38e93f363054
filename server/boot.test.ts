import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { CATALOG } from '../data/catalog/catalog';
import { summaryResponseSchema, targetsResponseSchema } from '../src/domain/api';
import { rankingsResponseSchema } from '../src/domain/department-api';
import { TEST_NOW } from '../tests/api/test-db';
import { createApp } from './app';
import { DemoRemovalRefused, openDatabase, removeDemoData } from './boot';
import { Store } from './repositories/store';

/**
 * `DEMO=0` on a database that an earlier start loaded with the demo (the API tests' template is
 * exactly that: catalog + demo). The flag must mean "published data only" on an existing database
 * too, not only when a new one is seeded.
 */
const template = () => new Blob([readFileSync(inject('pgliteTemplate'))]);
const openTemplate = (demo: boolean, log: string[] = []) =>
  openDatabase({ dataDir: 'memory://', loadDataDir: template(), demo, now: () => TEST_NOW, log: (l) => log.push(l) });

async function counts(db: Awaited<ReturnType<typeof openTemplate>>['db']) {
  const n = async (q: string) => Number((await sql<{ n: string }>`${sql.raw(q)}`.execute(db)).rows[0]?.n);
  return {
    demoReports: await n('select count(*) as n from reports where demo'),
    realReports: await n('select count(*) as n from reports where not demo'),
    demoProjects: await n('select count(*) as n from projects where demo'),
    realProjects: await n('select count(*) as n from projects where not demo'),
    demoLinks: await n(
      'select count(*) as n from project_targets l join projects p on p.id = l.project_id where p.demo',
    ),
    contextFigures: await n('select count(*) as n from context_figures'),
    demoDivisions: await n('select count(*) as n from targets where division_demo'),
    led: await n('select count(*) as n from targets where department is not null'),
    supporting: await n('select count(*) as n from target_departments'),
  };
}

/** Each target's lead department (registry id or null) and supporting departments, by target id. */
async function divisionOf(db: Awaited<ReturnType<typeof openTemplate>>['db']) {
  const rows = await sql<{ id: string; department: string | null; supporting: string[] | null }>`
    select t.id, t.department,
      (select jsonb_agg(d.department_id order by d.department_id) from target_departments d where d.target_id = t.id) as supporting
    from targets t`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, { department: r.department, supporting: r.supporting ?? [] }]));
}

/** The lead departments the documents name (the catalog's), by target id. */
const CATALOG_LEADS = new Map(CATALOG.targets.map((t) => [t.id, t.department]));

describe('DEMO=0 on an existing database', () => {
  it('removes the demo reports and demo projects, keeps the published ones, and the API serves no demo', async () => {
    const log: string[] = [];
    const h = await openTemplate(false, log);
    try {
      expect(h.seeded).toBe(false);
      expect(h.demoRemoved?.reports).toBeGreaterThan(1000);
      expect(h.demoRemoved?.projects).toBeGreaterThan(400);
      expect(log.join('\n')).toMatch(/DEMO=0：已删除演示数据/);
      expect(h.demoRemoved?.divisions).toBeGreaterThan(100);
      expect(log.join('\n')).toMatch(new RegExp(`${h.demoRemoved?.divisions} 项演示分工`));
      const c = await counts(h.db);
      expect(c).toMatchObject({ demoReports: 0, demoProjects: 0, demoLinks: 0, demoDivisions: 0, supporting: 0 });
      // The demo division of tasks is gone: a target leads by the department its document names, or none.
      const division = await divisionOf(h.db);
      expect(division.size).toBe(CATALOG.targets.length);
      for (const [id, d] of division) expect(d.department, id).toBe(CATALOG_LEADS.get(id) ?? null);
      expect(c.led).toBe(CATALOG.targets.filter((t) => t.department !== null).length);
      expect(c.led).toBeLessThan(CATALOG.targets.length - 100);
      expect(c.realReports).toBe(CATALOG.publishedReports.length);
      expect(c.realProjects).toBe(CATALOG.projects.length);
      expect(c.contextFigures).toBe(CATALOG.contextFigures.length);

      const store = new Store(h.db);
      expect(await store.seededWithDemo()).toBe(false);
      const audit = await h.db.selectFrom('audit_log').selectAll().where('action', '=', 'demo.remove').execute();
      expect(audit).toHaveLength(1);

      const app = createApp({ store, now: () => TEST_NOW });
      const summary = summaryResponseSchema.parse(await (await app.request('/api/v1/summary')).json());
      expect(summary.containsDemo).toBe(false);
      const targets = targetsResponseSchema.parse(await (await app.request('/api/v1/targets?asOf=2025-12-31')).json());
      expect(targets.items.some((t) => t.state.latest !== null)).toBe(true);
      expect(targets.items.every((t) => t.state.latest === null || t.state.latest.demo === false)).toBe(true);
      const projects = (await (await app.request('/api/v1/projects?pageSize=500')).json()) as {
        total: number;
        items: Array<{ demo: boolean }>;
      };
      expect(projects.items.every((p) => p.demo === false)).toBe(true);
      expect(targets.items.every((t) => !t.divisionDemo && t.supportingDepartments.length === 0)).toBe(true);
      expect(targets.items.filter((t) => t.department === null).length).toBe(
        CATALOG.targets.filter((t) => t.department === null).length,
      );
      const rankings = rankingsResponseSchema.parse(await (await app.request('/api/v1/rankings')).json());
      expect(rankings.demo).toBe(false);
      expect(rankings.rows.every((r) => !r.demo)).toBe(true);

      // A second DEMO=0 start has nothing left to remove.
      expect(await removeDemoData(h.db, TEST_NOW)).toBeNull();
    } finally {
      await h.close();
    }
  }, 60_000);

  it('leaves the demo alone when DEMO is on', async () => {
    const h = await openTemplate(true);
    try {
      expect(h.demoRemoved).toBeNull();
      const c = await counts(h.db);
      expect(c.demoReports).toBeGreaterThan(1000);
      // On the demo, almost every target has a (demo) lead and supporting departments.
      expect(c.demoDivisions).toBeGreaterThan(100);
      expect(c.led).toBeGreaterThan(CATALOG.targets.length - 20);
      expect(c.supporting).toBeGreaterThan(c.demoDivisions);
    } finally {
      await h.close();
    }
  });

  it('removes the demo division but keeps a division the admin has set since', async () => {
    const h = await openTemplate(true);
    try {
      const [mine, demo] = await h.db
        .selectFrom('targets')
        .select('id')
        .where('division_demo', '=', true)
        .orderBy('sort_order')
        .limit(2)
        .execute();
      if (!mine || !demo) throw new Error('no demo division');
      // As POST /admin/division writes it: the division is the admin's now, no longer the demo's.
      await h.db
        .updateTable('targets')
        .set({ department: 'kjj', division_demo: false, support_may_report: true })
        .where('id', '=', mine.id)
        .execute();
      await h.db.deleteFrom('target_departments').where('target_id', '=', mine.id).execute();
      await h.db.insertInto('target_departments').values({ target_id: mine.id, department_id: 'czj' }).execute();
      const demoDivisions = (await counts(h.db)).demoDivisions;

      const removed = await removeDemoData(h.db, TEST_NOW);
      expect(removed?.divisions).toBe(demoDivisions);
      const division = await divisionOf(h.db);
      expect(division.get(mine.id)).toEqual({ department: 'kjj', supporting: ['czj'] });
      expect(division.get(demo.id)).toEqual({ department: null, supporting: [] });
      expect(await counts(h.db)).toMatchObject({ demoDivisions: 0, supporting: 1 });
      const audit = await h.db.selectFrom('audit_log').selectAll().where('action', '=', 'demo.remove').execute();
      expect(audit.map((a) => a.after)).toEqual([expect.objectContaining({ divisions: demoDivisions })]);
    } finally {
      await h.close();
    }
  }, 60_000);

  it('refuses, in Chinese and changing nothing, when a real report corrects a demo report', async () => {
    const h = await openTemplate(true);
    try {
      const demo = await h.db
        .selectFrom('reports')
        .selectAll()
        .where('demo', '=', true)
        .where('supersedes', 'is', null)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await h.db
        .insertInto('reports')
        .values({
          ...demo,
          id: `${demo.id}-real-correction`,
          recorded_at: '2026-01-02T02:00:00.000Z',
          supersedes: demo.id,
          correction_reason: '部门更正',
          demo: false,
        })
        .execute();
      const before = await counts(h.db);
      const error = await removeDemoData(h.db, TEST_NOW).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DemoRemovalRefused);
      expect((error as Error).message).toMatch(/1 条正式填报更正了演示数据.*未做任何改动/);
      expect((error as Error).message).toMatch(/去掉 DEMO=0/);
      expect(await counts(h.db)).toEqual(before);
      expect(await new Store(h.db).seededWithDemo()).toBe(true);
    } finally {
      await h.close();
    }
  });
});
