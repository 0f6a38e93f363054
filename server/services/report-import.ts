import { createHash, randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Issue } from '../../src/domain/issues';
import type { Narrative, NarrativeField, ProgressReport, Target } from '../../src/domain/schemas';
import {
  type CellIssue,
  cellMessage,
  type ImportResponse,
  type ImportRow,
  NARRATIVE_MAX,
  NARRATIVE_NAMES_ZH,
  reportInputSchema,
  type User,
} from '../../src/domain/write-api';
import type { Database } from '../db/schema';
import { canWriteTarget } from '../http/session';
import { type Actor, audit } from '../repositories/audit';
import { reportToRow, selectTargets, shareTargetStrings, stringPool, targetFromRow } from '../repositories/rows';
import { Store } from '../repositories/store';
import { isUniqueViolation } from '../repositories/users';
import { writeReport } from './report-service';
import { type ColumnSpec, coded, findHeader, type HeaderResult, RowReader } from './spreadsheet/columns';
import type { Grid } from './spreadsheet/sheet';

export const REPORT_COLUMNS = [
  { key: 'targetId', names: ['目标编号', '编号', '目标ID'], required: true },
  { key: 'title', names: ['目标名称', '目标'] },
  { key: 'department', names: ['牵头部门'] },
  { key: 'targetUnit', names: ['单位', '目标单位'] },
  { key: 'goal', names: ['目标值'] },
  { key: 'lastValue', names: ['上次数值'] },
  { key: 'lastAsOf', names: ['上次截至日期'] },
  { key: 'value', names: ['本期数值', '数值', '本期完成'], required: true },
  { key: 'unit', names: ['数值单位', '填报单位'] },
  { key: 'asOf', names: ['截至日期', '日期'], required: true },
  { key: 'note', names: ['说明', '备注'] },
  { key: 'evidence', names: ['佐证链接', '佐证', '佐证材料'] },
  { key: 'reason', names: ['原因', '确认或更正原因', '更正原因', '确认理由'] },
  // The narrative of a 周调度 report (issue 23): optional; a template without these columns imports as before.
  { key: 'progress', names: [NARRATIVE_NAMES_ZH.progress] },
  { key: 'problems', names: [NARRATIVE_NAMES_ZH.problems, '困难问题'] },
  { key: 'nextSteps', names: [NARRATIVE_NAMES_ZH.nextSteps, '下步工作', '下一步措施'] },
  { key: 'coordination', names: [NARRATIVE_NAMES_ZH.coordination, '需协调解决事项', '需协调解决的问题'] },
] as const satisfies readonly ColumnSpec<string>[];
export type ReportColumn = (typeof REPORT_COLUMNS)[number]['key'];

/** Maps the domain's field names to the template's columns. */
const FIELD_COLUMN: Record<string, ReportColumn> = {
  asOf: 'asOf',
  value: 'value',
  stagesDone: 'value',
  unit: 'unit',
  note: 'note',
  evidence: 'evidence',
  confirmReason: 'reason',
  reason: 'reason',
};

/** Characters that turn the direction of the text after them (U+202A–202E, U+2066–2069), as the form refuses. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** A narrative cell: trimmed, at most `NARRATIVE_MAX` characters, storable, no direction controls. */
function narrativeCell(r: RowReader<ReportColumn>, k: NarrativeField): string {
  const s = r.text(k, NARRATIVE_MAX);
  if (s === null) return '';
  if (BIDI_CONTROL.test(s)) {
    r.fail(k, { code: 'bidi_control', params: { field: NARRATIVE_NAMES_ZH[k] } });
    return '';
  }
  return s;
}

export interface ImportContext {
  db: Kysely<Database>;
  user: User;
  actor: Actor;
  now: Date;
  fileName: string;
  bytes: Uint8Array;
  grid: Grid;
  mode: 'dry-run' | 'commit';
  /** Most data rows (below the header) a file may have. */
  maxRows: number;
  /** Test hook: called after each chunk of inserts inside the commit transaction. */
  afterChunk?: ((inserted: number) => Promise<void>) | undefined;
  /** Test hook: how many targets' rows are checked at a time (`WINDOW_READ_TARGETS`). */
  targetsPerBatch?: number | undefined;
}

export type ImportOutcome =
  | { status: 200 | 201 | 403 | 409 | 422; body: ImportResponse }
  | { status: 400 | 413 | 422; detail: string };

