import { z } from 'zod';
import { aggregateSchema } from './aggregate-schema';
import { isoDate, planSchema, sectorSchema, targetSchema, targetStateSchema } from './schemas';

/**
 * Response bodies of `/api/v1`. The server builds them, the MSW mock builds them from the same
 * catalog through the same domain code, and the client parses every response with them.
 */

export const targetWithStateSchema = targetSchema.extend({ state: targetStateSchema });
export type TargetWithStateDto = z.infer<typeof targetWithStateSchema>;

export const plansResponseSchema = z.object({ items: z.array(planSchema) });
export type PlansResponse = z.infer<typeof plansResponseSchema>;

export const sectorsResponseSchema = z.object({ items: z.array(sectorSchema) });
export type SectorsResponse = z.infer<typeof sectorsResponseSchema>;

export const targetsResponseSchema = z.object({
  asOf: isoDate,
  items: z.array(targetWithStateSchema),
});
export type TargetsResponse = z.infer<typeof targetsResponseSchema>;

export const sectorSummarySchema = aggregateSchema.extend({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** The sector's progress one week before `asOf`. */
  previousProgress: z.number().nullable(),
});
export type SectorSummary = z.infer<typeof sectorSummarySchema>;

export const headlineSchema = z.object({
  key: z.string(),
  target: targetWithStateSchema,
  previousProgress: z.number().nullable(),
  /** Week-on-week change (×100 = 个百分点): of 完成率, or of the rate itself for a rate (figures.ts). */
  change: z.number().nullable(),
});
export type Headline = z.infer<typeof headlineSchema>;

export const freshnessSchema = z.object({
  /** The newest as-of date of any report (what the data describes). */
  latestReportAsOf: isoDate.nullable(),
  /** When the newest report was recorded. */
  latestRecordedAt: z.string().nullable(),
  /** When this response was computed (server clock). */
  generatedAt: z.string(),
  /**
   * How many targets' latest figure is dated before the as-of date: they are judged at their own
   * figure's date, and the view says so ("224 项目标的最新数据早于 12月31日").
   */
  olderFigures: z.number().int().min(0),
});

/** At most this many characters of a warned target's 存在问题 travel with the summary (the wall's one line). */
export const WARNING_PROBLEMS_MAX = 60;
/** A warned target of the summary, with the short form of what its department says is stuck (issue 23). */
export const warningSchema = targetWithStateSchema.extend({
  /**
   * 存在问题 of the report its state rests on, on one line, cut with … at `WARNING_PROBLEMS_MAX`
   * characters (the whole text is on the target page); absent when the report gives none.
   */
  problems: z.string().max(WARNING_PROBLEMS_MAX).optional(),
});
export type WarningDto = z.infer<typeof warningSchema>;

export const summaryResponseSchema = z.object({
  asOf: isoDate,
  previousAsOf: isoDate,
  overall: aggregateSchema,
  sectors: z.array(sectorSummarySchema),
  headlines: z.array(headlineSchema),
  /** The targets furthest behind their pace. */
  warnings: z.array(warningSchema),
  freshness: freshnessSchema,
  /** Every date with at least one report (also after `asOf`), oldest first: the as-of timeline. */
  reportDates: z.array(isoDate),
  /** Whether any value in this summary comes from generated demo data. */
  containsDemo: z.boolean(),
});
export type SummaryResponse = z.infer<typeof summaryResponseSchema>;
