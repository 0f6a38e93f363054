import { Link } from 'react-router';
import type { ReviewQueueItem } from '../../domain/approval-api';
import { reportPeriodText } from '../../domain/figure-period';
import { completionText, formatChange, gapText } from '../../domain/figures';
import { formatPercent, formatQuantity } from '../../domain/format';
import { paths } from '../../domain/paths';
import type { ProgressReport } from '../../domain/schemas';
import { type TFunction, useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { StatusBadge } from '../../ui/status-badge';
import { type Decision, useDecision } from './api/decide';
import { DecisionControls } from './decision-controls';
import { instantText, valueChange } from './figures';
import { NarrativeParts } from './narrative-parts';

/**
 * One report waiting: what it says beside what the board shows now, what approving it would make
 * of the target (完成率, pace), and 通过 / 退回. The words of every figure come from figures.ts, so
 * they read as on every other page.
 */
export function QueueItem({
  item,
  importName,
  onDecided,
}: {
  item: ReviewQueueItem;
  /** The file it was imported with, if any. */
  importName: string | null;
  onDecided: (d: Decision, message: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { report, target, previous, current, proposed } = item;
  const date = reportPeriodText(report, locale);
  const words = { title: target.title, date };
  const decision = useDecision((d) =>
    onDecided(d, t(d.kind === 'approve' ? 'reviewQueue.approved' : 'reviewQueue.returned', words)),
  );
  const headingId = `rq-${report.id}`;
  const figure = (r: ProgressReport) =>
    target.kind === 'milestone'
      ? t('target.done', { done: r.stagesDone ?? 0, total: target.stages.length })
      : formatQuantity(r.value, r.unit || target.unit, locale);
  const change = valueChange(target, report, previous, locale);
  const rateChange = proposed && current ? formatChange(target, proposed, current, locale) : null;
  const changeText = [change, rateChange && rateChange !== '—' ? `${t('common.progress')} ${rateChange}` : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <article className="card rq-item" aria-labelledby={headingId} data-queue-item>
      <h3 id={headingId} className="rq-item__title" tabIndex={-1}>
        <Link to={paths.target(target.id)}>{target.title}</Link>
      </h3>
      <dl className="rq-meta">
        <Meta label={t('reviewQueue.department')} value={target.departmentName ?? target.department ?? '—'} />
        <Meta label={t('reviewQueue.reportedBy')} value={report.reportedByName ?? report.reportedBy} />
        <Meta label={t('reviewQueue.recordedAt')} value={instantText(report.recordedAt, locale)} />
        <Meta label={t('reviewQueue.asOf')} value={date} />
      </dl>
      {importName && <p className="rq-tag">{t('reviewQueue.fromImport', { file: importName })}</p>}
      <dl className="rq-figures">
        <Figure label={t('reviewQueue.proposed')} strong value={figure(report)} />
        <Figure
          label={t('reviewQueue.previous')}
          value={
            previous
              ? t('reviewQueue.previousAsOf', { value: figure(previous), date: reportPeriodText(previous, locale) })
              : t('reviewQueue.noPrevious')
          }
        />
        {changeText && <Figure label={t('reviewQueue.change')} value={changeText} />}
        {proposed && <Paced t={t} item={item} />}
      </dl>
      {report.supersedes && (
        <p className="rq-tag">{t('reviewQueue.correction', { reason: report.correctionReason ?? '—' })}</p>
      )}
      <NarrativeParts narrative={report.narrative} />
      {report.note && (
        <p className="rq-note">
          <span className="muted">
            {t('reviewQueue.note')}
            {t('reviewQueue.colon')}
          </span>
          {report.note}
        </p>
      )}
      {report.evidence && (
        <p className="rq-note">
          <span className="muted">
            {t('reviewQueue.evidence')}
            {t('reviewQueue.colon')}
          </span>
          {report.evidence}
        </p>
      )}
      <DecisionControls
        on="report"
        id={report.id}
        decision={decision}
        labels={{
          approve: t('reviewQueue.approve'),
          approveAria: t('reviewQueue.approveLabel', words),
          return: t('reviewQueue.return'),
          returnAria: t('reviewQueue.returnLabel', words),
          confirmReturn: t('reviewQueue.confirmReturn'),
        }}
      />
    </article>
  );
}

/** 完成率 with this report (beside today's), 应完成率, the gap and the status it would give. */
function Paced({ t, item }: { t: TFunction; item: ReviewQueueItem }) {
  const locale = useLocale();
  const { target, current, proposed } = item;
  if (!proposed) return null;
  const now = current ? completionText(target, current, locale) : null;
  return (
    <>
      <Figure
        label={t('reviewQueue.completion')}
        value={
          <>
            {completionText(target, proposed, locale)}
            {now && now !== '—' && (
              <span className="muted small">{t('reviewQueue.completionNow', { value: now })}</span>
            )}
          </>
        }
      />
      {target.kind !== 'milestone' && proposed.expected !== null && (
        <Figure label={t('reviewQueue.expected')} value={formatPercent(proposed.expected, locale)} />
      )}
      <Figure label={t('reviewQueue.gap')} value={gapText(target, proposed, locale)} />
      <Figure
        label={t('reviewQueue.statusAfter')}
        value={
          <>
            <StatusBadge status={proposed.status} forecastMiss={proposed.forecastMiss} />
            {current && current.status !== proposed.status && (
              <span className="muted small">
                {t('reviewQueue.completionNow', { value: t(`status.${current.status}`) })}
              </span>
            )}
          </>
        }
      />
    </>
  );
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Figure({ label, value, strong = false }: { label: string; value: React.ReactNode; strong?: boolean }) {
  return (
    <div className="rq-figure">
      <dt>{label}</dt>
      <dd className={strong ? 'rq-figure__big' : undefined}>{value}</dd>
    </div>
  );
}
