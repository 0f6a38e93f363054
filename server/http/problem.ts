import type { Context } from 'hono';
import type { IssueCode } from '../../src/domain/issues';
import type { Problem } from '../../src/domain/problem';

/**
 * What a route says when it refuses: the status in it, `type` `about:blank` unless it names one, and
 * a code with words in both languages (src/i18n/validation-messages.ts), so that a client words it.
 */
export type ProblemInput = Omit<Problem, 'type' | 'code'> & { type?: string; code?: IssueCode };

/** The one way the server answers with an error: a problem document, with its status and media type. */
export function problem(c: Context, p: ProblemInput) {
  return c.json({ type: 'about:blank', ...p }, p.status as 400, {
    'content-type': 'application/problem+json; charset=utf-8',
  });
}

/**
 * A problem found while an answer is computed (inside the response cache's computation, which must
 * never store it): thrown, and answered by the app's error handler as the problem it carries.
 */
export class ProblemAnswer extends Error {
  constructor(readonly problem: ProblemInput) {
    super(problem.detail);
    this.name = 'ProblemAnswer';
  }
}
