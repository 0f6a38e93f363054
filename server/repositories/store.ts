import { type Kysely, sql } from 'kysely';
import { addDays, type IsoDate } from '../../src/domain/dates';
import type { ProjectRollup } from '../../src/domain/project-rollup';
import type { ReportView } from '../../src/domain/reports';
import type {
  ContextFigure,
  FigurePrecision,
  KeyProject,
  Plan,
  ProgressReport,
  Target,
} from '../../src/domain/schemas';
import { needsInferredBaseline } from '../../src/domain/status';
import { hasStaticFilter, type ProjectFilter, type TargetFilter } from '../../src/domain/views';
import type { Database } from '../db/schema';
import {
  contextFigureFromRow,
  planFromRow,
  projectFromRow,
  reportFromRow,
  selectReportsWithNames,
  selectTargets,
  shareTargetStrings,
  stringPool,
  targetExtras,
  targetFromRow,
} from './rows';

/**
 * Reads for the API. Filters that do not depend on computed state are pushed into SQL; state is then
 * computed by the domain from the targets' reports up to the as-of date.
 */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * What the state computation reads per target (see reportsForStates): the newest 12 reports, and
 * every report of the last 45 days. The engine uses the last five reports (trend), the 31 days
 * before the latest one (recent rate), and the same one week earlier (▲/▼ since last week).
 */
export const STATE_WINDOW_ROWS = 12;
export const STATE_WINDOW_DAYS = 45;
/** Every column of a report but the narrative's (the memo's history of every report). */
const REPORT_COLUMNS_WITHOUT_NARRATIVE = [
  'id',
  'target_id',
  'as_of',
  'recorded_at',
  'value',
  'unit',
  'stages_done',
  'note',
  'evidence',
  'source_document',
  'source_quote',
  'reported_by',
  'supersedes',
  'correction_reason',
  'demo',
  'period_precision',
  'period_label',
  'import_id',
  'department_id',
  'approval',
  'decided_by',
  'decided_at',
  'return_reason',
] as const;

/** Window reads of more targets than twice this are split into at most WINDOW_PARTS reads at once. */
const WINDOW_CHUNK = 2000;
const WINDOW_PARTS = 6;

/**
 * What a window read is cut at: only reports recorded by `knownAt`; `withSource` also reads citations.
 * `through` (≥ the as-of date) extends the window forward to that date: one read then holds the
 * window of every date from the as-of date to `through` (the import checks rows of several dates).
 */
export interface WindowOptions {
  knownAt?: string | undefined;
  /** Which reports count (the engine filters: the windows carry every version). */
  view?: ReportView | undefined;
  withSource?: boolean;
  through?: IsoDate | undefined;
  /**
   * The knowledge cut that places the window's lower bound (the as-of date of the 12th newest
   * report), when earlier than `knownAt`: a review's one read serves its previous meeting, whose
   * cut knew fewer reports (and so reaches further back), and its meeting (`knownAt`, `through`).
   */
  boundKnownAt?: string | undefined;
}

type StateReportTuple = [
  string,
  string,
  string,
  number,
  number | string | null,
  string,
  number | null,
  string | null,
  boolean,
  string,
  // The approval (0008-approval): its state and when it was decided (epoch ms).
  'pending' | 'approved' | 'returned',
  number | string | null,
  // The citation (null, null without the source).
  string | null,
  string | null,
  // With the source (the review): the period the figure describes, when it is not a day, and the narrative.
  (string | null)?,
  (string | null)?,
  string?,
  string?,
  string?,
  string?,
];

/** Target, then as-of date, then recording time: the order the window reads return rows in. */
const byTargetThenTime = (a: ProgressReport, b: ProgressReport): number =>
  a.targetId.localeCompare(b.targetId) || a.asOf.localeCompare(b.asOf) || a.recordedAt.localeCompare(b.recordedAt);

export interface StoreOptions {
  /** Window reads of more targets than twice this are split (default WINDOW_CHUNK; tests set it low). */
  windowChunk?: number;
}

export class Store {
  private readonly windowChunk: number;

