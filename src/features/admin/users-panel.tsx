import { useState } from 'react';
import { isApiError } from '../../api/api-error';
import { useDepartmentNames } from '../../api/get-departments';
import { usePlans } from '../../api/get-plans';
import type { User } from '../../domain/write-api';
import { useFailureText } from '../../i18n/use-issue-text';
import { useTranslation } from '../../i18n/use-translation';
import { QueryState } from '../../ui/query-state';
import { useUpdateUser, useUsers } from './api/users';
import { UserCreateForm } from './user-create-form';
import { UserEditForm } from './user-edit-form';

/** Every account, with its role, departments and review scope; disable/enable in place, edit beside the list. */
export function UsersPanel() {
  const { t } = useTranslation();
  const users = useUsers();
  const update = useUpdateUser();
  // A user's departments are registry ids: shown by name.
  const departmentName = useDepartmentNames();
  const scopeOf = useReviewScope();
  const failureText = useFailureText();
  const [editing, setEditing] = useState<User | null>(null);
  return (
    <div className="admin-grid">
      <section className="card" aria-labelledby="users-title">
        <h2 id="users-title" className="card__title">
          {t('admin.userList')}
        </h2>
        {update.isError && (
          <div className="form-alert" role="alert">
            {isApiError(update.error) ? failureText(update.error) : String(update.error)}
          </div>
        )}
        <QueryState query={users} label={t('freshness.loading')}>
          {(data) => (
            <table className="table">
              <caption className="visually-hidden">{t('admin.userList')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.username')}</th>
                  <th scope="col">{t('admin.displayName')}</th>
                  <th scope="col">{t('admin.role')}</th>
                  <th scope="col">{t('admin.departments')}</th>
                  <th scope="col">{t('admin.review.scope')}</th>
                  <th scope="col">{t('admin.status')}</th>
                  <th scope="col">{t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((u) => (
                  <tr key={u.id}>
                    <td>{u.username}</td>
                    <td>{u.displayName}</td>
                    <td>{t(`app.role.${u.role}`)}</td>
                    <td>{u.departments.map(departmentName).join('、') || '—'}</td>
                    <td>{scopeOf(u)}</td>
                    <td className="admin-status" data-disabled={u.disabled}>
                      {u.disabled ? `✕ ${t('admin.disabled')}` : `✓ ${t('admin.active')}`}
                    </td>
                    <td>
                      <div className="admin-row-actions">
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t('admin.editUser', { name: u.username })}
                          onClick={() => setEditing(u)}
                        >
                          {t('admin.edit')}
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          disabled={update.isPending}
                          aria-label={t(u.disabled ? 'admin.enableLabel' : 'admin.disableLabel', { name: u.username })}
                          onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}
                        >
                          {u.disabled ? t('admin.enable') : t('admin.disable')}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryState>
      </section>
      <div className="stack">
        {editing && <UserEditForm key={editing.id} user={editing} onDone={() => setEditing(null)} />}
        <UserCreateForm />
      </div>
    </div>
  );
}

/**
 * What an account reviews: an administrator everything; a reviewer the plans reviewed whole and their
 * departments (未指定 when neither); nobody else anything.
 */
function useReviewScope(): (u: User) => string {
  const { t } = useTranslation();
  const plans = usePlans();
  const departmentName = useDepartmentNames();
  const title = (id: string) => plans.data?.items.find((p) => p.id === id)?.title ?? id;
  return (u) => {
    if (u.role === 'admin') return t('app.allPlans');
    if (u.role !== 'reviewer') return '—';
    const parts = [
      ...u.plans.map((id) => t('admin.review.wholePlan', { plan: title(id) })),
      ...u.departments.map(departmentName),
    ];
    return parts.join('、') || t('admin.review.noScope');
  };
}
