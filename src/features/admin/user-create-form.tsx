import { type FormEvent, useState } from 'react';
import { createUserRequestSchema, ROLES, type Role } from '../../domain/write-api';
import { useTranslation } from '../../i18n/use-translation';
import { describedBy, FieldMessage } from '../../ui/form-errors';
import { useCreateUser } from './api/users';
import { DepartmentPicker } from './department-picker';
import { FormActions, FormFeedback } from './form-feedback';
import { useFieldErrors } from './form-state';
import { ReviewPlansField } from './review-plans-field';

const empty = { username: '', displayName: '', password: '', role: 'reporter' as Role };
type TextField = keyof typeof empty;

/**
 * A new account: username, initial password, role and the departments it reports for; a reviewer's
 * scope is plans reviewed whole and departments.
 */
export function UserCreateForm() {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [form, setForm] = useState(empty);
  /** Registry ids, chosen with the picker. */
  const [departments, setDepartments] = useState<string[]>([]);
  /** A reviewer's plans reviewed whole. */
  const [plans, setPlans] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const f = useFieldErrors('new-user', {
    username: t('admin.username'),
    displayName: t('admin.displayName'),
    password: t('admin.password'),
    role: t('admin.role'),
    departments: t('admin.departments'),
    plans: t('admin.review.plans'),
  });
  const set = (k: TextField, v: string) => {
    f.clear(k);
    setDone(null);
    setForm((s) => ({ ...s, [k]: v }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      username: form.username.trim(),
      ...(form.displayName.trim() ? { displayName: form.displayName.trim() } : {}),
      password: form.password,
      role: form.role,
      departments,
      plans: form.role === 'reviewer' ? plans : [],
    };
    if (!f.validate(createUserRequestSchema, body)) return;
    create.mutate(body, {
      onSuccess: (res) => {
        setDone(res.item.username);
        setForm(empty);
        setDepartments([]);
        setPlans([]);
      },
      onError: (err) => f.fromServer(err),
    });
  };
  const field = (k: TextField, label: string, input: React.ReactNode, hint?: string) => (
    <div className="field">
      <label className="field__label" htmlFor={`new-user-${k}`}>
        {label}
      </label>
      {input}
      {hint && (
        <span id={`new-user-${k}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      <FieldMessage id={`new-user-${k}`} error={f.error(k)} />
    </div>
  );
  const bind = (k: TextField, hint = false) => ({
    ...describedBy(`new-user-${k}`, f.error(k), hint),
    value: form[k],
    onChange: (e: { target: { value: string } }) => set(k, e.target.value),
  });
  return (
    <section className="card" aria-labelledby="new-user-title">
      <form className="form" noValidate onSubmit={submit}>
        <h2 id="new-user-title" className="card__title">
          {t('admin.newUser')}
        </h2>
        <FormFeedback f={f} success={done ? t('admin.created', { name: done }) : null} />
        {field('username', t('admin.username'), <input type="text" autoComplete="off" {...bind('username')} />)}
        {field(
          'displayName',
          t('admin.displayName'),
          <input type="text" autoComplete="off" {...bind('displayName')} />,
        )}
        {field(
          'password',
          t('admin.password'),
          <input type="password" autoComplete="new-password" {...bind('password', true)} />,
          t('admin.passwordHint'),
        )}
        {field(
          'role',
          t('admin.role'),
          <select {...bind('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`app.role.${r}`)}
              </option>
            ))}
          </select>,
        )}
        <DepartmentPicker
          mode="multi"
          id="new-user-departments"
          label={t('admin.departments')}
          hint={form.role === 'reviewer' ? t('admin.review.departmentsHint') : undefined}
          value={departments}
          error={f.error('departments')}
          onChange={(ids) => {
            f.clear('departments');
            setDone(null);
            setDepartments(ids);
          }}
        />
        {form.role === 'reviewer' && (
          <ReviewPlansField
            id="new-user-plans"
            value={plans}
            error={f.error('plans')}
            onChange={(ids) => {
              f.clear('plans');
              setDone(null);
              setPlans(ids);
            }}
          />
        )}
        <FormActions submitLabel={t('admin.create')} pending={create.isPending} />
      </form>
    </section>
  );
}