  constructor(
    readonly db: Kysely<Database>,
    options: StoreOptions = {},
  ) {
    this.windowChunk = options.windowChunk ?? WINDOW_CHUNK;
  }

  async plans(): Promise<Plan[]> {
    const rows = await this.db.selectFrom('plans').selectAll().orderBy('year').orderBy(sql`id collate "C"`).execute();
    return rows.map(planFromRow);
  }

  /** The targets matching the filters that do not depend on computed state. */
  private targetQuery(filter: Omit<TargetFilter, 'status'>) {
    let q = this.db.selectFrom('targets');
    if (filter.plan) q = q.where('plan_id', '=', filter.plan);
    if (filter.sector) q = q.where('sector_id', '=', filter.sector);
    if (filter.district) q = q.where('district', '=', filter.district);
    if (filter.department) q = q.where('department', '=', filter.department);
    if (filter.q?.trim()) {
      const like = `%${escapeLike(filter.q.trim().toLowerCase())}%`;
      q = q.where((eb) =>
        eb.or([
          eb(sql`lower(title)`, 'like', like),
          eb(sql`lower(id)`, 'like', like),
          eb(sql`lower(subsection)`, 'like', like),
          eb(
            sql`lower(coalesce((select d.name from departments d where d.id = targets.department), ''))`,
            'like',
            like,
          ),
        ]),
      );
    }
    return q;
  }

  async targets(filter: Omit<TargetFilter, 'status'> = {}): Promise<Target[]> {
    const rows = await this.targetQuery(filter)
      .selectAll('targets')
      .select(targetExtras)
      .orderBy('sort_order')
      .execute();
    // A catalog repeats its plans, sectors, districts, departments, units and dates over thousands
    // of targets: one string each, not one per target as the driver decodes them.
    const share = stringPool();
    return rows.map((r) => shareTargetStrings(targetFromRow(r), share));
  }

  /**
   * What the status engine needs of the reports of the given targets, as of a date, in one round
   * trip. Per target only a window is read, through the (target_id, as_of) index (see
   * STATE_WINDOW_ROWS); a target that stopped reporting after a burst of daily reports more than
   * 45 days before the as-of date could see its "recent rate" measured over fewer days. The rows
   * come back as one JSON array (json_agg), which PGlite decodes ~3× faster than row by row.
   * Notes, evidence and citations are left out.
   */
  async reportsForStates(
    targetIds: readonly string[],
    asOf: IsoDate,
    options: WindowOptions = {},
  ): Promise<ProgressReport[]> {
    if (targetIds.length === 0) return [];
    const chunk = this.windowChunk;
    if (targetIds.length < 2 * chunk) return this.windowRead(targetIds, asOf, options);
    // A province's every target (the first report of a new week): a few reads at once, so that a
    // PostgreSQL server works on them in parallel while this process decodes the ones already back
    // (PGlite runs them one after another, no slower). Each is a range of the ids in order.
    const sorted = [...targetIds].sort();
    const parts = Math.min(WINDOW_PARTS, Math.ceil(sorted.length / chunk));
    const size = Math.ceil(sorted.length / parts);
    const chunks = Array.from({ length: parts }, (_, i) => sorted.slice(i * size, (i + 1) * size));
    return (await Promise.all(chunks.map((ids) => this.windowRead(ids, asOf, options)))).flat();
  }

