import type { Context } from 'hono';
import type { Problem } from '../../src/domain/api';

/** A problem document as the response, with its status and media type. */
export function problem(c: Context, p: Problem) {
  return c.json(p, p.status as 400, { 'content-type': 'application/problem+json; charset=utf-8' });
}

/**
 * A problem found while an answer is computed (inside the response cache's computation, which must
 * never store it): thrown, and answered by the app's error handler as the problem it carries.
 */
export class ProblemAnswer extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ProblemAnswer';
  }
}
