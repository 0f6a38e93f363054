import type { Target } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { describedBy, FieldMessage } from '../../ui/form-errors';
import { NarrativeFields } from './narrative-fields';
import { type Draft, type DraftField, unitOptions } from './report-draft';

const id = (f: DraftField) => `report-${f}`;

interface FieldsProps {
  target: Target;
  draft: Draft;
  /** The message to show for a field now (undefined while it is fine or not yet visited). */
  errors: (f: DraftField) => string | undefined;
  correcting: boolean;
  /** What the person is asked to confirm, in words. */
  confirmations: string[];
  /** The unit typed with the value (20家), '' when none: it stands in for the unit chosen. */
  typedUnit: string;
  onChange: (f: DraftField, value: string) => void;
}

/** The controls of the report form: native inputs, each with its label, hint and error text. */
export function ReportFields({ target, draft, errors, correcting, confirmations, typedUnit, onChange }: FieldsProps) {
  const { t } = useTranslation();
  const bind = (f: DraftField, hint = false) => ({
    ...describedBy(id(f), errors(f), hint),
    name: f,
    value: draft[f],
  });
  const chosen = unitOptions(target.unit);
  const units = typedUnit && !chosen.includes(typedUnit) ? [...chosen, typedUnit] : chosen;
  return (
    <div className="form__grid">
      {target.kind === 'milestone' ? (
        <div className="field">
          <label className="field__label" htmlFor={id('stagesDone')}>
            {t('report.stagesDone')}
          </label>
          <select {...bind('stagesDone')} onChange={(e) => onChange('stagesDone', e.target.value)}>
            <option value="">—</option>
            <option value="0">{t('report.stagesOption', { count: 0 })}</option>
            {target.stages.map((s, i) => (
              <option key={s.name} value={String(i + 1)}>
                {i + 1} · {s.name}
              </option>
            ))}
          </select>
          <FieldMessage id={id('stagesDone')} error={errors('stagesDone')} />
        </div>
      ) : (
        <div className="field-pair">
          <div className="field">
            <label className="field__label" htmlFor={id('value')}>
              {t('report.value')}
            </label>
            <input
              {...bind('value', true)}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              onChange={(e) => onChange('value', e.target.value)}
            />
            <span id={`${id('value')}-hint`} className="field__hint">
              {target.kind === 'growth' || target.kind === 'share'
                ? t('report.valueHintGrowth')
                : t('report.desk.valueHint')}
            </span>
            <FieldMessage id={id('value')} error={errors('value')} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={id('unit')}>
              {t('report.unit')}
            </label>
            {/* A unit typed with the value is the one that counts: the select shows it and waits. */}
            <select
              {...bind('unit', typedUnit !== '')}
              value={typedUnit || draft.unit || target.unit}
              disabled={typedUnit !== ''}
              onChange={(e) => onChange('unit', e.target.value)}
            >
              {units.map((u) => (
                <option key={u} value={u}>
                  {u || '—'}
                </option>
              ))}
            </select>
            {typedUnit && (
              <span id={`${id('unit')}-hint`} className="field__hint">
                {t('report.desk.unitFromValue', { unit: typedUnit })}
              </span>
            )}
            <FieldMessage id={id('unit')} error={errors('unit')} />
          </div>
        </div>
      )}
      <div className="field">
        <label className="field__label" htmlFor={id('asOf')}>
          {t('report.asOf')}
        </label>
        <input
          {...bind('asOf', true)}
          type="date"
          readOnly={correcting}
          onChange={(e) => onChange('asOf', e.target.value)}
        />
        <span id={`${id('asOf')}-hint`} className="field__hint">
          {t('report.asOfHint')}
        </span>
        <FieldMessage id={id('asOf')} error={errors('asOf')} />
      </div>
      {correcting && (
        <div className="field field--wide">
          <label className="field__label" htmlFor={id('reason')}>
            {t('report.reason')}
          </label>
          <input {...bind('reason')} type="text" onChange={(e) => onChange('reason', e.target.value)} />
          <FieldMessage id={id('reason')} error={errors('reason')} />
        </div>
      )}
      <NarrativeFields draft={draft} errors={errors} onChange={onChange} />
      <div className="field field--wide">
        <label className="field__label" htmlFor={id('note')}>
          {t('report.note')}
        </label>
        <textarea {...bind('note')} rows={3} onChange={(e) => onChange('note', e.target.value)} />
        <FieldMessage id={id('note')} error={errors('note')} />
      </div>
      <div className="field field--wide">
        <label className="field__label" htmlFor={id('evidence')}>
          {t('report.evidence')}
        </label>
        <input {...bind('evidence', true)} type="text" onChange={(e) => onChange('evidence', e.target.value)} />
        <span id={`${id('evidence')}-hint`} className="field__hint">
          {t('report.evidenceHint')}
        </span>
        <FieldMessage id={id('evidence')} error={errors('evidence')} />
      </div>
      {confirmations.length > 0 && (
        <fieldset className="confirm-box field--wide">
          <legend>{t('report.confirmTitle')}</legend>
          <ul id={`${id('confirmReason')}-hint`}>
            {confirmations.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <div className="field">
            <label className="field__label" htmlFor={id('confirmReason')}>
              {t('report.confirmReason')}
            </label>
            <input
              {...bind('confirmReason', true)}
              type="text"
              placeholder={t('report.confirmReasonHint')}
              onChange={(e) => onChange('confirmReason', e.target.value)}
            />
            <FieldMessage id={id('confirmReason')} error={errors('confirmReason')} />
          </div>
        </fieldset>
      )}
    </div>
  );
}
