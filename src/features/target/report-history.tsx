import { formatQuantity } from '../../domain/format';
import type { TargetDetailResponse } from '../../domain/target-api';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { ReportHistoryTable } from '../../ui/report-history-table';
import { SourceQuote } from '../../ui/source-quote';

type Item = TargetDetailResponse['item'];

/**
 * Every report, newest first, corrections included: a replaced figure stays visible, struck through,
 * beside the one that corrects it. This table is also the chart's text alternative.
 */
export function ReportHistory({ item }: { item: Item }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = [...item.reports].reverse();
  return (
    <section className="card" aria-labelledby="history-title">
      <div className="card__head">
        <h2 id="history-title" className="card__title">
          {t('target.history')}
        </h2>
        <span className="card__hint">{t('common.count', { count: rows.length })}</span>
      </div>
      <ReportHistoryTable
        label={t('target.history')}
        rows={rows}
        formatValue={(r) =>
          item.kind === 'milestone'
            ? t('target.done', { done: r.stagesDone ?? 0, total: item.stages.length })
            : formatQuantity(r.value, r.unit || item.unit, locale)
        }
        supersededTag={t('target.corrected')}
        correctionTag={t('target.correction')}
        noteExtra={(r) => r.source && <SourceQuote source={r.source} compact />}
      />
    </section>
  );
}