interface Parsed {
  row: number;
  issues: CellIssue[];
  targetId: string | null;
  blank: boolean;
  input?: {
    asOf: string;
    value: number | null;
    unit: string;
    stagesDone: number | null;
    note: string;
    evidence: string | null;
    reason: string | null;
    narrative: Narrative;
  };
}

type ReportHeader = Extract<HeaderResult<ReportColumn>, { ok: true }>;

/** A row left empty in a template (no figure, no date): that target is not reported this time. */
const isBlankRow = (r: RowReader<ReportColumn>) => r.isBlank('value') && r.isBlank('asOf');

/** The target ids the file's rows with a figure or a date name (their 目标编号), as parseRows reads them. */
function reportedTargetIds(grid: Grid, header: ReportHeader): string[] {
  const ids = new Set<string>();
  for (const { row, cells } of grid.rows) {
    if (row <= header.headerRow) continue;
    const r = new RowReader<ReportColumn>(row, cells, header);
    if (isBlankRow(r)) continue;
    const id = r.text('targetId', 200);
    if (id !== null) ids.add(id);
  }
  return [...ids];
}

function parseRows(grid: Grid, header: ReportHeader, targets: Map<string, Target>): Parsed[] {
  const parsed: Parsed[] = [];
  for (const { row, cells } of grid.rows) {
    if (row <= header.headerRow) continue;
    const r = new RowReader<ReportColumn>(row, cells, header);
    const targetId = r.text('targetId', 200);
    if (isBlankRow(r)) {
      parsed.push({ row, issues: r.issues, targetId, blank: true });
      continue;
    }
    if (targetId === null) r.fail('targetId', { code: 'required' });
    const target = targetId ? targets.get(targetId) : undefined;
    if (targetId && !target) r.fail('targetId', { code: 'unknown_target', params: { id: targetId } });
    const milestone = target?.kind === 'milestone';
    const rawValue = r.number('value', true);
    if (milestone && rawValue !== null && (!Number.isInteger(rawValue) || rawValue < 0))
      r.fail('value', { code: 'milestone_stages_integer' });
    const asOf = r.date('asOf', true);
    const unit = r.text('unit', 20) ?? '';
    const note = r.text('note', 2000) ?? '';
    const evidence = r.text('evidence', 1000);
    const reason = r.text('reason', 500);
    const narrative: Narrative = {
      progress: narrativeCell(r, 'progress'),
      problems: narrativeCell(r, 'problems'),
      nextSteps: narrativeCell(r, 'nextSteps'),
      coordination: narrativeCell(r, 'coordination'),
    };
    if (evidence !== null) {
      const ok = reportInputSchema.shape.evidence.safeParse(evidence);
      if (!ok.success) r.fail('evidence', { code: 'evidence_link' });
    }
    parsed.push({
      row,
      issues: r.issues,
      targetId,
      blank: false,
      ...(asOf !== null && rawValue !== null
        ? {
            input: {
              asOf,
              value: milestone ? null : rawValue,
              stagesDone: milestone ? rawValue : null,
              unit: milestone ? '' : unit,
              note,
              evidence,
              reason,
              narrative,
            },
          }
        : {}),
    });
  }
  return parsed;
}

/** Target ids read per statement. */
const ID_CHUNK = 500;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Above this many distinct (first date, last date) spans, one read covers the widest span for all. */
const MAX_WINDOW_READS = 16;
/** Targets whose windows are read per statement. */
const WINDOW_READ_TARGETS = 500;

/**
 * What each target's rows are checked against: the reports the status engine reads
 * (`Store.stateReports`) for every date the file reports it at, read under the row locks. A row's
 * checks (a report of the same date, the latest earlier figure, a correction's original) and its
 * preview state need no more than that window, so the preview shows what the dashboard will, and a
 * 10,000-row file reads ~12 reports per target instead of each target's whole history.
 */
