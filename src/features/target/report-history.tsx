import type { TargetDetailResponse } from '../../domain/api';
import { formatDate, formatQuantity } from '../../domain/format';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { DemoTag } from '../../ui/demo-tag';
import { ScrollRegion } from '../../ui/scroll-region';
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
  const value = (r: Item['reports'][number]) =>
    item.kind === 'milestone'
      ? t('target.done', { done: r.stagesDone ?? 0, total: item.stages.length })
      : formatQuantity(r.value, r.unit || item.unit, locale);
  return (
    <section className="card" aria-labelledby="history-title">
      <div className="card__head">
        <h2 id="history-title" className="card__title">
          {t('target.history')}
        </h2>
        <span className="card__hint">{t('common.count', { count: rows.length })}</span>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('common.noData')}</p>
      ) : (
        <ScrollRegion label={t('target.history')} className="history-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('target.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.asOf')}</th>
                <th scope="col" className="num">
                  {t('common.value')}
                </th>
                <th scope="col">{t('target.note')}</th>
                <th scope="col">{t('target.reportedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-superseded={r.superseded || undefined}>
                  <td className="nowrap">{formatDate(r.asOf, locale)}</td>
                  <td className="num">
                    {r.superseded ? <del>{value(r)}</del> : value(r)}
                    {r.demo && <DemoTag />}
                    {r.superseded && <span className="tag tag--muted">{t('target.corrected')}</span>}
                    {r.supersedes && <span className="tag">{t('target.correction')}</span>}
                  </td>
                  <td>
                    {r.note}
                    {r.correctionReason && (
                      <span className="muted small block">
                        {t('target.correctionOf', { reason: r.correctionReason })}
                      </span>
                    )}
                    {r.source && <SourceQuote source={r.source} compact />}
                  </td>
                  <td className="muted small">{r.reportedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