  private async windowRead(
    targetIds: readonly string[],
    asOf: IsoDate,
    options: WindowOptions,
  ): Promise<ProgressReport[]> {
    const windowStart = addDays(asOf, -STATE_WINDOW_DAYS);
    // A past knowledge cut (a meeting reproduced) counts its window among the reports known then:
    // reports recorded later must not push known ones out of it.
    const knownBy = (alias: string, knownAt: string | undefined) =>
      knownAt ? sql`and ${sql.ref(`${alias}.recorded_at`)} <= ${knownAt}::timestamptz` : sql``;
    const known = (alias: string) => knownBy(alias, options.knownAt);
    const source = options.withSource
      ? sql`r.source_document, r.source_quote, r.period_precision, r.period_label,
            r.progress, r.problems, r.next_steps, r.coordination`
      : sql`null, null`;
    // The ids travel as one JSON parameter (any number of them, the same on PGlite and pg). The
    // window's lower bound per target is the earlier of the 45-day start and the as-of date of
    // its 12th newest report (an index-only probe), so one index range scan reads the whole window:
    // no union of two scans, no de-duplication, and the rows come out in (target, as_of,
    // recorded_at) order without sorting the whole result (OFFSET 0 keeps the planner from
    // flattening the lateral subquery into a hash join over every report). recorded_at travels as
    // epoch milliseconds: a third of the JSON's size, and no date-string parsing per row.
    const { rows } = await sql<{ j: StateReportTuple[] | null }>`
      select json_agg(json_build_array(r.id, r.target_id, r.as_of, floor(extract(epoch from r.recorded_at) * 1000)::int8,
                                       r.value, r.unit, r.stages_done, r.supersedes, r.demo, r.reported_by,
                                       r.approval, floor(extract(epoch from r.decided_at) * 1000)::int8,
                                       ${source})) as j
      from (select value as id from json_array_elements_text(${JSON.stringify(targetIds)}::json)
            order by 1 offset 0) as t
      cross join lateral (
        select r.* from reports r
        where r.target_id = t.id and r.as_of <= ${options.through ?? asOf} ${known('r')}
          and r.as_of >= least(${windowStart}::date, coalesce(
            (select w.as_of from reports w
             where w.target_id = t.id and w.as_of <= ${asOf} ${knownBy('w', options.boundKnownAt ?? options.knownAt)}
             order by w.as_of desc offset ${STATE_WINDOW_ROWS - 1} limit 1),
            '0001-01-01'::date))
        order by r.as_of, r.recorded_at
        offset 0
      ) as r`.execute(this.db);
    // Dates, units and reporters repeat over a read's thousands of reports (and each target's facts
    // keep its newest report's date): one string each.
    const share = stringPool();
    return (rows[0]?.j ?? []).map(
      ([
        id,
        targetId,
        date,
        recordedAt,
        value,
        unit,
        stagesDone,
        supersedes,
        demo,
        reportedBy,
        approval,
        decidedAt,
        document,
        quote,
        precision,
        label,
        progress,
        problems,
        nextSteps,
        coordination,
      ]) => ({
        id,
        targetId,
        asOf: share(date),
        ...(precision ? { period: { precision: precision as FigurePrecision, ...(label ? { label } : {}) } } : {}),
        recordedAt: new Date(recordedAt).toISOString(),
        value: value === null ? null : Number(value),
        unit: share(unit),
        stagesDone,
        note: '',
        evidence: null,
        source: document && quote ? { document, quote } : null,
        reportedBy: share(reportedBy),
        supersedes,
        correctionReason: null,
        demo,
        ...(progress === undefined
          ? {}
          : {
              narrative: {
                progress,
                problems: problems ?? '',
                nextSteps: nextSteps ?? '',
                coordination: coordination ?? '',
              },
            }),
        // Most reports are approved on entry: they carry no approval, which the engine reads as approved.
        ...(approval === 'approved' && decidedAt === null
          ? {}
          : {
              approval: {
                state: approval,
                by: null,
                at: decidedAt === null ? null : new Date(Number(decidedAt)).toISOString(),
                reason: null,
              },
            }),
      }),
    );
  }

  /**
   * Every distinct report date (the as-of timeline), by a loose index scan on reports(as_of): one
   * index probe per date instead of reading a million rows.
   */
  async reportDates(knownAt?: string, view: ReportView = 'approved'): Promise<IsoDate[]> {
    const known = visibleSql('reports', view, knownAt);
    const { rows } = await sql<{ as_of: string }>`
      with recursive d(as_of) as (
        (select as_of from reports where true ${known} order by as_of desc limit 1)
        union all
        select (select r.as_of from reports r where r.as_of < d.as_of ${visibleSql('r', view, knownAt)}
                order by r.as_of desc limit 1)
        from d where d.as_of is not null
      )
      select as_of from d where as_of is not null order by as_of`.execute(this.db);
    return rows.map((r) => r.as_of);
  }

