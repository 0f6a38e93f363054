import { z } from 'zod';
import type { IssueParams } from './issues';

/**
 * The figures of an issue's sentence on the wire: texts and numbers, anything else dropped. (An
 * object with a catch-all rather than z.record of a z.union: those two would join the shared zod
 * chunk, and so every page's first load, for this one schema.)
 */
export const issueParamsSchema = z
  .object({})
  .catchall(z.unknown())
  .transform(
    (o): IssueParams =>
      Object.fromEntries(
        Object.entries(o).filter((e) => typeof e[1] === 'string' || typeof e[1] === 'number'),
      ) as IssueParams,
  );
