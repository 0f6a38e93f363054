import { z } from 'zod';
import { isIsoDate } from './dates';
import type { IssueCode } from './issues';

/** A refinement's issue code (src/domain/issues.ts), without loading the code list on every page. */
const code = (c: IssueCode) => ({ code: c });

/**
 * The API contract. Every type the server returns, the mock serves and the client renders is inferred
 * from these schemas; nothing is declared twice.
 */

/**
 * U+0000 (PostgreSQL text cannot hold it), a lone surrogate (not UTF-8: it would be stored as
 * U+FFFD) or a leading byte-order mark (PGlite's reader drops it: read back, the text differs from
 * what was sent).
 */
const UNSTORABLE = /\0|^\uFEFF|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Text the database stores and gives back exactly as sent: what validation accepts is what is kept. */
export const isStorableText = (s: string): boolean => !UNSTORABLE.test(s);
export const UNSTORABLE_TEXT = '含有无法保存的字符（空字符 NUL、残缺的 Unicode 字符或开头的 BOM 标记），请删除后重试';
/** A file name or other metadata, with what cannot be stored dropped. */
export const storableName = (s: string): string =>
  s.replace(new RegExp(UNSTORABLE.source, 'g'), '').replace(/^\uFEFF+/, '');

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD', params: code('date_format') });
/** An instant, ISO 8601 with offset, e.g. `2025-06-30T10:00:00+08:00` or `…Z`. */
export const isoDateTime = z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601' });

export const finite = z.number().refine(Number.isFinite, { message: '必须是有限的数字', params: code('not_finite') });

export const SECTOR_IDS = [
  'demand',
  'innovation',
  'industry',
  'services',
  'marine',
  'reform',
  'urban',
  'rural',
  'green',
  'livelihood',
] as const;
export const sectorIdSchema = z.enum(SECTOR_IDS);
export type SectorId = z.infer<typeof sectorIdSchema>;

export const sectorSchema = z.object({
  id: sectorIdSchema,
  /** 1–10, the order of the city work report. */
  order: z.number().int().min(1).max(10),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  /** The sector's heading as the city work report writes it. */
  heading: z.string().min(1),
});
export type Sector = z.infer<typeof sectorSchema>;

export const sourceSchema = z.object({
  /** File name in `shared/seeds/`, e.g. `002_977c2cac0d19ad45.txt`. */
  document: z.string().min(1),
  /** An exact substring of that document. */
  quote: z.string().min(1),
});
export type Source = z.infer<typeof sourceSchema>;

export const statusThresholdsSchema = z.object({
  /** Lagging when progress is below expected by more than this many percentage points. */
  lagPp: finite.min(0).max(100).default(5),
  /** Severe when below expected by more than this many percentage points… */
  severePp: finite.min(0).max(100).default(15),
  /** …or when projected to miss the target by more than this fraction. */
  severeMiss: finite.min(0).max(1).default(0.1),
  /** A target without a report within this many days has status `no_data`. */
  cycleDays: z.number().int().min(1).max(366).default(14),
  /** Tolerance of 左右/约 targets, as a fraction of the target. */
  approxTolerance: finite.min(0).max(0.5).default(0.05),
  /**
   * Growth rates and shares are judged by the rate itself: lagging when it is more than this many
   * 个百分点 of the rate below its target (or its expected level), severe past `rateSeverePp`.
   * Default 0.5 and 2: a GDP growth of 5.0 % against 5.5 % is what a meeting calls behind; 2 points
   * below is what it calls far behind.
   */
  rateLagPp: finite.min(0).max(100).default(0.5),
  rateSeverePp: finite.min(0).max(100).default(2),
  /** A milestone whose next node is overdue is lagging; severe when overdue by more than this many days. */
  milestoneSevereDays: z.number().int().min(0).max(3660).default(30),
});
export type StatusThresholds = z.infer<typeof statusThresholdsSchema>;
export const DEFAULT_THRESHOLDS: StatusThresholds = statusThresholdsSchema.parse({});

