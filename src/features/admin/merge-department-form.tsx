import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useDepartmentNames } from '../../api/get-departments';
import type { AdminDepartmentsResponse } from '../../domain/departments';
import { useTranslation } from '../../i18n/use-translation';
import { useMergeDepartment } from './api/departments';
import { DepartmentPicker } from './department-picker';
import { FormFeedback } from './form-feedback';
import { useFieldErrors } from './form-state';

type Row = AdminDepartmentsResponse['items'][number];

/**
 * 并入: a department abolished or found to be another's spelling joins a surviving one. The admin
 * picks the survivor, reads what moves (its lead and supporting targets, its users), then confirms.
 */
export function MergeDepartmentForm({ from, onDone }: { from: Row; onDone: () => void }) {
  const { t } = useTranslation();
  const merge = useMergeDepartment();
  const nameOf = useDepartmentNames();
  const [into, setInto] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const confirmRef = useRef<HTMLFieldSetElement>(null);
  const f = useFieldErrors('merge', { into: t('admin.dept.mergeInto') });
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const review = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (into === null) {
      f.set('into', { message: t('admin.dept.mergePick') });
      return;
    }
    f.reset();
    setConfirming(true);
  };
  const send = () => {
    if (into === null) return;
    merge.mutate(
      { id: from.id, into },
      {
        onSuccess: (res) => {
          setConfirming(false);
          setDone(t('admin.dept.mergeDone', { from: from.name, into: nameOf(into), ...res.moved }));
        },
        onError: (err) => {
          setConfirming(false);
          f.fromServer(err);
        },
      },
    );
  };
  const merged = done !== null;
  return (
    <section className="card" aria-labelledby="merge-title">
      <form className="form" noValidate onSubmit={review}>
        <h2 id="merge-title" className="card__title">
          {t('admin.dept.mergeTitle', { name: from.name })}
        </h2>
        <p className="muted small">{t('admin.dept.mergeIntro')}</p>
        <FormFeedback f={f} success={done} />
        {!merged && (
          <DepartmentPicker
            mode="single"
            id="merge-into"
            label={t('admin.dept.mergeInto')}
            value={into}
            exclude={[from.id]}
            error={f.error('into')}
            onChange={(id) => {
              f.clear('into');
              setConfirming(false);
              setInto(id);
            }}
          />
        )}
        {!confirming && (
          <div className="form__actions">
            {!merged && (
              <button type="submit" className="button button--primary">
                {t('admin.dept.merge')}
              </button>
            )}
            <button type="button" className="button" onClick={onDone}>
              {merged ? t('admin.dept.close') : t('admin.cancel')}
            </button>
          </div>
        )}
        {confirming && into !== null && (
          <fieldset ref={confirmRef} className="admin-confirm" tabIndex={-1}>
            <legend>{t('admin.dept.mergeButton')}</legend>
            <p>
              {t('admin.dept.mergeConfirm', {
                from: from.name,
                into: nameOf(into),
                leads: from.leads,
                supports: from.supports,
                users: from.users,
              })}
            </p>
            <div className="form__actions">
              <button type="button" className="button button--primary" disabled={merge.isPending} onClick={send}>
                {t('admin.dept.mergeButton')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('admin.cancel')}
              </button>
            </div>
          </fieldset>
        )}
      </form>
    </section>
  );
}
