import { type FormEvent, useState } from 'react';
import { ROLES, type Role, type User, updateUserRequestSchema } from '../../domain/write-api';
import { useTranslation } from '../../i18n/use-translation';
import { describedBy, FieldMessage } from '../../ui/form-errors';
import { useUpdateUser } from './api/users';
import { DepartmentPicker } from './department-picker';
import { FormActions, FormFeedback } from './form-feedback';
import { useFieldErrors } from './form-state';
import { ReviewPlansField } from './review-plans-field';

/**
 * Role, name, departments and (for a reviewer) plans reviewed whole of one account (a password reset
 * ends its sessions on the server).
 */
export function UserEditForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [form, setForm] = useState({
    displayName: user.displayName,
    role: user.role as Role,
    password: '',
  });
  const [departments, setDepartments] = useState<string[]>(user.departments);
  const [plans, setPlans] = useState<string[]>(user.plans);
  const f = useFieldErrors('edit-user', {
    displayName: t('admin.displayName'),
    role: t('admin.role'),
    departments: t('admin.departments'),
    plans: t('admin.review.plans'),
    password: t('admin.password'),
  });
  const set = (k: keyof typeof form, v: string) => {
    f.clear(k);
    setForm((s) => ({ ...s, [k]: v }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      displayName: form.displayName.trim(),
      role: form.role,
      departments,
      plans: form.role === 'reviewer' ? plans : [],
      ...(form.password ? { password: form.password } : {}),
    };
    if (!f.validate(updateUserRequestSchema, body)) return;
    update.mutate({ id: user.id, ...body }, { onSuccess: onDone, onError: (err) => f.fromServer(err) });
  };
  const bind = (k: keyof typeof form, hint = false) => ({
    ...describedBy(`edit-user-${k}`, f.error(k), hint),
    value: form[k],
    onChange: (e: { target: { value: string } }) => set(k, e.target.value),
  });
  return (
    <section className="card" aria-labelledby="edit-user-title">
      <form className="form" noValidate onSubmit={submit}>
        <h2 id="edit-user-title" className="card__title">
          {t('admin.editUser', { name: user.username })}
        </h2>
        <FormFeedback f={f} />
        <div className="field">
          <label className="field__label" htmlFor="edit-user-displayName">
            {t('admin.displayName')}
          </label>
          <input type="text" {...bind('displayName')} />
          <FieldMessage id="edit-user-displayName" error={f.error('displayName')} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="edit-user-role">
            {t('admin.role')}
          </label>
          <select {...bind('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`app.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <DepartmentPicker
          mode="multi"
          id="edit-user-departments"
          label={t('admin.departments')}
          hint={form.role === 'reviewer' ? t('admin.review.departmentsHint') : undefined}
          value={departments}
          error={f.error('departments')}
          onChange={(ids) => {
            f.clear('departments');
            setDepartments(ids);
          }}
        />
        {form.role === 'reviewer' && (
          <ReviewPlansField
            id="edit-user-plans"
            value={plans}
            error={f.error('plans')}
            onChange={(ids) => {
              f.clear('plans');
              setPlans(ids);
            }}
          />
        )}
        <div className="field">
          <label className="field__label" htmlFor="edit-user-password">
            {t('admin.password')}
          </label>
          <input type="password" autoComplete="new-password" {...bind('password', true)} />
          <span id="edit-user-password-hint" className="field__hint">
            {t('admin.passwordHint')}
          </span>
          <FieldMessage id="edit-user-password" error={f.error('password')} />
        </div>
        <FormActions submitLabel={t('admin.save')} pending={update.isPending} onCancel={onDone} />
      </form>
    </section>
  );
}