async function historyWindows(
  trx: Transaction<Database>,
  locked: ReadonlyMap<string, Target>,
  rows: readonly Parsed[],
): Promise<Map<string, ProgressReport[]>> {
  const span = new Map<string, { from: string; through: string }>();
  for (const x of rows) {
    if (!x.targetId || !x.input || !locked.has(x.targetId)) continue;
    const s = span.get(x.targetId);
    if (!s) span.set(x.targetId, { from: x.input.asOf, through: x.input.asOf });
    else if (x.input.asOf < s.from) s.from = x.input.asOf;
    else if (x.input.asOf > s.through) s.through = x.input.asOf;
  }
  const groups = new Map<string, { from: string; through: string; targets: Target[] }>();
  for (const [id, s] of span) {
    const key = `${s.from}|${s.through}`;
    const g = groups.get(key) ?? { ...s, targets: [] };
    g.targets.push(locked.get(id) as Target);
    groups.set(key, g);
  }
  if (groups.size > MAX_WINDOW_READS) {
    const all = [...groups.values()];
    // ISO dates compared as strings (Math.min/max would make them NaN).
    // biome-ignore lint/complexity/useMathMinMax: strings, not numbers
    const from = all.reduce((m, g) => (g.from < m ? g.from : m), all[0]?.from ?? '');
    // biome-ignore lint/complexity/useMathMinMax: strings, not numbers
    const through = all.reduce((m, g) => (g.through > m ? g.through : m), '');
    groups.clear();
    groups.set('all', { from, through, targets: all.flatMap((g) => g.targets) });
  }
  const store = new Store(trx);
  const history = new Map<string, ProgressReport[]>();
  for (const g of groups.values()) {
    // A few hundred targets per statement (issue 26): one read for a 10,000-row file held all its
    // rows (~12 a target) at once, beside the report objects made of them, and raised the server's
    // resident memory after an import by the size of both. Each target's window is its own, so the
    // parts read (in one transaction, under the row locks) are the one read's rows.
    for (let i = 0; i < g.targets.length; i += WINDOW_READ_TARGETS) {
      // With citations: a date that has a published figure takes no department figure (report-service).
      const part = g.targets.slice(i, i + WINDOW_READ_TARGETS);
      const reports = await store.stateReports(part, g.from, { through: g.through, withSource: true });
      for (const r of reports) {
        const h = history.get(r.targetId);
        if (h) h.push(r);
        else history.set(r.targetId, [r]);
      }
    }
  }
  return history;
}

/** This person's earlier commit of the same file (by its SHA-256), if any. */
function committedBefore(db: ImportContext['db'], userId: string, hash: string) {
  return db
    .selectFrom('imports')
    .selectAll()
    .where('kind', '=', 'reports')
    .where('user_id', '=', userId)
    .where('file_sha256', '=', hash)
    .executeTakeFirst();
}

/**
 * Dry run and commit share everything but the last step. The commit re-parses the uploaded file and
 * re-checks every row under row locks inside one transaction, then writes all rows or none.
 */
