import { useCallback } from 'react';
import { isIssueCode } from '../domain/issues';
import { useTranslation } from './use-translation';
import { issueVars, type Worded } from './validation';

/** `(issue) => words` in the person's language: the code's words via `t()`, else the server's message. */
export function useIssueText(): (x: Worded) => string {
  const { t, locale } = useTranslation();
  return useCallback(
    (x: Worded) => (isIssueCode(x.code) ? t(`validation.${x.code}`, issueVars(x.params, locale)) : (x.message ?? '')),
    [t, locale],
  );
}
