import { formatDate, formatPercent } from '../../domain/format';
import type { TargetState } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { ProgressBar } from '../../ui/progress-bar';
import { StatusBadge } from '../../ui/status-badge';

/** The progress and status the target will have once this report is saved, before anything is sent. */
export function ReportPreview({ title, asOf, state }: { title: string; asOf: string; state: TargetState | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="report-preview" aria-labelledby="report-preview-title" aria-live="polite">
      <h3 id="report-preview-title" className="report-preview__title">
        {t('report.preview')}
      </h3>
      {state ? (
        <>
          <p className="muted small">{t('report.previewHint', { date: formatDate(asOf, locale) })}</p>
          <div className="report-preview__row">
            <StatusBadge status={state.status} forecastMiss={state.forecastMiss} />
            <span>{t('report.progress', { value: formatPercent(state.progress, locale) })}</span>
            {state.expected !== null && (
              <span className="muted">{t('report.expected', { value: formatPercent(state.expected, locale) })}</span>
            )}
          </div>
          <ProgressBar
            progress={state.progress}
            expected={state.expected}
            name={`${t('report.preview')}：${title}`}
            status={state.status}
          />
        </>
      ) : (
        <p className="muted small">{t('report.previewNone')}</p>
      )}
    </section>
  );
}
