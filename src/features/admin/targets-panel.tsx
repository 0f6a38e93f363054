import { memo, useCallback, useDeferredValue, useState } from 'react';
import { useDepartmentNames } from '../../api/get-departments';
import { useTargets } from '../../api/get-targets';
import type { Target } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { LeadDepartment } from '../../ui/lead-department';
import { QueryState } from '../../ui/query-state';
import { ScrollRegion } from '../../ui/scroll-region';
import { useAdminDepartments } from './api/departments';
import { BulkDivisionForm } from './bulk-division-form';
import { TargetCreateForm } from './target-create-form';
import { TargetEditForm } from './target-edit-form';

/** A target as the list has it (with its state). */
type Listed = Target & { state?: unknown };

const asTarget = (item: Listed): Target => {
  const { state: _state, ...target } = item;
  return target;
};

/** Rows rendered at first, and added by each "show more"; selecting all takes every match. */
const PAGE = 100;

/**
 * The catalog: find targets, see and change who leads and supports them — one at a time (edit) or
 * many at once (tick them, then 批量分工) — fix a target's figures; add a new one.
 */
export function TargetsPanel() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q.trim());
  const targets = useTargets(deferred ? { q: deferred } : {});
  const departments = useAdminDepartments();
  const nameOf = useDepartmentNames();
  const [editing, setEditing] = useState<Target | null>(null);
  const [shown, setShown] = useState(PAGE);
  // The selection outlives a new search: targets ticked under one search stay ticked.
  const [selected, setSelected] = useState<ReadonlyMap<string, Target>>(new Map());
  // Stable, so that a row re-renders only when its own target or tick changes (not on every keystroke).
  const toggle = useCallback(
    (items: readonly Listed[], on: boolean) =>
      setSelected((s) => {
        const next = new Map(s);
        for (const item of items) {
          if (on) next.set(item.id, asTarget(item));
          else next.delete(item.id);
        }
        return next;
      }),
    [],
  );
  const edit = useCallback((item: Listed) => setEditing(asTarget(item)), []);
  const unassigned = departments.data?.unassignedTargets ?? 0;
  return (
    <div className="admin-grid">
      <section className="card stack" aria-labelledby="targets-title">
        <h2 id="targets-title" className="card__title">
          {t('admin.targetList')}
        </h2>
        {unassigned > 0 && <p className="muted small">{t('admin.unassigned', { count: unassigned })}</p>}
        <div className="field">
          <label className="field__label" htmlFor="admin-target-search">
            {t('admin.search')}
          </label>
          <input id="admin-target-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="admin-selection" aria-live="polite">
          <span>{t('admin.selectedCount', { count: selected.size })}</span>
          {selected.size > 0 && (
            <button type="button" className="button button--small" onClick={() => setSelected(new Map())}>
              {t('admin.clearSelection')}
            </button>
          )}
        </div>
        <QueryState query={targets} label={t('freshness.loading')} lines={8}>
          {(data) => {
            const items = data.items;
            const allOn = items.length > 0 && items.every((i) => selected.has(i.id));
            const someOn = !allOn && items.some((i) => selected.has(i.id));
            return (
              <>
                <ScrollRegion label={t('admin.targetList')} className="history-wrap">
                  <table className="table">
                    <caption className="visually-hidden">{t('admin.targetList')}</caption>
                    <thead>
                      <tr>
                        <th scope="col" className="admin-select">
                          <input
                            type="checkbox"
                            aria-label={t('admin.selectAll', { count: items.length })}
                            checked={allOn}
                            ref={(el) => {
                              if (el) el.indeterminate = someOn;
                            }}
                            disabled={items.length === 0}
                            onChange={(e) => toggle(items, e.target.checked)}
                          />
                        </th>
                        <th scope="col">{t('admin.id')}</th>
                        <th scope="col">{t('admin.targetTitle')}</th>
                        <th scope="col">{t('admin.department')}</th>
                        <th scope="col">{t('admin.supporting')}</th>
                        <th scope="col" className="num">
                          {t('admin.targetValue')}
                        </th>
                        <th scope="col">{t('admin.deadline')}</th>
                        <th scope="col">{t('admin.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {items.slice(0, shown).map((item) => (
                        <TargetRow
                          key={item.id}
                          item={item}
                          supporting={item.supportingDepartments.map(nameOf).join('、')}
                          checked={selected.has(item.id)}
                          onToggle={toggle}
                          onEdit={edit}
                        />
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
                {items.length > shown && (
                  <div className="admin-selection">
                    <span className="muted small">{t('admin.shownOf', { shown, total: items.length })}</span>
                    <button type="button" className="button button--small" onClick={() => setShown((n) => n + PAGE)}>
                      {t('admin.showMore', { count: Math.min(PAGE, items.length - shown) })}
                    </button>
                  </div>
                )}
              </>
            );
          }}
        </QueryState>
      </section>
      <div className="stack">
        <BulkDivisionForm selected={[...selected.values()]} onDone={() => setSelected(new Map())} />
        {editing && <TargetEditForm key={editing.id} target={editing} onDone={() => setEditing(null)} />}
        <TargetCreateForm />
      </div>
    </div>
  );
}

const TargetRow = memo(function TargetRow({
  item,
  supporting,
  checked,
  onToggle,
  onEdit,
}: {
  item: Listed;
  /** The supporting departments' names. */
  supporting: string;
  checked: boolean;
  onToggle: (items: readonly Listed[], on: boolean) => void;
  onEdit: (item: Listed) => void;
}) {
  const { t } = useTranslation();
  return (
    <tr>
      <td className="admin-select">
        <input
          type="checkbox"
          aria-label={t('admin.selectTarget', { title: item.title })}
          checked={checked}
          onChange={(e) => onToggle([item], e.target.checked)}
        />
      </td>
      <td className="small nowrap">{item.id}</td>
      <td>{item.title}</td>
      <td className={item.department ? undefined : 'muted'}>
        {item.department ? <LeadDepartment target={item} /> : t('admin.noDepartment')}
      </td>
      <td className={supporting ? 'small' : 'muted'}>{supporting || t('admin.noSupporting')}</td>
      <td className="num nowrap">
        {item.target ?? '—'} {item.unit}
      </td>
      <td className="nowrap">{item.deadline}</td>
      <td>
        <button
          type="button"
          className="button button--small"
          aria-label={t('admin.editTargetLabel', { title: item.title })}
          onClick={() => onEdit(item)}
        >
          {t('admin.edit')}
        </button>
      </td>
    </tr>
  );
});
