import type { Kysely } from 'kysely';
import type { Department } from '../../src/domain/departments';
import { isDomainError } from '../../src/domain/errors';
import { issueOfZod } from '../../src/domain/issues';
import { INVESTMENT_PROFILE } from '../../src/domain/pacing';
import {
  COMPARATORS,
  type Comparator,
  DEFAULT_THRESHOLDS,
  METRIC_KINDS,
  type MetricKind,
  type Pacing,
  type Plan,
  planSchema,
  type Target,
  targetSchema,
} from '../../src/domain/schemas';
import { SECTORS } from '../../src/domain/sectors';
import { validateTarget } from '../../src/domain/status';
import { type CatalogImportResponse, type CellIssue, cellMessage } from '../../src/domain/write-api';
import type { Database } from '../db/schema';
import { type Actor, audit } from '../repositories/audit';
import {
  planFromRow,
  planToRow,
  selectTargets,
  targetFromRow,
  targetToRow,
  writeSupporting,
} from '../repositories/rows';
import { loadRegistry, resolveDepartment } from './departments';
import { type ColumnSpec, findHeader, RowReader } from './spreadsheet/columns';
import type { Grid } from './spreadsheet/sheet';

/** Loading a plan's targets (e.g. the 2026 plan) from a spreadsheet: same dry-run/commit flow as reports. */
export const CATALOG_COLUMNS = [
  { key: 'id', names: ['编号', '目标编号'], required: true },
  { key: 'planId', names: ['规划编号', '规划'], required: true },
  { key: 'sector', names: ['领域'], required: true },
  { key: 'subsection', names: ['分项'] },
  { key: 'title', names: ['目标名称', '目标'], required: true },
  { key: 'district', names: ['区市'] },
  { key: 'department', names: ['牵头部门'] },
  { key: 'kind', names: ['指标类型'], required: true },
  { key: 'unit', names: ['单位'] },
  { key: 'target', names: ['目标值'] },
  { key: 'comparator', names: ['比较方式'] },
  { key: 'baseline', names: ['基数'] },
  { key: 'periodStart', names: ['开始日期'], required: true },
  { key: 'deadline', names: ['截止日期'], required: true },
  { key: 'pacing', names: ['进度曲线'] },
  { key: 'stages', names: ['阶段'] },
  { key: 'sourceDocument', names: ['来源文件'], required: true },
  { key: 'sourceQuote', names: ['来源原文'], required: true },
] as const satisfies readonly ColumnSpec<string>[];
type CatalogColumn = (typeof CATALOG_COLUMNS)[number]['key'];

export const PLAN_COLUMNS = [
  { key: 'id', names: ['规划编号'], required: true },
  { key: 'title', names: ['标题', '规划名称'], required: true },
  { key: 'issuer', names: ['发布机关'], required: true },
  { key: 'year', names: ['年度'], required: true },
  { key: 'document', names: ['来源文件'], required: true },
  { key: 'publishedOn', names: ['发布日期'] },
] as const satisfies readonly ColumnSpec<string>[];
type PlanColumn = (typeof PLAN_COLUMNS)[number]['key'];

const KIND_ZH: Record<string, MetricKind> = {
  累计: 'cumulative',
  水平: 'level',
  增速: 'growth',
  占比: 'share',
  里程碑: 'milestone',
};
const COMPARATOR_ZH: Record<string, Comparator> = {
  以上: 'gte',
  不少于: 'gte',
  突破: 'gt',
  超过: 'gt',
  左右: 'approx',
  约: 'approx',
  达到: 'eq',
  以下: 'lte',
  控制在: 'lte',
};

