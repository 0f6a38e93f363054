import { useDeferredValue, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { type AdminDepartmentsResponse, departmentMatchesQuery } from '../../domain/departments';
import { useFailureText } from '../../i18n/use-issue-text';
import { useTranslation } from '../../i18n/use-translation';
import { QueryState } from '../../ui/query-state';
import { ScrollRegion } from '../../ui/scroll-region';
import { useAdminDepartments, useUpdateDepartment } from './api/departments';
import { DepartmentForm } from './department-form';
import { DepartmentImportPanel } from './department-import-panel';
import { MergeDepartmentForm } from './merge-department-form';

type Row = AdminDepartmentsResponse['items'][number];

/** Unmatched free text first (to check), then the registry in its order, merged records last. */
const rank = (d: Row) => (d.mergedInto !== null ? 2 : d.unmatched ? 0 : 1);

/**
 * 部门登记: the registry with what hangs on each record (targets led and supported, accounts),
 * search, register, edit, mark a migrated record as checked, merge into another; and its import.
 */
export function RegistryPanel() {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const list = useAdminDepartments();
  const update = useUpdateDepartment();
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const [editing, setEditing] = useState<string | null>(null);
  const [merging, setMerging] = useState<string | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const byId = new Map(items.map((d) => [d.id, d]));
  const toCheck = items.filter((d) => d.unmatched && d.mergedInto === null);
  const editRow = editing ? byId.get(editing) : undefined;
  const mergeRow = merging ? byId.get(merging) : undefined;
  const markChecked = (d: Row) => {
    setChecked(null);
    update.mutate({ id: d.id, unmatched: false }, { onSuccess: () => setChecked(d.name) });
  };
  return (
    <div className="admin-grid">
      <section className="card stack" aria-labelledby="registry-title">
        <h2 id="registry-title" className="card__title">
          {t('admin.dept.title')}
        </h2>
        {toCheck.length > 0 && (
          <div className="form-notice" role="note">
            <p>{t('admin.dept.unmatchedNotice', { count: toCheck.length })}</p>
          </div>
        )}
        {list.data && list.data.unassignedTargets > 0 && (
          <p className="muted small">{t('admin.unassigned', { count: list.data.unassignedTargets })}</p>
        )}
        <div aria-live="polite">
          {checked && (
            <div className="form-notice form-notice--ok" role="status">
              <p>{t('admin.dept.checked', { name: checked })}</p>
            </div>
          )}
        </div>
        {update.isError && (
          <div className="form-alert" role="alert">
            {isApiError(update.error) ? failureText(update.error) : String(update.error)}
          </div>
        )}
        <div className="field">
          <label className="field__label" htmlFor="registry-search">
            {t('admin.dept.search')}
          </label>
          <input id="registry-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <QueryState query={list} label={t('freshness.loading')} lines={8}>
          {(data) => {
            const shown = data.items
              .map((d, i) => ({ d, i }))
              .filter(({ d }) => departmentMatchesQuery(d, query))
              .sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i)
              .map(({ d }) => d);
            return (
              <>
                <p className="muted small">{t('admin.dept.count', { count: shown.length })}</p>
                <ScrollRegion label={t('admin.dept.title')} className="history-wrap">
                  <table className="table">
                    <caption className="visually-hidden">{t('admin.dept.title')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('admin.dept.name')}</th>
                        <th scope="col">{t('admin.dept.shortName')}</th>
                        <th scope="col">{t('admin.dept.kind')}</th>
                        <th scope="col">{t('admin.dept.leader')}</th>
                        <th scope="col" className="num">
                          {t('admin.dept.leads')}
                        </th>
                        <th scope="col" className="num">
                          {t('admin.dept.supports')}
                        </th>
                        <th scope="col" className="num">
                          {t('admin.dept.users')}
                        </th>
                        <th scope="col">{t('admin.dept.flags')}</th>
                        <th scope="col">{t('admin.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {shown.map((d) => (
                        <tr key={d.id}>
                          <td>
                            {d.name}
                            <span className="small muted"> · {d.id}</span>
                            {d.aliases.length > 0 && <div className="small muted">{d.aliases.join('、')}</div>}
                          </td>
                          <td>{d.shortName}</td>
                          <td className="nowrap">{t(`admin.kindName.${d.kind}`)}</td>
                          <td>{d.leader ?? '—'}</td>
                          <td className="num">{d.leads}</td>
                          <td className="num">{d.supports}</td>
                          <td className="num">{d.users}</td>
                          <td>
                            {d.mergedInto !== null ? (
                              <span>
                                ↪ {t('admin.dept.merged', { name: byId.get(d.mergedInto)?.name ?? d.mergedInto })}
                              </span>
                            ) : d.unmatched ? (
                              <strong className="admin-flag--warn">⚠ {t('admin.dept.unmatched')}</strong>
                            ) : (
                              <span>✓ {t('admin.dept.active')}</span>
                            )}
                          </td>
                          <td>
                            {d.mergedInto === null && (
                              <div className="admin-row-actions">
                                <button
                                  type="button"
                                  className="button button--small"
                                  aria-label={t('admin.dept.editLabel', { name: d.name })}
                                  onClick={() => {
                                    setMerging(null);
                                    setEditing(d.id);
                                  }}
                                >
                                  {t('admin.edit')}
                                </button>
                                {d.unmatched && (
                                  <button
                                    type="button"
                                    className="button button--small"
                                    disabled={update.isPending}
                                    aria-label={t('admin.dept.markCheckedLabel', { name: d.name })}
                                    onClick={() => markChecked(d)}
                                  >
                                    {t('admin.dept.markChecked')}
                                  </button>
                                )}
                                <button
                                  type="button"
                                  className="button button--small"
                                  aria-label={t('admin.dept.mergeLabel', { name: d.name })}
                                  onClick={() => {
                                    setEditing(null);
                                    setMerging(d.id);
                                  }}
                                >
                                  {t('admin.dept.merge')}
                                </button>
                              </div>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
                {shown.length === 0 && <p>{t('admin.dept.empty')}</p>}
              </>
            );
          }}
        </QueryState>
      </section>
      <div className="stack">
        {mergeRow && <MergeDepartmentForm key={mergeRow.id} from={mergeRow} onDone={() => setMerging(null)} />}
        {editRow && <DepartmentForm key={editRow.id} department={editRow} onDone={() => setEditing(null)} />}
        <DepartmentForm />
        <DepartmentImportPanel />
      </div>
    </div>
  );
}
