import { useState } from 'react';
import type { Target } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { DepartmentPicker } from './department-picker';
import type { useFieldErrors } from './form-state';

type Division = Pick<Target, 'department' | 'supportingDepartments' | 'supportMayReport'>;

const NONE: Division = { department: null, supportingDepartments: [], supportMayReport: false };

/** A target's division of tasks as a form holds it: the lead, the supporting departments, the flag. */
export function useDivisionFields(initial: Division = NONE) {
  const [lead, setLeadState] = useState<string | null>(initial.department);
  const [supporting, setSupporting] = useState<string[]>(initial.supportingDepartments);
  const [mayReport, setMayReport] = useState(initial.supportMayReport);
  return {
    lead,
    supporting,
    mayReport,
    /** A new lead leaves the supporting ones (a department does not support what it leads). */
    setLead(id: string | null) {
      setLeadState(id);
      if (id !== null) setSupporting((s) => s.filter((x) => x !== id));
    },
    setSupporting,
    setMayReport,
    /** The request's fields (registry ids). */
    body(): Division {
      return {
        department: lead,
        supportingDepartments: supporting.filter((x) => x !== lead),
        supportMayReport: mayReport,
      };
    },
    reset() {
      setLeadState(NONE.department);
      setSupporting([]);
      setMayReport(false);
    },
  };
}

/** The lead (one, or none), the supporting departments (any) and "配合单位可填报", for a target form. */
export function DivisionFields({
  prefix,
  division,
  errors: f,
  onChange,
}: {
  prefix: string;
  division: ReturnType<typeof useDivisionFields>;
  errors: ReturnType<typeof useFieldErrors>;
  onChange?: () => void;
}) {
  const { t } = useTranslation();
  const changed = (field: string) => {
    f.clear(field);
    onChange?.();
  };
  const mayId = `${prefix}-supportMayReport`;
  return (
    <>
      <DepartmentPicker
        mode="single"
        id={`${prefix}-department`}
        label={t('admin.department')}
        value={division.lead}
        error={f.error('department')}
        onChange={(id) => {
          changed('department');
          division.setLead(id);
        }}
      />
      <DepartmentPicker
        mode="multi"
        id={`${prefix}-supportingDepartments`}
        label={t('admin.supporting')}
        value={division.supporting}
        exclude={division.lead ? [division.lead] : undefined}
        error={f.error('supportingDepartments')}
        onChange={(ids) => {
          changed('supportingDepartments');
          division.setSupporting(ids);
        }}
      />
      <div className="field">
        <div className="checkbox-field">
          <input
            id={mayId}
            type="checkbox"
            aria-describedby={`${mayId}-hint`}
            checked={division.mayReport}
            onChange={(e) => {
              changed('supportMayReport');
              division.setMayReport(e.target.checked);
            }}
          />
          <label htmlFor={mayId}>{t('admin.supportMayReport')}</label>
        </div>
        <span id={`${mayId}-hint`} className="field__hint">
          {t('admin.supportMayReportHint')}
        </span>
      </div>
    </>
  );
}
