import { formatDate } from '../../domain/format';
import { approvalOf, hasNarrative, NARRATIVE_FIELDS } from '../../domain/report-schema';
import type { Target } from '../../domain/schemas';
import type { ReportWithFlags } from '../../domain/target-api';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { ReportHistoryTable } from '../../ui/report-history-table';
import { ApprovalTag } from './approval-tag';
import { reporterName, reportFigure } from './report-figure';

/**
 * The target's reports, newest first; a replaced one stays visible, struck through; current ones can
 * be corrected, a returned one revised. 填报人 by name, never by login.
 */
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
  const rows = [...reports]
    .reverse()
    .slice(0, 30)
    .map((r) => ({ ...r, reportedBy: reporterName(r) }));
  return (
    <section aria-labelledby="report-history-title">
      <h2 id="report-history-title" className="card__title">
        {t('report.history')}
      </h2>
      <ReportHistoryTable
        label={t('report.history')}
        rows={rows}
        formatValue={(r) => reportFigure(r, target, locale)}
        supersededTag={t('report.superseded')}
        correctionTag={t('report.correction')}
        noteExtra={(r) => <HistoryExtra report={r} />}
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
                aria-label={t(approvalOf(r) === 'returned' ? 'report.desk.reviseLabel' : 'report.correctLabel', {
                  date: formatDate(r.asOf, locale),
                })}
                aria-pressed={correctingId === r.id}
                onClick={() => onCorrect(r)}
              >
                {approvalOf(r) === 'returned' ? t('report.desk.revise') : t('report.correct')}
              </button>
            )),
        }}
      />
    </section>
  );
}

/** A report's review state (待审核, 退回 with its reason) and its narrative, under its note. */
function HistoryExtra({ report }: { report: ReportWithFlags }) {
  const { t } = useTranslation();
  const state = approvalOf(report);
  const narrative = hasNarrative(report.narrative) ? report.narrative : null;
  if (state === 'approved' && !narrative) return null;
  return (
    <span className="history-extra">
      {state !== 'approved' && (
        <span className="history-extra__approval">
          <ApprovalTag state={state} />
          {state === 'returned' && report.approval?.reason && (
            <span className="small"> {t('report.desk.returnedReason', { reason: report.approval.reason })}</span>
          )}
        </span>
      )}
      {narrative && (
        <dl className="history-extra__narrative small">
          {NARRATIVE_FIELDS.filter((f) => narrative[f] !== '').map((f) => (
            <div key={f}>
              <dt>{t(`report.desk.narrative.${f}`)}</dt>
              <dd>{narrative[f]}</dd>
            </div>
          ))}
        </dl>
      )}
    </span>
  );
}
