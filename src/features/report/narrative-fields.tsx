import { NARRATIVE_FIELDS } from '../../domain/report-schema';
import type { NarrativeField } from '../../domain/schemas';
import { NARRATIVE_MAX } from '../../domain/write-api';
import { useTranslation } from '../../i18n/use-translation';
import { describedBy, FieldMessage } from '../../ui/form-errors';
import type { Draft } from './report-draft';

/** The counter shows from here on: near the limit, where it helps, not as noise on every keystroke. */
const COUNT_FROM = NARRATIVE_MAX - 200;

/** 进展情况 / 存在问题 / 下步措施 / 需协调事项: four optional plain-text parts of the report. */
export function NarrativeFields({
  draft,
  errors,
  onChange,
}: {
  draft: Pick<Draft, NarrativeField>;
  errors: (f: NarrativeField) => string | undefined;
  onChange: (f: NarrativeField, value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="narrative-fields field--wide" aria-describedby="report-narrative-hint">
      <legend>{t('report.desk.narrativeTitle')}</legend>
      <p id="report-narrative-hint" className="field__hint">
        {t('report.desk.narrativeHint', { max: NARRATIVE_MAX })}
      </p>
      {NARRATIVE_FIELDS.map((f) => {
        const id = `report-${f}`;
        const length = draft[f].length;
        return (
          <div className="field" key={f}>
            <label className="field__label" htmlFor={id}>
              {t(`report.desk.narrative.${f}`)}
            </label>
            <textarea
              {...describedBy(id, errors(f), true)}
              name={f}
              value={draft[f]}
              rows={f === 'coordination' ? 2 : 3}
              maxLength={NARRATIVE_MAX}
              onChange={(e) => onChange(f, e.target.value)}
            />
            <span id={`${id}-hint`} className="field__hint">
              {t(`report.desk.narrativeHints.${f}`)}
              {length >= COUNT_FROM && (
                <span className="narrative-fields__count" data-full={length >= NARRATIVE_MAX || undefined}>
                  {' · '}
                  {t('report.desk.count', { count: length, max: NARRATIVE_MAX })}
                </span>
              )}
            </span>
            <FieldMessage id={id} error={errors(f)} />
          </div>
        );
      })}
    </fieldset>
  );
}