export const planSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  issuer: z.string().min(1),
  year: z.number().int(),
  /** Source file in `shared/seeds/`. */
  document: z.string().min(1),
  publishedOn: isoDate.nullable(),
  thresholds: statusThresholdsSchema,
  /**
   * Reports by departments wait for a reviewer (待审核) before the board counts them (issue 23).
   * Absent: off (plans made before the setting).
   */
  approval: z.boolean().optional(),
  /**
   * 催报升级 (issue 24): after this many missed reporting cycles on a target, its lead department's
   * overdue report goes to the 分管领导 and the target office too. Absent: kept (an update), 2 (a new plan).
   */
  escalateAfter: z
    .number()
    .int({ message: '催报升级阈值应为 1–52 的整数（漏报的填报周期数）' })
    .min(1, { message: '催报升级阈值应为 1–52 的整数（漏报的填报周期数）' })
    .max(52, { message: '催报升级阈值应为 1–52 的整数（漏报的填报周期数）' })
    .optional(),
});
export type Plan = z.infer<typeof planSchema>;

export const METRIC_KINDS = ['cumulative', 'level', 'growth', 'share', 'milestone'] as const;
export const metricKindSchema = z.enum(METRIC_KINDS);
export type MetricKind = z.infer<typeof metricKindSchema>;

/**
 * How the documents state a target: 以上/不少于 → gte, 突破/超过 → gt, 左右/约 → approx,
 * 达到 → eq (met at or above), 以下/控制在 → lte (lower is better).
 */
export const COMPARATORS = ['gte', 'gt', 'approx', 'eq', 'lte'] as const;
export const comparatorSchema = z.enum(COMPARATORS);
export type Comparator = z.infer<typeof comparatorSchema>;

export const monthlyProfileSchema = z
  .array(finite.min(0).max(1))
  .length(12)
  .refine((a) => a.every((v, i) => i === 0 || v >= (a[i - 1] ?? 0)), { message: '月度进度曲线必须单调不减' })
  .refine((a) => a[11] === 1, { message: '月度进度曲线在12月末必须为 1' });

export const pacingSchema = z.discriminatedUnion('type', [
  /** 时间过半、任务过半. */
  z.object({ type: z.literal('linear') }),
  /** Cumulative share expected at the end of each month (Jan…Dec) of a one-year period. */
  z.object({ type: z.literal('monthly'), name: z.string().min(1), cumulative: monthlyProfileSchema }),
  /** Milestones: expected = stages planned by the date. */
  z.object({ type: z.literal('steps') }),
]);
export type Pacing = z.infer<typeof pacingSchema>;

export const stageSchema = z.object({
  name: z.string().min(1),
  plannedDate: isoDate,
  /** The source does not date this stage: the date is the catalog's planning assumption (预计). */
  estimated: z.boolean().optional(),
});
export type Stage = z.infer<typeof stageSchema>;

export const DISTRICT_CITY = '市级';

export const targetSchema = z.object({
  id: z.string().min(1),
  planId: z.string().min(1),
  sectorId: sectorIdSchema,
  subsection: z.string().min(1),
  /** As written in the source. */
  title: z.string().min(1),
  /** 市级 or a district name such as 崂山区. */
  district: z.string().min(1),
  /** The lead department (牵头单位): a registry id (src/domain/departments.ts); null: none named. */
  department: z.string().min(1).nullable(),
  /** The lead department's name as the registry writes it now (resolved from the id). */
  departmentName: z.string().min(1).nullable(),
  /** Supporting departments (配合单位): registry ids. */
  supportingDepartments: z.array(z.string().min(1)),
  /** The lead and supporting departments are the demo division of tasks, not the documents'. */
  divisionDemo: z.boolean(),
  /** Reporters of a supporting department may report on this target (default: the lead only). */
  supportMayReport: z.boolean(),
  kind: metricKindSchema,
  /** The unit as written (亿元, 万人, 个, %, P…). Empty for milestones. */
  unit: z.string(),
  /** The target value in `unit`; null for milestones. */
  target: finite.nullable(),
  comparator: comparatorSchema,
  /** Where progress starts from (level/share), in `unit`. */
  baseline: finite.nullable(),
  periodStart: isoDate,
  deadline: isoDate,
  pacing: pacingSchema,
  stages: z.array(stageSchema),
  /** Key of a headline KPI tile (e.g. `key-projects`), when the target is one. */
  headline: z.string().min(1).nullable(),
  source: sourceSchema,
  /** True when the target itself is invented for the demo (never the case for catalog targets). */
  demo: z.boolean(),
});
export type Target = z.infer<typeof targetSchema>;