export async function importReports(ctx: ImportContext): Promise<ImportOutcome> {
  const { db, user, now, mode } = ctx;
  const hash = sha256(ctx.bytes);
  if (mode === 'commit') {
    const previous = await committedBefore(db, user.id, hash);
    if (previous) return { status: 200, body: alreadyImported(ctx, hash, previous.id, previous.summary) };
  }
  const header = findHeader(ctx.grid, REPORT_COLUMNS);
  if (!header.ok) return { status: 422, detail: header.detail };
  const rowCount = ctx.grid.rows.filter((r) => r.row > header.headerRow).length;
  if (rowCount > ctx.maxRows) return { status: 413, detail: `行数超过上限（最多 ${ctx.maxRows} 行数据），请分批导入` };
  if (rowCount === 0) return { status: 422, detail: '表格中没有数据行' };
  // Only the targets the file reports (a province's catalog is 20,000 targets, a nation's 200,000:
  // read whole for every upload, they were most of what an import allocated), read once, under the
  // row locks; every row is checked against what was read there.
  const reported = reportedTargetIds(ctx.grid, header).sort();

  const plans = new Map(
    (await db.selectFrom('plans').select(['id', 'thresholds', 'approval']).execute()).map((r) => [r.id, r] as const),
  );
  const importId = randomUUID();
  const run = async (trx: Transaction<Database>) => {
    // Locks in a fixed order, so two imports touching the same targets cannot deadlock: across the
    // statements the ids as JavaScript sorts them, within each by collate "C" (the same order for any
    // id without characters beyond U+FFFF; the database's own collation may put "-" and "_" elsewhere).
    const locked = new Map<string, Target>();
    const share = stringPool();
    for (let i = 0; i < reported.length; i += ID_CHUNK) {
      const rows = await selectTargets(trx)
        .where('id', 'in', reported.slice(i, i + ID_CHUNK))
        .orderBy(sql`id collate "C"`)
        .forUpdate()
        .execute();
      for (const r of rows) locked.set(r.id, shareTargetStrings(targetFromRow(r), share));
    }
    const parsed = parseRows(ctx.grid, header, locked);
    const results: ImportRow[] = new Array(parsed.length);
    const inserts: { at: number; report: ProgressReport }[] = [];
    let forbidden = false;
    const seen = new Map<string, number>();
    /** Checks the row `parsed[at]` against its target's reports (`hist`, grown by the rows accepted). */
    const check = async (at: number, hist: ProgressReport[]) => {
      const x = parsed[at] as Parsed;
      const target = x.targetId ? locked.get(x.targetId) : undefined;
      const base: ImportRow = {
        row: x.row,
        targetId: x.targetId,
        title: target?.title ?? null,
        status: 'skipped',
        asOf: x.input?.asOf ?? null,
        value: x.input ? (x.input.value ?? x.input.stagesDone) : null,
        unit: x.input ? x.input.unit || target?.unit || null : null,
        previewStatus: null,
        previewProgress: null,
        errors: [...x.issues],
      };
      results[at] = base;
      if (x.blank) return;
      const fail = (column: ReportColumn | '', issue: Issue) => {
        const col = column ? (REPORT_COLUMNS.find((c) => c.key === column)?.names[0] ?? column) : '';
        base.errors.push({ row: x.row, column: col, ...coded(issue) });
      };
      if (target && !canWriteTarget(user, target)) {
        forbidden = true;
        fail(
          'targetId',
          target.department === null
            ? { code: 'no_lead_department' }
            : { code: 'not_your_target', params: { department: target.departmentName ?? target.department } },
        );
      }
      if (target && x.input) {
        const key = `${target.id}|${x.input.asOf}`;
        const first = seen.get(key);
        if (first !== undefined) fail('asOf', { code: 'duplicate_row', params: { row: first } });
        else seen.set(key, x.row);
      }
      if (!target || !x.input || base.errors.length) {
        base.status = 'error';
        return;
      }
      const input = {
        asOf: x.input.asOf,
        value: x.input.value,
        unit: x.input.unit,
        stagesDone: x.input.stagesDone,
        note: x.input.note,
        evidence: x.input.evidence,
        confirmReason: x.input.reason ?? undefined,
        narrative: x.input.narrative,
      };
      const req = {
        input,
        user,
        actor: ctx.actor,
        now,
        dryRun: true,
        importId,
        thresholds: plans.get(target.planId)?.thresholds,
        approvalRequired: plans.get(target.planId)?.approval,
      };
      let outcome = await writeReport(trx, target, hist, req);
      if (outcome.kind === 'conflict' && outcome.code === 'exists_same_date' && x.input.reason) {
        // A row for a date already reported, with a reason: a correction of that report.
        const existingId = outcome.reportId;
        const original = hist.find((r) => r.id === existingId);
        if (original)
          outcome = await writeReport(trx, target, hist, {
            ...req,
            input: { ...input, reason: x.input.reason },
            supersedes: original,
          });
      }
      switch (outcome.kind) {
        case 'invalid':
          for (const e of outcome.errors) fail(FIELD_COLUMN[e.field] ?? '', e);
          break;
        case 'confirm':
          for (const cf of outcome.confirmations) fail('value', cf);
          fail('reason', { code: 'reason_to_confirm' });
          break;
        case 'conflict':
          fail('asOf', outcome);
          fail('reason', { code: 'reason_to_correct' });
          break;
        case 'forbidden':
          fail('asOf', outcome);
          break;
        case 'unchanged':
          base.status = 'unchanged';
          base.previewStatus = outcome.state?.status ?? null;
          base.previewProgress = outcome.state?.progress ?? null;
          break;
        case 'preview':
        case 'created':
          base.status = outcome.report.supersedes ? 'correction' : 'new';
          base.previewStatus = outcome.state?.status ?? null;
          base.previewProgress = outcome.state?.progress ?? null;
          // A dry run writes nothing: only the commit keeps what it will insert.
          if (mode === 'commit') inserts.push({ at, report: outcome.report });
          // Later rows of the same target are checked against this one.
          hist.push(outcome.report);
          break;
      }
      if (base.errors.length) base.status = 'error';
    };
    // The rows of each target, in the file's order (a row's checks read only its own target's reports).
    const rowsOf = new Map<string, number[]>();
    for (let at = 0; at < parsed.length; at++) {
      const x = parsed[at] as Parsed;
      if (!x.blank && x.input && x.targetId && locked.has(x.targetId)) {
        const list = rowsOf.get(x.targetId);
        if (list) list.push(at);
        else rowsOf.set(x.targetId, [at]);
      } else await check(at, []);
    }
    // A few hundred targets at a time (issue 26): their report windows read, their rows checked, the
    // windows let go. Held for the whole file (~12 reports a target, 120,000 objects for 10,000 rows)
    // they kept the server's memory high long after the import.
    const targetIds = [...rowsOf.keys()];
    const perBatch = ctx.targetsPerBatch ?? WINDOW_READ_TARGETS;
    for (let i = 0; i < targetIds.length; i += perBatch) {
      const batch = targetIds.slice(i, i + perBatch);
      const history = await historyWindows(
        trx,
        locked,
        batch.flatMap((id) => (rowsOf.get(id) ?? []).map((at) => parsed[at] as Parsed)),
      );
      for (const id of batch) {
        const hist = history.get(id) ?? [];
        for (const at of rowsOf.get(id) ?? []) await check(at, hist);
      }
    }
    const toInsert = inserts.sort((a, b) => a.at - b.at).map((x) => x.report);
    return { results, toInsert, forbidden };
  };

  const respond = (results: ImportRow[], committed: boolean, status: 200 | 201 | 403 | 422): ImportOutcome => ({
    status,
    body: {
      mode,
      fileName: ctx.fileName,
      sha256: hash,
      committed,
      alreadyImported: false,
      importId: committed ? importId : null,
      counts: countRows(results),
      messages: results.flatMap((r) => r.errors.map(cellMessage)),
      issues: results.flatMap((r) => r.errors),
      rows: results,
    },
  });

  if (mode === 'dry-run') {
    const { results } = await db.transaction().execute(run);
    return respond(results, false, 200);
  }

  class Abort extends Error {
    constructor(readonly outcome: ImportOutcome) {
      super('import aborted');
    }
  }
  try {
    return await db.transaction().execute(async (trx) => {
      const { results, toInsert, forbidden } = await run(trx);
      if (forbidden) throw new Abort(respond(results, false, 403));
      if (results.some((r) => r.status === 'error')) throw new Abort(respond(results, false, 422));
      for (let i = 0; i < toInsert.length; i += 500) {
        await trx
          .insertInto('reports')
          .values(toInsert.slice(i, i + 500).map((r) => ({ ...reportToRow(r), import_id: importId })))
          .execute();
        await ctx.afterChunk?.(Math.min(i + 500, toInsert.length));
      }
      const summary = { fileName: ctx.fileName, counts: countRows(results) };
      await trx
        .insertInto('imports')
        .values({
          id: importId,
          kind: 'reports',
          user_id: user.id,
          file_sha256: hash,
          file_name: ctx.fileName.slice(0, 255),
          committed_at: now.toISOString(),
          rows: toInsert.length,
          summary: JSON.stringify(summary),
        })
        .execute();
      await audit(trx, now, ctx.actor, {
        action: 'import.commit',
        entity: 'import',
        entityId: importId,
        after: {
          fileName: ctx.fileName,
          sha256: hash,
          reports: toInsert.map((r) => ({
            id: r.id,
            targetId: r.targetId,
            asOf: r.asOf,
            value: r.value,
            unit: r.unit,
            stagesDone: r.stagesDone,
            supersedes: r.supersedes,
          })),
        },
      });
      return respond(results, true, 201);
    });
  } catch (e) {
    if (e instanceof Abort) return e.outcome;
    if (isUniqueViolation(e)) {
      // The same file committed at the same moment by another request of the same person.
      const prev = await committedBefore(db, user.id, hash);
      if (prev) return { status: 200, body: alreadyImported(ctx, hash, prev.id, prev.summary) };
    }
    throw e;
  }
}

function countRows(rows: ImportRow[]): ImportResponse['counts'] {
  const counts = { rows: rows.length, new: 0, correction: 0, unchanged: 0, skipped: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}

function alreadyImported(
  ctx: ImportContext,
  hash: string,
  id: string,
  summary: Record<string, unknown>,
): ImportResponse {
  const counts = (summary.counts as ImportResponse['counts'] | undefined) ?? {
    rows: 0,
    new: 0,
    correction: 0,
    unchanged: 0,
    skipped: 0,
    error: 0,
  };
  return {
    mode: ctx.mode,
    fileName: ctx.fileName,
    sha256: hash,
    committed: false,
    alreadyImported: true,
    importId: id,
    counts,
    messages: ['该文件此前已导入，本次没有重复写入'],
    issues: [],
    rows: [],
  };
}
