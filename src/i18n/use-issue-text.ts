import { useCallback } from 'react';
import { isIssueCode } from '../domain/issues';
import { useTranslation } from './use-translation';
import { type FailedRequest, failureText, issueText, type Worded } from './validation';

/** `(issue) => words` in the person's language: the code's words, else the server's message. */
export function useIssueText(): (x: Worded) => string {
  const { locale } = useTranslation();
  return useCallback(
    (x: Worded) => (isIssueCode(x.code) ? issueText(locale, { code: x.code, params: x.params }) : (x.message ?? '')),
    [locale],
  );
}

/** `(failed request) => why`, in the person's language (see failureText). */
export function useFailureText(): (e: FailedRequest) => string {
  const { locale } = useTranslation();
  return useCallback((e: FailedRequest) => failureText(locale, e), [locale]);
}