/**
 * How precisely a figure's source dates it: a day, a month, a quarter, a half, a year, or a span
 * from January to the end of the month of `asOf` (1—11月). `label`: the source's own words for the
 * period where they differ from the standard rendering (前三季度), in Chinese.
 */
export const FIGURE_PRECISIONS = ['day', 'month', 'quarter', 'half', 'year', 'ytd-month'] as const;
export type FigurePrecision = (typeof FIGURE_PRECISIONS)[number];
export const figurePeriodSchema = z.object({
  precision: z.enum(FIGURE_PRECISIONS),
  label: z.string().min(1).max(40).optional(),
});
export type FigurePeriod = z.infer<typeof figurePeriodSchema>;

/**
 * A report's schema (its narrative and approval) lives in report-schema.ts, loaded with the pages
 * that read reports: the overview and the sector page never parse one. Its types are here too.
 */
export type {
  Approval,
  ApprovalState,
  Narrative,
  NarrativeField,
  ProgressReport,
} from './report-schema';

export const PROJECT_STAGES = ['preparation', 'construction', 'completed', 'operating'] as const;
export const projectStageSchema = z.enum(PROJECT_STAGES);
export type ProjectStage = z.infer<typeof projectStageSchema>;

export const keyProjectSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  district: z.string().min(1),
  sectorId: sectorIdSchema,
  /** Targets this project counts towards (e.g. the 460 key projects and the 2450亿元 investment). */
  targetIds: z.array(z.string().min(1)),
  /** 亿元. */
  totalInvestment: finite.min(0).nullable(),
  /** 亿元 planned for the year. */
  plannedInvestment: finite.min(0).nullable(),
  /** 亿元 completed in the year to date. */
  completedInvestment: finite.min(0).nullable(),
  stage: projectStageSchema,
  owner: z.string().nullable(),
  source: sourceSchema.nullable(),
  demo: z.boolean(),
});
export type KeyProject = z.infer<typeof keyProjectSchema>;

export const contextFigureSchema = z.object({
  id: z.string().min(1),
  targetId: z.string().min(1),
  label: z.string().min(1),
  value: finite,
  unit: z.string(),
  asOf: isoDate,
  /** How precisely the source dates the figure. */
  asOfPrecision: z.enum(FIGURE_PRECISIONS),
  /** The source's own words for the period, where they differ from the standard rendering (前三季度). */
  periodLabel: z.string().min(1).max(40).nullable().optional(),
  /** Why this is context and not progress (a stock beside a flow, another definition, …). */
  relation: z.string().min(1),
  source: sourceSchema,
});
export type ContextFigure = z.infer<typeof contextFigureSchema>;

/**
 * `missed` (未完成) is final: past the deadline a target not met is not "lagging", it can no longer
 * catch up.
 */
export const STATUSES = ['achieved', 'on_track', 'lagging', 'severe', 'no_data', 'not_started', 'missed'] as const;
export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;

export const latestSchema = z.object({
  value: finite.nullable(),
  unit: z.string(),
  asOf: isoDate,
  stagesDone: z.number().int().nullable(),
  demo: z.boolean(),
  /** 初报: the figure waits for review (shown only with 含待审核, `includePending=1`). */
  provisional: z.boolean().optional(),
});

