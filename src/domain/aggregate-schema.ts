import { z } from 'zod';
import { STATUSES } from './schemas';

/** The wire form of an aggregate: laggards travel as ids (the full targets are in `warnings`). */
export const statusCountsSchema = z.object(
  Object.fromEntries(STATUSES.map((s) => [s, z.number().int().min(0)])) as Record<
    (typeof STATUSES)[number],
    z.ZodNumber
  >,
);

export const aggregateSchema = z.object({
  progress: z.number().nullable(),
  expected: z.number().nullable(),
  measured: z.number().int().min(0),
  total: z.number().int().min(0),
  counts: statusCountsSchema,
  laggardIds: z.array(z.string()),
});
export type AggregateDto = z.infer<typeof aggregateSchema>;
