import { useState } from 'react';
import { formatPercent } from '../../domain/format';
import { statusSchema } from '../../domain/schemas';
import type { ImportResponse } from '../../domain/write-api';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
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
          <table className="table import-table">
            <caption className="visually-hidden">{t('report.dryRunTitle', { file: result.fileName })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('report.row')}
                </th>
                <th scope="col">{t('report.target')}</th>
                <th scope="col">{t('common.asOf')}</th>
                <th scope="col" className="num">
                  {t('report.value')}
                </th>
                <th scope="col">{t('report.result')}</th>
                <th scope="col">{t('report.previewStatus')}</th>
                <th scope="col">{t('report.rowErrors')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const status = statusSchema.safeParse(r.previewStatus);
                return (
                  <tr key={r.row} data-status={r.status}>
                    <td className="num">{r.row}</td>
                    <td>{r.title ?? r.targetId ?? '—'}</td>
                    <td className="nowrap">{r.asOf ?? '—'}</td>
                    <td className="num nowrap">
                      {r.value ?? '—'}
                      {r.value !== null && r.unit ? ` ${r.unit}` : ''}
                    </td>
                    <td className="nowrap">
                      {r.status === 'error' && <span aria-hidden="true">✕ </span>}
                      {t(`report.rowStatus.${r.status}`)}
                    </td>
                    <td className="nowrap">
                      {status.success && <StatusBadge status={status.data} />}
                      {r.previewProgress !== null && ` ${formatPercent(r.previewProgress, locale)}`}
                    </td>
                    <td>
                      <ImportRowErrors errors={r.errors} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