  /** Whether the database was loaded with generated demo data (set once, at seeding). */
  async seededWithDemo(): Promise<boolean> {
    const row = await this.db.selectFrom('meta').select('value').where('key', '=', 'demo').executeTakeFirst();
    return row?.value === '1';
  }

  /** The data version and whether the data is a demo, in one read: what every page's HTML needs. */
  async pageState(): Promise<{ version: string; demo: boolean }> {
    const rows = await this.db
      .selectFrom('meta')
      .select(['key', 'value'])
      .where('key', 'in', ['data_version', 'demo'])
      .execute();
    const value = (key: string) => rows.find((r) => r.key === key)?.value;
    return { version: value('data_version') ?? '0', demo: value('demo') === '1' };
  }

  /** Bumped by the database on every change of the data the API computes from (migration 0003). */
  async dataVersion(): Promise<string> {
    const row = await this.db.selectFrom('meta').select('value').where('key', '=', 'data_version').executeTakeFirst();
    return row?.value ?? '0';
  }

  /** Registry names by id, for the given ids (a handful: a target's supporting departments). */
  async departmentNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async target(id: string): Promise<Target | null> {
    const row = await selectTargets(this.db).where('id', '=', id).executeTakeFirst();
    return row ? targetFromRow(row) : null;
  }

  /**
   * The reports the status engine reads (`reportsForStates`) of the given targets, plus, for stocks
   * paced from their first report (`needsInferredBaseline`: a level or multi-year share with no
   * stated baseline), every version of that first report, however old. Each report once.
   */
  async stateReports(
    targets: readonly Target[],
    asOf: IsoDate,
    options: WindowOptions = {},
  ): Promise<ProgressReport[]> {
    const [window, firsts] = await Promise.all([
      this.reportsForStates(
        targets.map((t) => t.id),
        asOf,
        options,
      ),
      this.firstReports(targets, asOf, options),
    ]);
    return withReports(window, firsts);
  }

  /**
   * For the stocks paced from their first report (`needsInferredBaseline`), every version of the
   * first report that counts in the view at the cut, however old.
   */
  private async firstReports(
    targets: readonly Target[],
    asOf: IsoDate,
    options: Pick<WindowOptions, 'knownAt' | 'view'>,
  ): Promise<ProgressReport[]> {
    const ids = targets.filter(needsInferredBaseline).map((t) => t.id);
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('reports as r')
      .selectAll()
      .where('r.target_id', 'in', ids)
      .where('r.as_of', '=', (eb) =>
        eb
          .selectFrom('reports as f')
          .select((f) => f.fn.min('f.as_of').as('first'))
          .whereRef('f.target_id', '=', 'r.target_id')
          .where('f.as_of', '<=', asOf)
          // The first report that counts in the view (a pending back-filled figure is not the baseline).
          .where(sql<boolean>`true ${visibleSql('f', options.view ?? 'approved', options.knownAt)}`),
      )
      .execute();
    return rows.map(reportFromRow);
  }

  /**
   * The data version, the catalog version (plans and targets) and, when `since` is given, the
   * targets whose reports changed after that data version (migration 0004), read in one statement
   * and so in one snapshot: every change stamped at or below the returned data version is listed.
   */
  async versions(since: string | null): Promise<{ data: string; catalog: string; changed: string[] }> {
    const { rows } = await sql<{ data: string | null; catalog: string | null; changed: string[] | string | null }>`
      select (select value from meta where key = 'data_version') as data,
             (select value from meta where key = 'catalog_version') as catalog,
             (select json_agg(target_id) from report_changes
              where ${since}::bigint is not null and version > ${since}::bigint) as changed`.execute(this.db);
    const row = rows[0];
    const changed = typeof row?.changed === 'string' ? (JSON.parse(row.changed) as string[]) : (row?.changed ?? []);
    return { data: row?.data ?? '0', catalog: row?.catalog ?? '0', changed };
  }

