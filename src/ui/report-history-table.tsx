import type { ReactNode } from 'react';
import { reportPeriodText } from '../domain/figure-period';
import type { ReportWithFlags } from '../domain/target-api';
import { useTranslation } from '../i18n/use-translation';
import { useLocale } from '../stores/ui-store';
import { CardBody, CardHead, CardRow, CardTable, Cell, HeadCell } from './card-table';
import { DemoTag } from './demo-tag';
import { ScrollRegion } from './scroll-region';
import './report-history-table.css';

/**
 * Reports in the order given: a replaced figure stays visible, struck through and tagged, beside the
 * one that corrects it. The caller words the tags and the value, since a reporter and a reader of
 * the board are told different things; `action` adds a last column (a reporter's "correct" button).
 */
export function ReportHistoryTable({
  label,
  rows,
  formatValue,
  supersededTag,
  correctionTag,
  noteExtra,
  action,
}: {
  /** Names the table and its scroll region. */
  label: string;
  rows: readonly ReportWithFlags[];
  formatValue: (r: ReportWithFlags) => string;
  supersededTag: string;
  correctionTag: string;
  noteExtra?: (r: ReportWithFlags) => ReactNode;
  action?: { label: string; cell: (r: ReportWithFlags) => ReactNode };
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (rows.length === 0) return <p className="muted">{t('common.noData')}</p>;
  return (
    <ScrollRegion label={label} className="history-wrap">
      <CardTable className="history-table">
        <caption className="visually-hidden">{label}</caption>
        <CardHead>
          <HeadCell>{t('common.asOf')}</HeadCell>
          <HeadCell className="num">{t('common.value')}</HeadCell>
          <HeadCell>{t('target.note')}</HeadCell>
          <HeadCell>{t('target.reportedBy')}</HeadCell>
          {action && (
            <HeadCell>
              <span className="visually-hidden">{action.label}</span>
            </HeadCell>
          )}
        </CardHead>
        <CardBody>
          {rows.map((r) => (
            <CardRow key={r.id} data-superseded={r.superseded || undefined}>
              <Cell className="nowrap" card="title">
                {reportPeriodText(r, locale)}
              </Cell>
              <Cell className="num nowrap" label={t('common.value')}>
                {r.superseded ? <del>{formatValue(r)}</del> : formatValue(r)}
                {r.demo && <DemoTag />}
                {r.superseded && <span className="history-tag history-tag--muted">{supersededTag}</span>}
                {r.supersedes && <span className="history-tag">{correctionTag}</span>}
              </Cell>
              <Cell card="wide" label={t('target.note')} className="history-table__note">
                {r.note}
                {r.correctionReason && (
                  <span className="muted small history-reason">
                    {t('target.correctionOf', { reason: r.correctionReason })}
                  </span>
                )}
                {r.evidence && <Evidence evidence={r.evidence} label={t('target.evidence')} />}
                {noteExtra?.(r)}
              </Cell>
              <Cell label={t('target.reportedBy')} className="muted small">
                {r.reportedBy}
              </Cell>
              {action && (
                <Cell card="wide" className="history-table__action">
                  {action.cell(r)}
                </Cell>
              )}
            </CardRow>
          ))}
        </CardBody>
      </CardTable>
    </ScrollRegion>
  );
}

/** The evidence a reporter gave: a link when it is a web address (only http/https), else the document named. */
function Evidence({ evidence, label }: { evidence: string; label: string }) {
  const isLink = /^https?:\/\//i.test(evidence);
  return (
    <span className="muted small history-evidence">
      {label}：
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
