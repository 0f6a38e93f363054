import { useCallback } from 'react';
import { isIssueCode } from '../domain/issues';
import { useTranslation } from './use-translation';
import { issueText, type Worded } from './validation';

/** `(issue) => words` in the person's language: the code's words, else the server's message. */
export function useIssueText(): (x: Worded) => string {
  const { locale } = useTranslation();
  return useCallback(
    (x: Worded) => (isIssueCode(x.code) ? issueText(locale, { code: x.code, params: x.params }) : (x.message ?? '')),
    [locale],
  );
}