function pick<T extends string>(raw: string | null, zh: Record<string, T>, ids: readonly T[]): T | undefined {
  if (raw === null) return undefined;
  const s = raw.trim();
  const v = zh[s] ?? s;
  return (ids as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** The 牵头部门 cell as a registry id and name; a name the registry lacks is the row's error. */
function leadOf(r: RowReader<CatalogColumn>, registry: readonly Department[]) {
  const text = r.text('department', 100);
  if (text === null) return { department: null, departmentName: null };
  const found = resolveDepartment(registry, text);
  if (!found.ok) {
    r.fail('department', found.issue);
    return { department: null, departmentName: null };
  }
  return { department: found.department.id, departmentName: found.department.name };
}

function rowToTarget(r: RowReader<CatalogColumn>, registry: readonly Department[]): Target | null {
  const sectorRaw = r.text('sector', 50, true);
  const sector = SECTORS.find((s) => s.id === sectorRaw || s.name === sectorRaw);
  if (sectorRaw && !sector)
    r.fail('sector', {
      code: 'unknown_sector',
      params: { value: sectorRaw, allowed: SECTORS.map((s) => s.name).join('、') },
    });
  const kindRaw = r.text('kind', 20, true);
  const kind = pick(kindRaw, KIND_ZH, METRIC_KINDS);
  if (kindRaw && !kind) r.fail('kind', { code: 'catalog_kind' });
  const cmpRaw = r.text('comparator', 20);
  const comparator = cmpRaw === null ? 'gte' : pick(cmpRaw, COMPARATOR_ZH, COMPARATORS);
  if (!comparator) r.fail('comparator', { code: 'catalog_comparator' });
  const pacingRaw = r.text('pacing', 20);
  let pacing: Pacing = kind === 'milestone' ? { type: 'steps' } : { type: 'linear' };
  if (pacingRaw === '线性' || pacingRaw === 'linear') pacing = { type: 'linear' };
  else if (pacingRaw === '按阶段' || pacingRaw === 'steps') pacing = { type: 'steps' };
  else if (pacingRaw === '投资' || pacingRaw === 'investment') pacing = INVESTMENT_PROFILE;
  else if (pacingRaw !== null) r.fail('pacing', { code: 'catalog_pacing' });
  const stagesRaw = r.text('stages', 2000);
  const stages: { name: string; plannedDate: string }[] = [];
  for (const part of (stagesRaw ?? '')
    .split(/[;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(.+?)[@＠:：]\s*(\d{4}-\d{2}-\d{2})$/.exec(part);
    if (!m?.[1] || !m[2]) {
      r.fail('stages', { code: 'stage_format', params: { part } });
      continue;
    }
    stages.push({ name: m[1].trim(), plannedDate: m[2] });
  }
  const candidate = {
    id: r.text('id', 100, true),
    planId: r.text('planId', 100, true),
    sectorId: sector?.id,
    subsection: r.text('subsection', 200) ?? sector?.name ?? '',
    title: r.text('title', 500, true),
    district: r.text('district', 50) ?? '市级',
    ...leadOf(r, registry),
    supportingDepartments: [],
    divisionDemo: false,
    supportMayReport: false,
    kind,
    unit: r.text('unit', 20) ?? '',
    target: r.number('target'),
    comparator,
    baseline: r.number('baseline'),
    periodStart: r.date('periodStart', true),
    deadline: r.date('deadline', true),
    pacing,
    stages,
    headline: null,
    source: { document: r.text('sourceDocument', 200, true), quote: r.text('sourceQuote', 2000, true) },
    demo: false,
  };
  if (r.issues.length) return null;
  const parsed = targetSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const i of parsed.error.issues) r.failAt(i.path.join('.'), issueOfZod(i));
    return null;
  }
  try {
    validateTarget(parsed.data);
  } catch (e) {
    // The domain's Chinese says which figures contradict each other; the code says what kind of problem.
    if (isDomainError(e)) {
      r.issues.push({ row: r.row, column: '', message: e.message, code: 'target_invalid' });
      return null;
    }
    throw e;
  }
  return parsed.data;
}

function readPlans(grid: Grid | null, issues: CellIssue[]): Plan[] {
  if (!grid) return [];
  const header = findHeader(grid, PLAN_COLUMNS);
  if (!header.ok) return [];
  const plans: Plan[] = [];
  for (const { row, cells } of grid.rows) {
    if (row <= header.headerRow) continue;
    const r = new RowReader<PlanColumn>(row, cells, header);
    const candidate = {
      id: r.text('id', 100, true),
      title: r.text('title', 500, true),
      issuer: r.text('issuer', 200, true),
      year: r.number('year', true),
      document: r.text('document', 200, true),
      publishedOn: r.date('publishedOn'),
      thresholds: DEFAULT_THRESHOLDS,
    };
    const parsed = planSchema.safeParse(candidate);
    if (!parsed.success && r.issues.length === 0) r.fail('', { code: 'plan_incomplete' });
    issues.push(...r.issues.map((i) => ({ ...i, column: i.column ? `规划表·${i.column}` : '规划表' })));
    if (parsed.success && r.issues.length === 0) plans.push(parsed.data);
  }
  return plans;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function importCatalog(opts: {
  db: Kysely<Database>;
  actor: Actor;
  now: Date;
  fileName: string;
  grid: Grid;
  plansGrid: Grid | null;
  mode: 'dry-run' | 'commit';
}): Promise<{ status: 200 | 201 | 422; body: CatalogImportResponse } | { status: 422; detail: string }> {
  const { db, mode } = opts;
  const header = findHeader(opts.grid, CATALOG_COLUMNS);
  if (!header.ok) return { status: 422, detail: header.detail };
  const planIssues: CellIssue[] = [];
  const newPlans = readPlans(opts.plansGrid, planIssues);
  const existingPlans = new Map(
    (await db.selectFrom('plans').selectAll().execute()).map((p) => [p.id, planFromRow(p)]),
  );
  const plansCreated = newPlans.filter((p) => !existingPlans.has(p.id));
  const knownPlans = new Set([...existingPlans.keys(), ...newPlans.map((p) => p.id)]);
  const existing = new Map((await selectTargets(db).execute()).map((t) => [t.id, targetFromRow(t)]));
  const registry = await loadRegistry(db);
  const rows: CatalogImportResponse['rows'] = [];
  const writes: { target: Target; before: Target | null }[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of opts.grid.rows) {
    if (row <= header.headerRow) continue;
    const r = new RowReader<CatalogColumn>(row, cells, header);
    const t = rowToTarget(r, registry);
    if (t && !knownPlans.has(t.planId)) r.fail('planId', { code: 'unknown_plan', params: { id: t.planId } });
    if (t) {
      const first = seen.get(t.id);
      if (first !== undefined) r.fail('id', { code: 'duplicate_id', params: { row: first } });
      else seen.set(t.id, row);
    }
    const before = t ? (existing.get(t.id) ?? null) : null;
    if (!t || r.issues.length) {
      rows.push({ row, targetId: t?.id ?? null, title: t?.title ?? null, status: 'error', errors: r.issues });
      continue;
    }
    // Fields the spreadsheet does not carry keep their current values.
    const merged = before
      ? {
          ...t,
          headline: before.headline,
          demo: before.demo,
          // The sheet names the lead only: the supporting departments stay, and so does the demo mark
          // of a division the sheet repeats unchanged.
          // A demo division the sheet does not repeat goes whole: its supporters were the demo's too.
          supportingDepartments:
            before.divisionDemo && before.department !== t.department
              ? []
              : before.supportingDepartments.filter((d) => d !== t.department),
          supportMayReport: before.supportMayReport,
          divisionDemo: before.divisionDemo && before.department === t.department,
        }
      : t;
    const status = !before ? 'new' : same(before, merged) ? 'unchanged' : 'update';
    if (status !== 'unchanged') writes.push({ target: merged, before });
    rows.push({ row, targetId: t.id, title: t.title, status, errors: [] });
  }
  const counts = { rows: rows.length, new: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  const issues = [...planIssues, ...rows.flatMap((r) => r.errors)];
  const messages = issues.map(cellMessage);
  const body = (committed: boolean): CatalogImportResponse => ({
    mode,
    fileName: opts.fileName,
    committed,
    plansCreated: plansCreated.map((p) => p.id),
    counts,
    messages,
    issues,
    rows,
  });
  if (rows.length === 0) return { status: 422, detail: '表格中没有目标行' };
  if (mode === 'dry-run') return { status: 200, body: body(false) };
  if (counts.error > 0 || planIssues.length > 0) return { status: 422, body: body(false) };
  await db.transaction().execute(async (trx) => {
    for (const p of plansCreated) {
      await trx.insertInto('plans').values(planToRow(p)).execute();
      await audit(trx, opts.now, opts.actor, { action: 'plan.create', entity: 'plan', entityId: p.id, after: p });
    }
    for (const w of writes) {
      const { id, ...rest } = targetToRow(w.target);
      if (w.before) await trx.updateTable('targets').set(rest).where('id', '=', id).execute();
      else
        await trx
          .insertInto('targets')
          .values({ id, ...rest })
          .execute();
      await writeSupporting(trx, w.target);
    }
    await audit(
      trx,
      opts.now,
      opts.actor,
      writes.map((w) => ({
        action: w.before ? 'target.update' : 'target.create',
        entity: 'target',
        entityId: w.target.id,
        before: w.before,
        after: w.target,
      })),
    );
  });
  return { status: 201, body: body(true) };
}
