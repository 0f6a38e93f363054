import { formatQuantity, type Locale } from '../domain/format';
import { type Issue, type IssueParams, isIssueCode } from '../domain/issues';
import { interpolate, type Vars } from './messages';
import { VALIDATION_MESSAGES } from './validation-messages';

/**
 * Issues (src/domain/issues.ts) in words: the one function behind the forms (in the person's
 * language, through `useIssueText`) and the server's Chinese field issues and confirmations.
 */

/** Params that are a figure in the issue's `unit`: written with it, e.g. 78项 / 350K people. */
const QUANTITIES = ['value', 'last', 'goal'] as const;

export function issueVars(params: IssueParams | undefined, locale: Locale): Vars {
  if (!params) return {};
  const vars: Vars = { ...params };
  const unit = typeof params.unit === 'string' ? params.unit : null;
  if (unit === null) return vars;
  for (const k of QUANTITIES) {
    const n = params[k];
    if (typeof n !== 'number') continue;
    // Chinese keeps the figure exact, as the documents write it (累计值 350000人): it is the API's text too.
    vars[k] = locale === 'zh-CN' ? `${n}${unit}` : formatQuantity(n, unit, locale);
  }
  return vars;
}

export function issueText(locale: Locale, issue: Issue): string {
  return interpolate(VALIDATION_MESSAGES[locale][issue.code], issueVars(issue.params, locale));
}

/** The API's Chinese of an issue (the server's field issues, confirmations and import cells). */
export const zhIssueText = (issue: Issue): string => issueText('zh-CN', issue);

/**
 * An issue found here (a code) or sent by the server (a message, and a code when the server has
 * one): `useIssueText` words it from the code when this client knows it, else takes the server's.
 */
export interface Worded {
  code?: string | undefined;
  params?: IssueParams | undefined;
  message?: string | undefined;
}

/** A failed request as a form sees it (src/api/api-error.ts): its kind, status, Chinese message and problem. */
export interface FailedRequest {
  kind: 'network' | 'http' | 'schema';
  status: number;
  message: string;
  problem?: { code?: string | undefined; params?: IssueParams | undefined } | undefined;
}

/**
 * Why a request failed, in the person's language: in Chinese the server's own words (they name the
 * item, the person, the date); in another language the words of the problem's code, or, for a code
 * this client does not know, what kind of failure it was.
 */
export function failureText(locale: Locale, e: FailedRequest): string {
  if (locale === 'zh-CN') return e.message;
  const code = e.problem?.code;
  if (e.kind === 'network') return issueText(locale, { code: 'network_unsaved' });
  if (e.kind === 'schema') return issueText(locale, { code: 'response_invalid' });
  if (isIssueCode(code)) return issueText(locale, { code, ...(e.problem?.params ? { params: e.problem.params } : {}) });
  return issueText(locale, { code: e.status >= 500 ? 'server_error' : 'request_failed', params: { status: e.status } });
}
