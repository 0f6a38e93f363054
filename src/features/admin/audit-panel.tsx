import { type FormEvent, useState } from 'react';
import { shanghaiDate } from '../../domain/dates';
import { formatTime } from '../../domain/format';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { QueryState } from '../../ui/query-state';
import { ScrollRegion } from '../../ui/scroll-region';
import { type AuditFilter, auditExportHref, useAudit } from './api/audit';

const FILTERS = ['actor', 'action', 'entity', 'from', 'to'] as const;

/** Every write, newest first, filterable, and exportable as CSV or Excel with the same filters. */
export function AuditPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [draft, setDraft] = useState<Record<(typeof FILTERS)[number], string>>({
    actor: '',
    action: '',
    entity: '',
    from: '',
    to: '',
  });
  const [filter, setFilter] = useState<AuditFilter>({ page: 1 });
  const audit = useAudit(filter);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next: AuditFilter = { page: 1 };
    for (const k of FILTERS) if (draft[k].trim()) next[k] = draft[k].trim();
    setFilter(next);
  };
  const label = (k: (typeof FILTERS)[number]) => t(`admin.${k}`);
  return (
    <section className="card stack" aria-labelledby="audit-title">
      <h2 id="audit-title" className="card__title">
        {t('admin.audit')}
      </h2>
      <form className="admin-filters form" onSubmit={apply} aria-label={t('admin.auditFilters')}>
        {FILTERS.map((k) => (
          <div className="field" key={k}>
            <label className="field__label" htmlFor={`audit-${k}`}>
              {label(k)}
            </label>
            <input
              id={`audit-${k}`}
              type={k === 'from' || k === 'to' ? 'date' : 'text'}
              value={draft[k]}
              onChange={(e) => setDraft((s) => ({ ...s, [k]: e.target.value }))}
            />
          </div>
        ))}
        <button type="submit" className="button">
          {t('admin.apply')}
        </button>
        <a className="button" href={auditExportHref(filter, 'csv')} download>
          {t('admin.exportCsv')}
        </a>
        <a className="button" href={auditExportHref(filter, 'xlsx')} download>
          {t('admin.exportXlsx')}
        </a>
      </form>
      <QueryState query={audit} label={t('freshness.loading')} lines={8}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
          return (
            <>
              <div className="admin-pager">
                <span>{t('admin.total', { total: data.total })}</span>
                <span>{t('admin.page', { page: data.page, pages })}</span>
                <button
                  type="button"
                  className="button button--small"
                  disabled={data.page <= 1}
                  onClick={() => setFilter((f) => ({ ...f, page: data.page - 1 }))}
                >
                  {t('admin.prev')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={data.page >= pages}
                  onClick={() => setFilter((f) => ({ ...f, page: data.page + 1 }))}
                >
                  {t('admin.next')}
                </button>
              </div>
              {data.items.length === 0 ? (
                <p className="muted">{t('admin.empty')}</p>
              ) : (
                <ScrollRegion label={t('admin.audit')} className="history-wrap">
                  <table className="table">
                    <caption className="visually-hidden">{t('admin.audit')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('admin.at')}</th>
                        <th scope="col">{t('admin.actor')}</th>
                        <th scope="col">{t('admin.action')}</th>
                        <th scope="col">{t('admin.entity')}</th>
                        <th scope="col">{t('admin.ip')}</th>
                        <th scope="col">{t('admin.changes')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.items.map((e) => (
                        <tr key={e.id}>
                          <td className="nowrap small">
                            {shanghaiDate(new Date(e.at))} {formatTime(Date.parse(e.at), locale)}
                          </td>
                          <td>{e.actor ?? '—'}</td>
                          <td className="nowrap">{e.action}</td>
                          <td className="small">
                            {e.entity}
                            {e.entityId ? ` · ${e.entityId}` : ''}
                          </td>
                          <td className="small">{e.ip ?? '—'}</td>
                          <td>
                            {e.after !== null && e.after !== undefined && (
                              <code className="audit-json">{JSON.stringify(e.after).slice(0, 240)}</code>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