  /**
   * The newest recording instant (epoch ms) of a report recorded by `limit`, of the targets
   * matching the filter: the default meeting date of a review. Unfiltered it is one probe of the
   * recorded_at index; filtered, one probe per matching target.
   */
  async newestRecordedAt(
    filter: Omit<TargetFilter, 'status'>,
    limit: number,
    view: ReportView = 'approved',
  ): Promise<number | null> {
    const at = new Date(limit).toISOString();
    const filtered = hasStaticFilter(filter);
    // A report enters the approved view when it is approved (on entry: when it is recorded).
    const entered = view === 'approved' ? sql`coalesce(r.decided_at, r.recorded_at)` : sql`r.recorded_at`;
    const { rows } = filtered
      ? await sql<{ newest: number | null }>`
          select floor(extract(epoch from max(n.at)) * 1000)::float8 as newest
          from (${this.targetQuery(filter).select('id')}) as t
          cross join lateral (select max(${entered}) as at from reports r
                              where r.target_id = t.id ${visibleSql('r', view, at)}) as n`.execute(this.db)
      : view === 'approved'
        ? // Two index probes: the newest approved on entry (recorded_at), the newest approved later (decided_at).
          await sql<{ newest: number | null }>`
          select floor(extract(epoch from greatest(
            (select max(recorded_at) from reports
             where recorded_at <= ${at}::timestamptz and approval = 'approved' and decided_at is null),
            (select max(decided_at) from reports
             where decided_at <= ${at}::timestamptz and decided_at is not null and approval = 'approved')
          )) * 1000)::float8 as newest`.execute(this.db)
        : await sql<{ newest: number | null }>`
          select floor(extract(epoch from max(recorded_at)) * 1000)::float8 as newest
          from reports r where true ${visibleSql('r', view, at)}`.execute(this.db);
    const newest = rows[0]?.newest;
    return newest === null || newest === undefined ? null : Number(newest);
  }

  /**
   * What a review computes from (`buildReview`): the state windows of the given targets at both
   * meetings, each cut at what was known then, with citations (the latest report's source). Each
   * report once, oldest first.
   */
  async reviewReports(
    targets: readonly Target[],
    cuts: {
      meeting: { asOf: IsoDate; knownAt: string; view?: ReportView | undefined };
      previous: { asOf: IsoDate; knownAt: string; view?: ReportView | undefined };
    },
  ): Promise<ProgressReport[]> {
    const { meeting, previous } = cuts;
    // Meetings far apart (a `previous` a quarter back): two windows, the narrative only in the
    // meeting's; one read through both would carry every report between them.
    if (previous.asOf < addDays(meeting.asOf, -STATE_WINDOW_DAYS)) {
      const [m, p] = await Promise.all([
        this.stateReports(targets, meeting.asOf, { knownAt: meeting.knownAt, view: meeting.view, withSource: true }),
        this.stateReports(targets, previous.asOf, { knownAt: previous.knownAt, view: previous.view }),
      ]);
      return withReports(m, p);
    }
    // Meetings whose windows overlap (a week apart, as usual): one window read for both (a city of a
    // nation's catalog: ~8,000 rows once, not twice), from the previous meeting's window, placed by
    // what it knew, through the meeting's date, of what the meeting knew. Each meeting's state reads
    // its own cut out of it (the engine filters). Right for both only when the previous meeting comes
    // first and knew no more, in the same view: what cutsOfMeeting makes.
    if (
      previous.asOf >= meeting.asOf ||
      Date.parse(previous.knownAt) > Date.parse(meeting.knownAt) ||
      previous.view !== meeting.view
    )
      throw new Error('reviewReports: the previous meeting comes before the meeting, knows no more, in the same view');
    const [window, firstsThen, firstsNow] = await Promise.all([
      this.reportsForStates(
        targets.map((t) => t.id),
        previous.asOf,
        {
          knownAt: meeting.knownAt,
          boundKnownAt: previous.knownAt,
          through: meeting.asOf,
          view: meeting.view,
          withSource: true,
        },
      ),
      this.firstReports(targets, previous.asOf, previous),
      this.firstReports(targets, meeting.asOf, meeting),
    ]);
    return withReports(withReports(window, firstsThen), firstsNow);
  }

