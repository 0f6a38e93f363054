import type { ReportWithFlags } from '../../domain/api';
import { formatDate, formatQuantity } from '../../domain/format';
import type { Target } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { DemoTag } from '../../ui/demo-tag';
import { ScrollRegion } from '../../ui/scroll-region';

/** The target's reports, newest first; a replaced one stays visible, struck through; current ones can be corrected. */
export function ReportHistoryTable({
  target,
  reports,
  onCorrect,
  correctingId,
}: {
  target: Target;
  reports: readonly ReportWithFlags[];
  onCorrect: (r: ReportWithFlags) => void;
  correctingId: string | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = [...reports].reverse().slice(0, 30);
  const value = (r: ReportWithFlags) =>
    target.kind === 'milestone'
      ? `${r.stagesDone ?? 0}/${target.stages.length}`
      : formatQuantity(r.value, r.unit || target.unit, locale);
  return (
    <section aria-labelledby="report-history-title">
      <h2 id="report-history-title" className="card__title">
        {t('report.history')}
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t('common.noData')}</p>
      ) : (
        <ScrollRegion label={t('report.history')} className="history-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('report.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.asOf')}</th>
                <th scope="col" className="num">
                  {t('common.value')}
                </th>
                <th scope="col">{t('target.note')}</th>
                <th scope="col">{t('target.reportedBy')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-superseded={r.superseded || undefined}>
                  <td className="nowrap">{formatDate(r.asOf, locale)}</td>
                  <td className="num nowrap">
                    {r.superseded ? <del>{value(r)}</del> : value(r)}
                    {r.demo && <DemoTag />}
                    {r.superseded && <span className="rtag rtag--muted">{t('report.superseded')}</span>}
                    {r.supersedes && <span className="rtag">{t('report.correction')}</span>}
                  </td>
                  <td>
                    {r.note}
                    {r.correctionReason && (
                      <span className="muted small rblock">
                        {t('target.correctionOf', { reason: r.correctionReason })}
                      </span>
                    )}
                  </td>
                  <td className="muted small">{r.reportedBy}</td>
                  <td>
                    {!r.superseded && (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('report.correctLabel', { date: formatDate(r.asOf, locale) })}
                        aria-pressed={correctingId === r.id}
                        onClick={() => onCorrect(r)}
                      >
                        {t('report.correct')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
