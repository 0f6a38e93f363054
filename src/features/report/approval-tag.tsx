import { formatDate } from '../../domain/format';
import type { ApprovalState, ProgressReport, Target } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { formatInstant, reportFigure } from './report-figure';

const ICONS: Record<ApprovalState, string> = { pending: '◷', returned: '↩', approved: '✓' };

/** 待审核 / 退回 / 已审核 as words and an icon, never by colour alone. */
export function ApprovalTag({ state }: { state: ApprovalState }) {
  const { t } = useTranslation();
  return (
    <span className={`rtag rtag--${state}`} data-approval={state}>
      <span aria-hidden="true">{ICONS[state]} </span>
      {t(`report.desk.state.${state}`)}
    </span>
  );
}

/**
 * A returned report, as its reporter must see it before anything else: the reviewer's reason, who
 * returned it and when, and the way to revise it (a correction of it, sent for review again).
 */
export function ReturnedNotice({
  report,
  target,
  onRevise,
  revising,
}: {
  report: ProgressReport;
  target: Pick<Target, 'kind' | 'unit' | 'stages'>;
  onRevise: () => void;
  revising: boolean;
}) {
  const { t, locale } = useTranslation();
  const a = report.approval;
  return (
    <section className="returned-notice" aria-labelledby={`returned-${report.id}`}>
      <h3 id={`returned-${report.id}`} className="returned-notice__title">
        <span aria-hidden="true">↩ </span>
        {t('report.desk.returnedTitle', {
          date: formatDate(report.asOf, locale),
          value: reportFigure(report, target, locale),
        })}
      </h3>
      <p className="returned-notice__reason">{t('report.desk.returnedReason', { reason: a?.reason || '—' })}</p>
      {a?.by && (
        <p className="muted small">
          {t('report.desk.returnedBy', {
            by: a.byName ?? a.by,
            at: a.at ? formatInstant(a.at, locale) : '—',
          })}
        </p>
      )}
      <button type="button" className="button button--primary" aria-pressed={revising} onClick={onRevise}>
        {t('report.desk.revise')}
      </button>
    </section>
  );
}
