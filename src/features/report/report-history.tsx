import { formatDate, formatQuantity } from '../../domain/format';
import type { Target } from '../../domain/schemas';
import type { ReportWithFlags } from '../../domain/target-api';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { ReportHistoryTable } from '../../ui/report-history-table';

/** The target's reports, newest first; a replaced one stays visible, struck through; current ones can be corrected. */
export function ReportHistory({
  target,
  reports,
  onCorrect,
  correctingId,
  mayCorrectPublished,
}: {
  target: Target;
  reports: readonly ReportWithFlags[];
  onCorrect: (r: ReportWithFlags) => void;
  correctingId: string | null;
  /** Published figures (with a citation) are corrected by admins only; others see why not. */
  mayCorrectPublished: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="report-history-title">
      <h2 id="report-history-title" className="card__title">
        {t('report.history')}
      </h2>
      <ReportHistoryTable
        label={t('report.history')}
        rows={[...reports].reverse().slice(0, 30)}
        formatValue={(r) =>
          target.kind === 'milestone'
            ? `${r.stagesDone ?? 0}/${target.stages.length}`
            : formatQuantity(r.value, r.unit || target.unit, locale)
        }
        supersededTag={t('report.superseded')}
        correctionTag={t('report.correction')}
        action={{
          label: t('admin.actions'),
          cell: (r) =>
            !r.superseded &&
            (r.source && !mayCorrectPublished ? (
              <span className="muted small" title={t('report.publishedHint')}>
                {t('report.published')}
              </span>
            ) : (
              <button
                type="button"
                className="button button--small"
                aria-label={t('report.correctLabel', { date: formatDate(r.asOf, locale) })}
                aria-pressed={correctingId === r.id}
                onClick={() => onCorrect(r)}
              >
                {t('report.correct')}
              </button>
            )),
        }}
      />
    </section>
  );
}