  /**
   * Every version of the reports of the given targets (all targets when `targetIds` is null) as of
   * `asOf` or earlier, approved or not (the engine counts what its view counts); `withNames` joins
   * who reported and who decided (a target's history).
   */
  async reports(
    targetIds: readonly string[] | null,
    asOf?: IsoDate,
    options: { withNames?: boolean } = {},
  ): Promise<ProgressReport[]> {
    if (targetIds !== null && targetIds.length === 0) return [];
    if (options.withNames) {
      let q = selectReportsWithNames(this.db);
      if (targetIds !== null) q = q.where('reports.target_id', 'in', targetIds);
      if (asOf) q = q.where('reports.as_of', '<=', asOf);
      const rows = await q
        .orderBy('reports.target_id')
        .orderBy('reports.as_of')
        .orderBy('reports.recorded_at')
        .execute();
      return rows.map(reportFromRow);
    }
    // Without the narrative: every report of a city is held in memory (state-memo.ts); the status
    // engine never reads the words, which may be pages long.
    let q = this.db.selectFrom('reports').select(REPORT_COLUMNS_WITHOUT_NARRATIVE);
    if (targetIds !== null) q = q.where('target_id', 'in', targetIds);
    if (asOf) q = q.where('as_of', '<=', asOf);
    const rows = await q.orderBy('target_id').orderBy('as_of').orderBy('recorded_at').execute();
    return rows.map(reportFromRow);
  }

