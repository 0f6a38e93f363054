import { formatDate } from '../../domain/format';
import type { ProgressReport, Target } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { reporterName, reportFigure } from './report-figure';

/** Which report the form corrects (its date, figure and 填报人 by name), and the way back to a new report. */
export function CorrectingNotice({
  report,
  target,
  onCancel,
}: {
  report: ProgressReport;
  target: Target;
  onCancel: () => void;
}) {
  const { t, locale } = useTranslation();
  return (
    <div className="form-notice">
      <p>
        {t('report.correcting', {
          date: formatDate(report.asOf, locale),
          value: reportFigure(report, target, locale),
          by: reporterName(report),
        })}
      </p>
      <button type="button" className="button" onClick={onCancel}>
        {t('report.cancelCorrection')}
      </button>
    </div>
  );
}
