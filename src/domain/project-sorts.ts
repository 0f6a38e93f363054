/**
 * The orders of the projects list, by the API's `sort` parameter. On its own so that parsing a query
 * (query.ts, loaded by every page) does not pull in the views and the status engine.
 */
export const PROJECT_SORTS = [
  'name',
  '-name',
  'investment',
  '-investment',
  'stage',
  '-stage',
  'district',
  '-district',
] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];
