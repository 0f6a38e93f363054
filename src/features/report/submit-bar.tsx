import { useTranslation } from '../../i18n/use-translation';

/** Save, or on a plan with review "submit for review", saying before the click that the board waits for a reviewer. */
export function SubmitBar({
  pending,
  correcting,
  approval,
}: {
  pending: boolean;
  correcting: boolean;
  approval: boolean;
}) {
  const { t } = useTranslation();
  const label = pending
    ? t('report.saving')
    : approval
      ? correcting
        ? t('report.desk.submitCorrection')
        : t('report.desk.submit')
      : correcting
        ? t('report.saveCorrection')
        : t('report.save');
  return (
    <div className="form__actions">
      <button
        type="submit"
        className="button button--primary"
        disabled={pending}
        aria-describedby={approval ? 'report-approval-hint' : undefined}
      >
        {label}
      </button>
      {approval && (
        <span id="report-approval-hint" className="muted small">
          <span aria-hidden="true">◷ </span>
          {t('report.desk.approvalHint')}
        </span>
      )}
    </div>
  );
}
