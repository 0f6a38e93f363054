import { useState } from 'react';
import { formatPercent } from '../../domain/format';
import { statusSchema } from '../../domain/schemas';
import type { ImportResponse } from '../../domain/write-api';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { CardBody, CardHead, CardRow, CardTable, Cell, HeadCell } from '../../ui/card-table';
import { ImportMessages, ImportRowErrors } from '../../ui/import-flow';
import { ScrollRegion } from '../../ui/scroll-region';
import { StatusBadge } from '../../ui/status-badge';

/**
 * A dry run's (or a refused commit's) answer: the counts, every error as the server words it
 * (第12行 “本期数值”：不是数字), and each row with what saving it would do.
 */
export function ImportResult({ result }: { result: ImportResponse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [showSkipped, setShowSkipped] = useState(false);
  const rows = showSkipped ? result.rows : result.rows.filter((r) => r.status !== 'skipped');
  const c = result.counts;
  return (
    <section className="stack" aria-labelledby="import-result-title">
      <h2 id="import-result-title" className="card__title">
        {t('report.dryRunTitle', { file: result.fileName })}
      </h2>
      <p>{t('report.counts', { ...c })}</p>
      {result.messages.length > 0 && c.error > 0 ? (
        <ImportMessages messages={result.messages} issues={result.issues} />
      ) : (
        result.messages.length === 0 && <p className="muted">{t('report.noErrors')}</p>
      )}
      {c.skipped > 0 && (
        <label className="check">
          <input type="checkbox" checked={showSkipped} onChange={(e) => setShowSkipped(e.target.checked)} />
          {t('report.showSkipped')}
        </label>
      )}
      {rows.length > 0 && (
        <ScrollRegion label={t('report.dryRunTitle', { file: result.fileName })} className="history-wrap">
          <CardTable className="import-table">
            <caption className="visually-hidden">{t('report.dryRunTitle', { file: result.fileName })}</caption>
            <CardHead>
              <HeadCell className="num">{t('report.row')}</HeadCell>
              <HeadCell>{t('report.target')}</HeadCell>
              <HeadCell>{t('common.asOf')}</HeadCell>
              <HeadCell className="num">{t('report.value')}</HeadCell>
              <HeadCell>{t('report.result')}</HeadCell>
              <HeadCell>{t('report.previewStatus')}</HeadCell>
              <HeadCell>{t('report.rowErrors')}</HeadCell>
            </CardHead>
            <CardBody>
              {rows.map((r) => {
                const status = statusSchema.safeParse(r.previewStatus);
                return (
                  <CardRow key={r.row} data-status={r.status}>
                    <Cell className="num" label={t('report.row')}>
                      {r.row}
                    </Cell>
                    <Cell card="title">{r.title ?? r.targetId ?? '—'}</Cell>
                    <Cell className="nowrap" label={t('common.asOf')}>
                      {r.asOf ?? '—'}
                    </Cell>
                    <Cell className="num nowrap" label={t('report.value')}>
                      {r.value ?? '—'}
                      {r.value !== null && r.unit ? ` ${r.unit}` : ''}
                    </Cell>
                    <Cell className="nowrap" label={t('report.result')}>
                      {r.status === 'error' && <span aria-hidden="true">✕ </span>}
                      {t(`report.rowStatus.${r.status}`)}
                    </Cell>
                    <Cell className="nowrap" label={t('report.previewStatus')}>
                      {status.success && <StatusBadge status={status.data} />}
                      {r.previewProgress !== null && ` ${formatPercent(r.previewProgress, locale)}`}
                    </Cell>
                    <Cell card="wide" label={t('report.rowErrors')}>
                      <ImportRowErrors errors={r.errors} />
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
