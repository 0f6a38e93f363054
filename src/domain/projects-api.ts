import { z } from 'zod';
import { keyProjectSchema, targetSchema } from './schemas';

/**
 * The key projects' answers (GET /api/v1/projects and /projects/:id), apart from the other response
 * schemas: only the project pages (and the server) build these, not every page's first load.
 */
/** What the project filters can offer, over every key project whatever the filter (not just a page). */
export const projectFacetsSchema = z.object({
  /** Every district with a key project: 市级 first, then in code-point order. */
  districts: z.array(z.string().min(1)),
  /** Every target a key project counts towards, in code-point order. */
  targetIds: z.array(z.string().min(1)),
});
export type ProjectFacets = z.infer<typeof projectFacetsSchema>;

export const projectsResponseSchema = z.object({
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  total: z.number().int().min(0),
  items: z.array(keyProjectSchema),
  /** On the first page only: the options of the district and target filters. */
  facets: projectFacetsSchema.optional(),
});
export type ProjectsResponse = z.infer<typeof projectsResponseSchema>;

export const projectDetailResponseSchema = z.object({
  item: keyProjectSchema,
  targets: z.array(targetSchema),
});
export type ProjectDetailResponse = z.infer<typeof projectDetailResponseSchema>;
