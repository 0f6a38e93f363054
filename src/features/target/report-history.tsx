import { reportPeriodText } from '../../domain/figure-period';
import { formatQuantity, type Locale } from '../../domain/format';
import { approvalOf } from '../../domain/report-schema';
import type { ReportWithFlags, TargetDetailResponse } from '../../domain/target-api';
import { type TFunction, useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { CardBody, CardHead, CardRow, CardTable, Cell, HeadCell } from '../../ui/card-table';
import { DemoTag } from '../../ui/demo-tag';
import { ScrollRegion } from '../../ui/scroll-region';
import { SourceQuote } from '../../ui/source-quote';
import { ApprovalState } from './approval-state';
import { instantText, NarrativeParts } from './narrative-parts';
// The history table's look is the report page's (struck-through replaced figures, tags).
import '../../ui/report-history-table.css';

type Item = TargetDetailResponse['item'];

/**
 * How many of the newest reports a printout keeps (the rows after them are marked data-print-hide, so
 * a target page stays on one or two sheets); the sheet then says so, a count alone read as complete.
 */
export const PRINTED_REPORTS = 12;

/**
 * Every version of every report, newest first: its review (待审核 / 已审核 / 退回 with who, when and
 * why), what it says (the note and the narrative), and the chain of versions: a replaced figure
 * stays, struck through and marked, beside the correction or revision that replaced it. The table
 * is also the chart's text alternative.
 */
export function ReportHistory({ item }: { item: Item }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = [...item.reports].reverse();
  const byId = new Map(item.reports.map((r) => [r.id, r]));
  const replacedBy = new Map(item.reports.flatMap((r) => (r.supersedes ? [[r.supersedes, r] as const] : [])));
  const value = (r: ReportWithFlags) =>
    item.kind === 'milestone'
      ? t('target.done', { done: r.stagesDone ?? 0, total: item.stages.length })
      : formatQuantity(r.value, r.unit || item.unit, locale);
  return (
    <section className="card target-history" aria-labelledby="history-title">
      <div className="card__head">
        <h2 id="history-title" className="card__title">
          {t('target.history')}
        </h2>
        <span className="card__hint" data-print-hide={rows.length > PRINTED_REPORTS ? '' : undefined}>
          {t('common.count', { count: rows.length })}
        </span>
        {rows.length > PRINTED_REPORTS && (
          <span className="card__hint history-printed" data-print-only="">
            {t('target.historyPrinted', { shown: PRINTED_REPORTS, count: rows.length })}
          </span>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('common.noData')}</p>
      ) : (
        <ScrollRegion label={t('target.history')} className="history-wrap">
          <CardTable className="history-table version-table">
            <caption className="visually-hidden">{t('target.history')}</caption>
            <CardHead>
              <HeadCell>{t('common.asOf')}</HeadCell>
              <HeadCell className="num">{t('common.value')}</HeadCell>
              <HeadCell>{t('reportReview.history.approval')}</HeadCell>
              <HeadCell>{t('target.note')}</HeadCell>
            </CardHead>
            <CardBody>
              {rows.map((r, i) => {
                const original = r.supersedes ? byId.get(r.supersedes) : undefined;
                return (
                  <CardRow
                    key={r.id}
                    data-superseded={r.superseded || undefined}
                    data-print-hide={i >= PRINTED_REPORTS ? '' : undefined}
                  >
                    <Cell className="nowrap" card="title">
                      {reportPeriodText(r, locale)}
                      <span className="muted small history-reason">
                        {t('reportReview.history.recordedAt', { time: instantText(r.recordedAt, locale) })}
                      </span>
                      {/* 填报人 under the date it reported, not a column of its own squeezed to one character a line. */}
                      <span className="muted small history-by">
                        {t('target.reportedBy')} <span>{r.reportedByName ?? r.reportedBy}</span>
                      </span>
                    </Cell>
                    <Cell className="num nowrap" label={t('common.value')}>
                      {r.superseded ? <del>{value(r)}</del> : value(r)}
                      {r.demo && <DemoTag />}
                      <VersionTags t={t} report={r} original={original} replacement={replacedBy.get(r.id)} />
                    </Cell>
                    <Cell label={t('reportReview.history.approval')}>
                      <ApprovalState approval={r.approval} />
                    </Cell>
                    <Cell className="version-note" card="wide" label={t('target.note')}>
                      {original && (
                        <span className="muted small history-reason">
                          {chainText(t, original, value(original), locale)}
                        </span>
                      )}
                      {r.correctionReason && (
                        <span className="muted small history-reason">
                          {t('target.correctionOf', { reason: r.correctionReason })}
                        </span>
                      )}
                      {r.note}
                      <NarrativeParts narrative={r.narrative} collapsible />
                      {r.evidence && <Evidence evidence={r.evidence} label={t('target.evidence')} />}
                      {r.source && <SourceQuote source={r.source} compact />}
                    </Cell>
                  </CardRow>
                );
              })}
            </CardBody>
          </CardTable>
        </ScrollRegion>
      )}
    </section>
  );
}

/**
 * 已更正 / 已修改 on a replaced version (修改: it had been returned, so its reporter revised it), and
 * 更正 / 修改 on the version that replaced it.
 */
function VersionTags({
  t,
  report,
  original,
  replacement,
}: {
  t: TFunction;
  report: ReportWithFlags;
  original: ReportWithFlags | undefined;
  replacement: ReportWithFlags | undefined;
}) {
  const locale = useLocale();
  const revised = approvalOf(report) === 'returned';
  return (
    <>
      {report.superseded && (
        <span
          className="history-tag history-tag--muted"
          title={
            replacement
              ? t('reportReview.history.replacedBy', { time: instantText(replacement.recordedAt, locale) })
              : undefined
          }
        >
          {revised ? t('reportReview.history.replacedRevised') : t('reportReview.history.replacedCorrected')}
        </span>
      )}
      {report.supersedes && (
        <span className="history-tag">
          {original && approvalOf(original) === 'returned'
            ? t('reportReview.history.revisionTag')
            : t('reportReview.history.correctionTag')}
        </span>
      )}
    </>
  );
}

/** Which version this one replaces: "更正 12月1日 09:30 提交的版本（原值 …）". */
function chainText(t: TFunction, original: ReportWithFlags, value: string, locale: Locale): string {
  const vars = { time: instantText(original.recordedAt, locale), value };
  return approvalOf(original) === 'returned'
    ? t('reportReview.history.revisionOf', vars)
    : t('reportReview.history.correctionOf', vars);
}

/** The evidence a reporter gave: a link when it is a web address (only http/https), else the document named. */
function Evidence({ evidence, label }: { evidence: string; label: string }) {
  const { t } = useTranslation();
  const isLink = /^https?:\/\//i.test(evidence);
  return (
    <span className="muted small history-evidence">
      {label}
      {t('reportReview.colon')}
      {isLink ? (
        <a href={evidence} target="_blank" rel="noopener noreferrer">
          {evidence}
        </a>
      ) : (
        evidence
      )}
    </span>
  );
}