  /** How many reports the database holds, counted no further than `limit` (bounded at any scale). */
  async reportCountUpTo(limit: number): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from (select 1 from reports limit ${limit}) as r`.execute(this.db);
    return Number(rows[0]?.n ?? 0);
  }

  /** The newest as-of date of any report recorded by `knownAt`: the default as-of of every view. */
  async newestReportDate(knownAt?: string, view: ReportView = 'approved'): Promise<IsoDate | null> {
    // Backward on the as_of index to the first report that counts (a pending one is skipped, not scanned for).
    const { rows } = await sql<{ newest: string | null }>`
      select as_of as newest from reports r where true ${visibleSql('r', view, knownAt)}
      order by as_of desc limit 1`.execute(this.db);
    return rows[0]?.newest ?? null;
  }

  async contextFigures(targetId: string): Promise<ContextFigure[]> {
    const rows = await this.db
      .selectFrom('context_figures')
      .selectAll()
      .where('target_id', '=', targetId)
      .orderBy('as_of')
      .execute();
    return rows.map(contextFigureFromRow);
  }

  private async withTargetIds(rows: { id: string }[]): Promise<Map<string, string[]>> {
    const ids = rows.map((r) => r.id);
    const links = ids.length
      ? await this.db.selectFrom('project_targets').selectAll().where('project_id', 'in', ids).execute()
      : [];
    const byProject = new Map<string, string[]>();
    for (const l of links) byProject.set(l.project_id, [...(byProject.get(l.project_id) ?? []), l.target_id]);
    return byProject;
  }

  async projects(f: ProjectFilter): Promise<{ total: number; items: KeyProject[] }> {
    let q = this.db.selectFrom('projects');
    if (f.target) {
      const target = f.target;
      q = q.where('id', 'in', (eb) =>
        eb.selectFrom('project_targets').select('project_id').where('target_id', '=', target),
      );
    }
    if (f.district) q = q.where('district', '=', f.district);
    if (f.sector) q = q.where('sector_id', '=', f.sector);
    if (f.stage) q = q.where('stage', '=', f.stage);
    if (f.q?.trim()) {
      const like = `%${escapeLike(f.q.trim().toLowerCase())}%`;
      q = q.where((eb) =>
        eb.or([eb(sql`lower(name)`, 'like', like), eb(sql`lower(coalesce(owner, ''))`, 'like', like)]),
      );
    }
    const countRow = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const sort = f.sort ?? 'name';
    const desc = sort.startsWith('-');
    const key = desc ? sort.slice(1) : sort;
    const dir = desc ? 'desc' : 'asc';
    let ordered = q.selectAll();
    if (key === 'investment') ordered = ordered.orderBy(sql`coalesce(total_investment, -1)`, dir);
    else if (key === 'stage')
      ordered = ordered.orderBy(
        sql`case stage when 'preparation' then 0 when 'construction' then 1 when 'completed' then 2 else 3 end`,
        dir,
      );
    else if (key === 'district') ordered = ordered.orderBy(sql`district collate "C"`, dir);
    else ordered = ordered.orderBy(sql`name collate "C"`, dir);
    const rows = await ordered
      .orderBy('id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    const links = await this.withTargetIds(rows);
    return { total: Number(countRow?.n ?? 0), items: rows.map((r) => projectFromRow(r, links.get(r.id) ?? [])) };
  }

  async project(id: string): Promise<KeyProject | null> {
    const row = await this.db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const links = await this.withTargetIds([row]);
    return projectFromRow(row, links.get(row.id) ?? []);
  }

  async projectsOfTarget(targetId: string, limit: number): Promise<{ total: number; items: KeyProject[] }> {
    return this.projects({ target: targetId, page: 1, pageSize: limit, sort: '-investment' });
  }

  /** What a target's project list adds up to (src/domain/project-rollup.ts), in one aggregate; null without projects. */
  async projectRollup(targetId: string): Promise<ProjectRollup | null> {
    return (await this.projectRollups(targetId)).get(targetId) ?? null;
  }

  /** Every target's project roll-up (or one target's), summed in one grouped aggregate. */
  async projectRollups(targetId?: string): Promise<Map<string, ProjectRollup>> {
    let q = this.db.selectFrom('projects as p').innerJoin('project_targets as pt', 'pt.project_id', 'p.id');
    if (targetId !== undefined) q = q.where('pt.target_id', '=', targetId);
    const rows = await q
      .groupBy('pt.target_id')
      .select([
        'pt.target_id as target_id',
        sql<string>`count(*)`.as('projects'),
        sql<string>`count(*) filter (where p.stage <> 'preparation')`.as('started'),
        sql<string>`count(*) filter (where p.stage = 'construction')`.as('under_construction'),
        sql<string>`count(*) filter (where p.stage in ('completed', 'operating'))`.as('completed'),
        sql<string | null>`sum(p.planned_investment)`.as('planned'),
        sql<string | null>`sum(p.completed_investment)`.as('done'),
        sql<string>`count(*) filter (where p.demo)`.as('demo'),
      ])
      .execute();
    const tenth = (v: string | number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
    return new Map(
      rows.map((row) => [
        row.target_id,
        {
          projects: Number(row.projects),
          started: Number(row.started),
          underConstruction: Number(row.under_construction),
          completed: Number(row.completed),
          plannedInvestment: tenth(row.planned),
          completedInvestment: tenth(row.done),
          demoProjects: Number(row.demo),
        },
      ]),
    );
  }
}

/**
 * The SQL condition for "counts in the view at `knownAt`" on reports aliased `alias` (the engine's
 * rule, src/domain/reports.ts): approved, from when it was approved (on entry: when recorded); with
 * those waiting, from when it was recorded, until it was returned.
 */
export function visibleSql(alias: string, view: ReportView, knownAt: string | undefined) {
  const c = (col: string) => sql.ref(`${alias}.${col}`);
  if (view === 'all') return knownAt ? sql`and ${c('recorded_at')} <= ${knownAt}::timestamptz` : sql``;
  if (view === 'approved')
    return knownAt
      ? sql`and ${c('approval')} = 'approved' and coalesce(${c('decided_at')}, ${c('recorded_at')}) <= ${knownAt}::timestamptz`
      : sql`and ${c('approval')} = 'approved'`;
  return knownAt
    ? sql`and ${c('recorded_at')} <= ${knownAt}::timestamptz
          and (${c('approval')} <> 'returned' or ${c('decided_at')} > ${knownAt}::timestamptz)`
    : sql`and ${c('approval')} <> 'returned'`;
}

/** `reports` and those of `more` it lacks (by id), in (target, as-of, recorded) order. */
function withReports(reports: ProgressReport[], more: readonly ProgressReport[]): ProgressReport[] {
  if (more.length === 0) return reports;
  const seen = new Set(reports.map((r) => r.id));
  const extra = more.filter((r) => !seen.has(r.id));
  if (extra.length === 0) return reports;
  return [...reports, ...extra].sort(byTargetThenTime);
}
