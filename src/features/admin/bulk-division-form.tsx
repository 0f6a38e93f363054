import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useDepartmentNames } from '../../api/get-departments';
import type { Target } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { useDivision } from './api/departments';
import { DepartmentPicker } from './department-picker';
import { FormFeedback } from './form-feedback';
import { useFieldErrors } from './form-state';

type Selected = Pick<Target, 'id' | 'department' | 'supportingDepartments' | 'supportMayReport' | 'divisionDemo'>;

/**
 * 批量分工: the lead, the supporting departments and/or whether supporters may report, for every
 * selected target at once (POST /admin/division). What is not ticked to change stays as it is; the
 * admin confirms, told how many targets the change touches, before anything is sent.
 */
export function BulkDivisionForm({ selected, onDone }: { selected: readonly Selected[]; onDone: () => void }) {
  const { t } = useTranslation();
  const division = useDivision();
  const nameOf = useDepartmentNames();
  const [changeLead, setChangeLead] = useState(false);
  const [lead, setLead] = useState<string | null>(null);
  const [changeSupporting, setChangeSupporting] = useState(false);
  const [supporting, setSupporting] = useState<string[]>([]);
  const [changeMay, setChangeMay] = useState(false);
  const [mayReport, setMayReport] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const confirmRef = useRef<HTMLFieldSetElement>(null);
  const f = useFieldErrors('bulk', {
    changes: t('admin.bulk.title'),
    department: t('admin.department'),
    supportingDepartments: t('admin.supporting'),
  });
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const supportIds = changeSupporting ? supporting.filter((x) => !(changeLead && x === lead)) : undefined;
  const body = {
    targetIds: selected.map((s) => s.id),
    ...(changeLead ? { department: lead } : {}),
    ...(supportIds ? { supportingDepartments: supportIds } : {}),
    ...(changeMay ? { supportMayReport: mayReport } : {}),
  };
  /** Targets whose division the change alters (a demo division becomes the admin's, too). */
  const changing = selected.filter((s) => {
    const newLead = changeLead ? lead : s.department;
    const newSupport = (supportIds ?? s.supportingDepartments).filter((x) => x !== newLead);
    return (
      s.divisionDemo ||
      newLead !== s.department ||
      [...newSupport].sort().join() !== [...s.supportingDepartments].sort().join() ||
      (changeMay && mayReport !== s.supportMayReport)
    );
  }).length;

  const edited = () => {
    setConfirming(false);
    setDone(null);
    f.reset();
  };
  const review = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!changeLead && !changeSupporting && !changeMay) {
      f.set('changes', { message: t('admin.bulk.nothing') });
      return;
    }
    f.reset();
    setConfirming(true);
  };
  const send = () => {
    const count = selected.length;
    division.mutate(body, {
      onSuccess: () => {
        setConfirming(false);
        setDone(count);
        onDone();
      },
      onError: (err) => {
        setConfirming(false);
        f.fromServer(err);
      },
    });
  };
  const check = (id: string, label: string, checked: boolean, set: (v: boolean) => void) => (
    <div className="checkbox-field">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => {
          edited();
          set(e.target.checked);
        }}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
  return (
    <section className="card" aria-labelledby="bulk-title">
      <form className="form" noValidate onSubmit={review}>
        <h2 id="bulk-title" className="card__title">
          {t('admin.bulk.title')}
        </h2>
        <p className="muted small">{t('admin.bulk.intro')}</p>
        <p aria-live="polite">
          {selected.length ? t('admin.selectedCount', { count: selected.length }) : t('admin.bulk.none')}
        </p>
        <FormFeedback f={f} success={done !== null ? t('admin.bulk.done', { count: done }) : null} />
        {check('bulk-changes', t('admin.bulk.changeLead'), changeLead, setChangeLead)}
        {changeLead && (
          <DepartmentPicker
            mode="single"
            id="bulk-department"
            label={t('admin.department')}
            value={lead}
            error={f.error('department')}
            onChange={(id) => {
              edited();
              setLead(id);
            }}
          />
        )}
        {check('bulk-change-supporting', t('admin.bulk.changeSupporting'), changeSupporting, setChangeSupporting)}
        {changeSupporting && (
          <DepartmentPicker
            mode="multi"
            id="bulk-supportingDepartments"
            label={t('admin.supporting')}
            value={supporting}
            exclude={changeLead && lead ? [lead] : undefined}
            error={f.error('supportingDepartments')}
            onChange={(ids) => {
              edited();
              setSupporting(ids);
            }}
          />
        )}
        {check('bulk-change-may', t('admin.bulk.changeMayReport'), changeMay, setChangeMay)}
        {changeMay && (
          <div className="field">
            <label className="field__label" htmlFor="bulk-may-report">
              {t('admin.bulk.mayReport')}
            </label>
            <select
              id="bulk-may-report"
              value={mayReport ? 'yes' : 'no'}
              onChange={(e) => {
                edited();
                setMayReport(e.target.value === 'yes');
              }}
            >
              <option value="yes">{t('admin.bulk.yes')}</option>
              <option value="no">{t('admin.bulk.no')}</option>
            </select>
          </div>
        )}
        {!confirming && (
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={selected.length === 0}>
              {t('admin.bulk.apply', { count: selected.length })}
            </button>
          </div>
        )}
        {confirming && (
          <fieldset ref={confirmRef} className="admin-confirm" tabIndex={-1}>
            <legend>{t('admin.bulk.confirmTitle', { count: selected.length })}</legend>
            <ul>
              {changeLead && (
                <li>
                  {lead === null ? t('admin.bulk.confirmNoLead') : t('admin.bulk.confirmLead', { name: nameOf(lead) })}
                </li>
              )}
              {supportIds && (
                <li>
                  {t('admin.bulk.confirmSupporting', {
                    list: supportIds.map(nameOf).join('、') || t('admin.noSupporting'),
                  })}
                </li>
              )}
              {changeMay && (
                <li>
                  {t('admin.bulk.confirmMayReport', { value: mayReport ? t('admin.bulk.yes') : t('admin.bulk.no') })}
                </li>
              )}
              <li>{t('admin.bulk.changing', { changing, same: selected.length - changing })}</li>
            </ul>
            <div className="form__actions">
              <button type="button" className="button button--primary" disabled={division.isPending} onClick={send}>
                {t('admin.bulk.confirm')}
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
