import { useDeferredValue, useState } from 'react';
import { useTargets } from '../../api/get-targets';
import type { Target } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { QueryState } from '../../ui/query-state';
import { ScrollRegion } from '../../ui/scroll-region';
import { useDepartments } from './api/users';
import { TargetCreateForm } from './target-create-form';
import { TargetEditForm } from './target-edit-form';

/** The catalog: find a target, assign its lead department or fix its figures; add a new one. */
export function TargetsPanel() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q.trim());
  const targets = useTargets(deferred ? { q: deferred } : {});
  const departments = useDepartments();
  const [editing, setEditing] = useState<Target | null>(null);
  const names = departments.data?.items.map((d) => d.department) ?? [];
  return (
    <div className="admin-grid">
      <section className="card stack" aria-labelledby="targets-title">
        <h2 id="targets-title" className="card__title">
          {t('admin.targetList')}
        </h2>
        {departments.data && departments.data.unassignedTargets > 0 && (
          <p className="muted small">{t('admin.unassigned', { count: departments.data.unassignedTargets })}</p>
        )}
        <div className="field">
          <label className="field__label" htmlFor="admin-target-search">
            {t('admin.search')}
          </label>
          <input id="admin-target-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <QueryState query={targets} label={t('freshness.loading')} lines={8}>
          {(data) => (
            <ScrollRegion label={t('admin.targetList')} className="history-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('admin.targetList')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.id')}</th>
                    <th scope="col">{t('admin.targetTitle')}</th>
                    <th scope="col">{t('admin.department')}</th>
                    <th scope="col" className="num">
                      {t('admin.targetValue')}
                    </th>
                    <th scope="col">{t('admin.deadline')}</th>
                    <th scope="col">{t('admin.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.slice(0, 300).map((item) => (
                    <tr key={item.id}>
                      <td className="small nowrap">{item.id}</td>
                      <td>{item.title}</td>
                      <td className={item.department ? undefined : 'muted'}>
                        {item.department ?? t('admin.noDepartment')}
                      </td>
                      <td className="num nowrap">
                        {item.target ?? '—'} {item.unit}
                      </td>
                      <td className="nowrap">{item.deadline}</td>
                      <td>
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t('admin.editTargetLabel', { title: item.title })}
                          onClick={() => {
                            const { state: _state, ...target } = item;
                            setEditing(target);
                          }}
                        >
                          {t('admin.edit')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </QueryState>
      </section>
      <div className="stack">
        <datalist id="admin-departments">
          {names.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        {editing && <TargetEditForm key={editing.id} target={editing} onDone={() => setEditing(null)} />}
        <TargetCreateForm />
      </div>
    </div>
  );
}
