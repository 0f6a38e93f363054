import { useFailureText } from '../../i18n/use-issue-text';
import { useTranslation } from '../../i18n/use-translation';
import { ErrorSummary } from '../../ui/form-errors';
import type { useFieldErrors } from './form-state';

/**
 * The top of an admin form: every field's problem as links, else the server's message for the whole
 * request, and `success` once it went through.
 */
export function FormFeedback({ f, success }: { f: ReturnType<typeof useFieldErrors>; success?: string | null }) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  return (
    <>
      <ErrorSummary title={t('report.errorSummary', { count: f.summary.length })} errors={f.summary} />
      {f.failure && !f.summary.length && (
        <div className="form-alert" role="alert">
          {failureText(f.failure)}
        </div>
      )}
      {success && (
        <div className="form-notice form-notice--ok" role="status">
          <p>{success}</p>
        </div>
      )}
    </>
  );
}

/** Submit (disabled while the request runs) and, for an edit, cancel. */
export function FormActions({
  submitLabel,
  pending,
  onCancel,
}: {
  submitLabel: string;
  pending: boolean;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      <button type="submit" className="button button--primary" disabled={pending}>
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
      )}
    </div>
  );
}