export const projectionSchema = z.object({
  /** Projected value at the deadline, in the target's unit. */
  value: finite,
  /** Projected progress at the deadline (1 = target met). */
  progress: finite,
  willMeet: z.boolean(),
});
export type Projection = z.infer<typeof projectionSchema>;

export const requiredRateSchema = z.object({
  unit: z.string(),
  /** Still needed, per week and per month, to meet the target by the deadline. */
  perWeek: finite,
  perMonth: finite,
  /** The recent actual rate per week (last ~4 weeks), when it can be measured. */
  recentPerWeek: finite.nullable(),
  remaining: finite,
  weeksLeft: finite,
});
export type RequiredRate = z.infer<typeof requiredRateSchema>;

/**
 * What a gap measures. `target`: 完成率 − 应完成率 (cumulative and stock targets), in 个百分点 of the
 * target. `rate`: the difference of a growth rate or share from its target (or the level it should
 * have reached), in 个百分点 of the rate itself.
 */
export const GAP_BASES = ['target', 'rate'] as const;
export const gapBasisSchema = z.enum(GAP_BASES);
export type GapBasis = z.infer<typeof gapBasisSchema>;

/** A milestone in stages: how many nodes are done, the next one, and how overdue it is. */
export const milestoneProgressSchema = z.object({
  done: z.number().int().min(0),
  total: z.number().int().min(1),
  next: stageSchema.nullable(),
  /** Days the next node is past its planned date at the judged date; 0 when not overdue. */
  overdueDays: z.number().int().min(0),
});
export type MilestoneProgress = z.infer<typeof milestoneProgressSchema>;

export const targetStateSchema = z.object({
  /**
   * 完成率: value ÷ target in the sense of the comparator (target ÷ value for 以下 limits; done ÷ all
   * nodes for milestones). 1 = met; null when unknown.
   */
  progress: finite.nullable(),
  /** 应完成率 (序时进度) on the same scale, at `judgedAt`: where the value should be ÷ the target. */
  expected: finite.nullable(),
  /**
   * The gap as a fraction (×100 = 个百分点), in the sense of `gapBasis`: 完成率 − 应完成率 for
   * `target`, the rate's own difference from where it should be for `rate`; null for milestones.
   */
  gap: finite.nullable(),
  gapBasis: gapBasisSchema.nullable(),
  /**
   * The date the target is judged at: its latest figure's as-of date (a report on another target
   * never moves it), or the view's as-of date when it has no figure.
   */
  judgedAt: isoDate,
  status: statusSchema,
  /** The trend to the deadline says it will miss (预计难完成), whatever the status says of its pace. */
  forecastMiss: z.boolean(),
  /**
   * A project-list target whose projects' investment lags its pace (src/domain/project-rollup.ts):
   * the share of the year's planned investment done, where it should be by `judgedAt` (the
   * investment's 序时进度, as an investment target is paced) and the gap between them. The status is no
   * better than that gap says: a list counted as started cannot look on pace while its money is behind.
   */
  projects: z.object({ investment: finite, expected: finite, gap: finite }).optional(),
  milestone: milestoneProgressSchema.nullable(),
  /**
   * A stock paced from a baseline (stated, or its first report): the pace is judged on the way from
   * the baseline to the target ("较基数增加…"), which is what the status compares; `progress` and
   * `expected` above stay on the 完成率 scale. Null when paced from zero.
   */
  fromBaseline: z
    .object({
      value: finite,
      /** The baseline's date: the period start when stated, the first report's date when inferred. */
      asOf: isoDate,
      /** Share of the way from the baseline to the target done, and expected at `judgedAt`. */
      progress: finite,
      expected: finite,
    })
    .nullable(),
  latest: latestSchema.nullable(),
  projection: projectionSchema.nullable(),
  requiredRate: requiredRateSchema.nullable(),
});
export type TargetState = z.infer<typeof targetStateSchema>;
