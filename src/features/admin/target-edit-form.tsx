import { type FormEvent, useState } from 'react';
import { parseNumberText } from '../../domain/cells';
import type { Target } from '../../domain/schemas';
import { targetPatchSchema } from '../../domain/write-api';
import { useTranslation } from '../../i18n/use-translation';
import { describedBy, FieldMessage } from '../../ui/form-errors';
import { usePatchTarget } from './api/targets';
import { DivisionFields, useDivisionFields } from './division-fields';
import { FormActions, FormFeedback } from './form-feedback';
import { useFieldErrors } from './form-state';

type Fields = 'title' | 'target' | 'unit' | 'periodStart' | 'deadline';

/**
 * The fields of a target an administrator changes most: its division of tasks (lead, supporting
 * departments, whether supporters may report), title, figure and dates.
 */
export function TargetEditForm({ target, onDone }: { target: Target; onDone: () => void }) {
  const { t } = useTranslation();
  const patch = usePatchTarget();
  const [saved, setSaved] = useState(false);
  const [form, setForm] = useState<Record<Fields, string>>({
    title: target.title,
    target: target.target === null ? '' : String(target.target),
    unit: target.unit,
    periodStart: target.periodStart,
    deadline: target.deadline,
  });
  const labels: Record<Fields, string> = {
    title: t('admin.targetTitle'),
    target: t('admin.targetValue'),
    unit: t('admin.unit'),
    periodStart: t('admin.periodStart'),
    deadline: t('admin.deadline'),
  };
  const division = useDivisionFields(target);
  const f = useFieldErrors('edit-target', {
    ...labels,
    department: t('admin.department'),
    supportingDepartments: t('admin.supporting'),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    let value: number | null = null;
    if (form.target.trim() !== '') {
      const n = parseNumberText(form.target);
      if (!n.ok) {
        f.set('target', n);
        return;
      }
      value = n.value;
    }
    const body = {
      title: form.title.trim(),
      ...division.body(),
      ...(target.kind === 'milestone' ? {} : { target: value, unit: form.unit.trim() }),
      periodStart: form.periodStart,
      deadline: form.deadline,
    };
    if (!f.validate(targetPatchSchema, body)) return;
    patch.mutate({ id: target.id, ...body }, { onSuccess: () => setSaved(true), onError: (err) => f.fromServer(err) });
  };
  const input = (k: Fields, type = 'text') => (
    <div className="field">
      <label className="field__label" htmlFor={`edit-target-${k}`}>
        {labels[k]}
      </label>
      <input
        {...describedBy(`edit-target-${k}`, f.error(k))}
        type={type}
        value={form[k]}
        onChange={(e) => {
          f.clear(k);
          setSaved(false);
          setForm((s) => ({ ...s, [k]: e.target.value }));
        }}
      />
      <FieldMessage id={`edit-target-${k}`} error={f.error(k)} />
    </div>
  );
  return (
    <section className="card" aria-labelledby="edit-target-heading">
      <form className="form" noValidate onSubmit={submit}>
        <h2 id="edit-target-heading" className="card__title">
          {t('admin.editTarget')} · <span className="small">{target.id}</span>
        </h2>
        <FormFeedback f={f} success={saved ? t('admin.saved') : null} />
        {input('title')}
        <DivisionFields prefix="edit-target" division={division} errors={f} onChange={() => setSaved(false)} />
        {target.kind !== 'milestone' && (
          <div className="field-pair">
            {input('target', 'text')}
            {input('unit')}
          </div>
        )}
        <div className="field-pair">
          {input('periodStart', 'date')}
          {input('deadline', 'date')}
        </div>
        <FormActions submitLabel={t('admin.save')} pending={patch.isPending} onCancel={onDone} />
      </form>
    </section>
  );
}
