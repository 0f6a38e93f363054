import { type FormEvent, useState } from 'react';
import { departmentInputSchema, departmentPatchSchema } from '../../domain/department-admin';
import { DEPARTMENT_KINDS, type Department, type DepartmentKind } from '../../domain/departments';
import { useTranslation } from '../../i18n/use-translation';
import { describedBy, FieldMessage } from '../../ui/form-errors';
import { useCreateDepartment, useUpdateDepartment } from './api/departments';
import { FormActions, FormFeedback } from './form-feedback';
import { useFieldErrors } from './form-state';

type Fields = 'id' | 'name' | 'shortName' | 'kind' | 'district' | 'leader' | 'aliases';
type Form = Record<Exclude<Fields, 'kind'>, string> & { kind: DepartmentKind };

const blank: Form = { id: '', name: '', shortName: '', kind: 'city', district: '', leader: '', aliases: '' };

/** Aliases as people type them: commas, 顿号, semicolons or new lines. */
const splitNames = (text: string) => [
  ...new Set(
    text
      .split(/[,，、;；\n]/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

const formOf = (d: Department): Form => ({
  id: d.id,
  name: d.name,
  shortName: d.shortName,
  kind: d.kind,
  district: d.district ?? '',
  leader: d.leader ?? '',
  aliases: d.aliases.join('、'),
});

/**
 * A registry record: registering a new department, or editing one (rename, short name, kind,
 * district, leader, aliases). A rename keeps the old name as an alias (the server does).
 */
export function DepartmentForm({ department, onDone }: { department?: Department; onDone?: () => void }) {
  const { t } = useTranslation();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const editing = department !== undefined;
  const prefix = editing ? 'edit-dept' : 'new-dept';
  const [form, setForm] = useState<Form>(department ? formOf(department) : blank);
  const [done, setDone] = useState<string | null>(null);
  const labels: Record<Fields, string> = {
    id: t('admin.dept.id'),
    name: t('admin.dept.name'),
    shortName: t('admin.dept.shortName'),
    kind: t('admin.dept.kind'),
    district: t('admin.dept.district'),
    leader: t('admin.dept.leader'),
    aliases: t('admin.dept.aliases'),
  };
  const f = useFieldErrors(prefix, labels);
  const pending = create.isPending || update.isPending;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const fields = {
      name: form.name.trim(),
      ...(form.shortName.trim() ? { shortName: form.shortName.trim() } : {}),
      kind: form.kind,
      district: form.district.trim() || null,
      leader: form.leader.trim() || null,
      aliases: splitNames(form.aliases),
    };
    if (department) {
      if (!f.validate(departmentPatchSchema, fields)) return;
      update.mutate(
        { id: department.id, ...fields },
        {
          onSuccess: (res) => {
            // As saved: a rename added the old name to the aliases.
            setForm(formOf(res.item));
            setDone(res.item.name);
          },
          onError: (err) => f.fromServer(err),
        },
      );
      return;
    }
    const body = { ...(form.id.trim() ? { id: form.id.trim() } : {}), ...fields };
    if (!f.validate(departmentInputSchema, body)) return;
    create.mutate(body, {
      onSuccess: (res) => {
        setDone(res.item.name);
        setForm(blank);
      },
      onError: (err) => f.fromServer(err),
    });
  };

  const control = (k: Fields, hint?: string) => {
    const id = `${prefix}-${k}`;
    const common = {
      ...describedBy(id, f.error(k), Boolean(hint)),
      value: form[k],
      onChange: (e: { target: { value: string } }) => {
        f.clear(k);
        setDone(null);
        setForm((s) => ({ ...s, [k]: e.target.value }));
      },
    };
    return (
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {labels[k]}
        </label>
        {k === 'kind' ? (
          <select {...common}>
            {DEPARTMENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`admin.kindName.${kind}`)}
              </option>
            ))}
          </select>
        ) : (
          <input type="text" autoComplete="off" {...common} />
        )}
        {hint && (
          <span id={`${id}-hint`} className="field__hint">
            {hint}
          </span>
        )}
        <FieldMessage id={id} error={f.error(k)} />
      </div>
    );
  };

  const title = department ? t('admin.dept.editTitle', { name: department.name }) : t('admin.dept.newTitle');
  const success = done ? (department ? t('admin.saved') : t('admin.dept.created', { name: done })) : null;
  return (
    <section className="card" aria-labelledby={`${prefix}-title`}>
      <form className="form" noValidate onSubmit={submit}>
        <h2 id={`${prefix}-title`} className="card__title">
          {title}
          {department && <span className="small muted"> · {department.id}</span>}
        </h2>
        <FormFeedback f={f} success={success} />
        {!editing && control('id', t('admin.dept.idHint'))}
        {control('name', editing ? t('admin.dept.renameHint') : undefined)}
        {control('shortName', t('admin.dept.shortNameHint'))}
        {control('kind')}
        {control('district', t('admin.dept.districtHint'))}
        {control('leader')}
        {control('aliases', t('admin.dept.aliasesHint'))}
        <FormActions
          submitLabel={editing ? t('admin.save') : t('admin.dept.create')}
          pending={pending}
          onCancel={onDone}
        />
      </form>
    </section>
  );
}
