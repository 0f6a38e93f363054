import { Link } from 'react-router';
import type { ApiError } from '../../api/api-error';
import { formatDate, formatQuantity } from '../../domain/format';
import { isIssueCode } from '../../domain/issues';
import { paths } from '../../domain/paths';
import type { ReportResponse } from '../../domain/write-api';
import { useFailureText, useIssueText } from '../../i18n/use-issue-text';
import { useTranslation } from '../../i18n/use-translation';
import type { Worded } from '../../i18n/validation';
import { useLocale } from '../../stores/ui-store';
import { StatusBadge } from '../../ui/status-badge';

/**
 * After a save: what was saved and the state it gave, with a way to see it on the board. On a plan
 * with review the figure is not live yet: it says so (已提交，待审核) and what the state will be once approved.
 */
export function SavedNotice({ saved, unit }: { saved: ReportResponse; unit: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const r = saved.item;
  const value = r.value === null ? `${r.stagesDone ?? 0}` : formatQuantity(r.value, r.unit || unit, locale);
  const pending = r.approval?.state === 'pending';
  const date = formatDate(r.asOf, locale);
  return (
    <div className={pending ? 'form-notice form-notice--pending' : 'form-notice form-notice--ok'} role="status">
      <p>
        {pending && <span aria-hidden="true">◷ </span>}
        {saved.unchanged
          ? t('report.savedUnchanged')
          : pending
            ? t('report.desk.submitted', { date, value })
            : t('report.saved', { date, value })}
        {saved.state && (
          <>
            {' '}
            {pending && t('report.desk.ifApproved')}
            <StatusBadge status={saved.state.status} forecastMiss={saved.state.forecastMiss} />
          </>
        )}
      </p>
      {pending && <p className="small">{t('report.desk.submittedHint')}</p>}
      <Link to={paths.target(r.targetId)}>{t('report.viewOnBoard')}</Link>
    </div>
  );
}

/**
 * A failed save: what the server found (its issues in the person's language when it sent codes for
 * all of them, else its words), the reassurance that nothing typed is lost, and for a conflict the way on.
 */
export function FailedNotice({
  error,
  onLoadLatest,
  loading,
  fieldWords,
}: {
  error: ApiError;
  onLoadLatest: (() => void) | null;
  loading: boolean;
  /** A field's issue in words that say which field (the form's labels), else as the code words it. */
  fieldWords?: (issue: Worded & { field?: string }) => string;
}) {
  const { t } = useTranslation();
  const issueWords = useIssueText();
  const words = fieldWords ?? issueWords;
  const failureText = useFailureText();
  const conflict = error.status === 409;
  const issues = [...(error.problem?.confirmations ?? []), ...(error.problem?.errors ?? [])];
  const worded = issues.length > 0 && issues.every((i) => isIssueCode(i.code));
  return (
    <div className="form-alert" role="alert">
      <strong>{conflict ? t('report.conflictTitle') : t('report.notSaved')}</strong>
      {worded ? issues.map((i) => <p key={`${i.code}:${words(i)}`}>{words(i)}</p>) : <p>{failureText(error)}</p>}
      <p className="small">{t('report.keptInputs')}</p>
      {conflict && onLoadLatest && (
        <button type="button" className="button" onClick={onLoadLatest} disabled={loading}>
          {t('report.loadLatest')}
        </button>
      )}
    </div>
  );
}
