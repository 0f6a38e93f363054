import type { ApiError } from '../../api/api-error';
import { useFailureText, useIssueText } from '../../i18n/use-issue-text';
import { useTranslation } from '../../i18n/use-translation';
import type { Worded } from '../../i18n/validation';

/**
 * A write that failed: what the server found (its codes worded in the person's language, else its
 * words), and that nothing typed is lost. Field issues shown at their fields are not repeated here.
 */
export function SupervisionFailure({ error, issues }: { error: ApiError; issues: Worded[] }) {
  const { t } = useTranslation();
  const words = useIssueText();
  const failure = useFailureText();
  const hasFieldIssues = (error.problem?.errors?.length ?? 0) > 0;
  return (
    <div className="form-alert" role="alert">
      <strong>{t('supervision.failed')}</strong>
      {issues.length > 0
        ? issues.map((i) => <p key={`${i.code}:${words(i)}`}>{words(i)}</p>)
        : !hasFieldIssues && <p>{failure(error)}</p>}
      <p className="small">{t('supervision.kept')}</p>
    </div>
  );
}
