import { z } from 'zod';
import { targetWithStateSchema } from './api';
import { projectRollupSchema } from './project-rollup';
import { progressReportSchema } from './report-schema';
import { contextFigureSchema, isoDate, keyProjectSchema, targetStateSchema } from './schemas';

/**
 * A target's detail (GET /api/v1/targets/:id), apart from the other response schemas: only the
 * target and report pages (and the server) build it, not every page's first load.
 */
export const reportWithFlagsSchema = progressReportSchema.extend({
  /** True when a later correction replaces this report (it stays in the history). */
  superseded: z.boolean(),
});
export type ReportWithFlags = z.infer<typeof reportWithFlagsSchema>;

export const targetDetailResponseSchema = z.object({
  asOf: isoDate,
  item: targetWithStateSchema.extend({
    /** The state one week before `asOf`, for ▲/▼ comparisons. */
    previousState: targetStateSchema.nullable(),
    /** Every report, oldest first, corrections included and marked. */
    reports: z.array(reportWithFlagsSchema),
    contextFigures: z.array(contextFigureSchema),
    /** The key projects counted by this target (first page; `projectCount` is the total). */
    projects: z.array(keyProjectSchema),
    projectCount: z.number().int().min(0),
    /** What the project list adds up to, for a target its projects measure; null without projects. */
    projectRollup: projectRollupSchema.nullable(),
    /**
     * The names of `supportingDepartments`, in their order, as the registry writes them now: the page
     * shows them without loading the registry. Absent from a client that does not ask the server.
     */
    supportingNames: z.array(z.string()).optional(),
  }),
});
export type TargetDetailResponse = z.infer<typeof targetDetailResponseSchema>;
