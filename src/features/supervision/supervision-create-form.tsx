import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api/api-error';
import { addDays, compareDates } from '../../domain/dates';
import { formatDate } from '../../domain/format';
import { SUPERVISION_TITLE_MAX, type SupervisionItem } from '../../domain/supervision-api';
import { useIssueText } from '../../i18n/use-issue-text';
import { useTranslation } from '../../i18n/use-translation';
import { describedBy, ErrorSummary, type FieldError, FieldMessage, useErrorSummaryFocus } from '../../ui/form-errors';
import { useCreateSupervision } from './api/supervision';
import { LeadSelect, SupportingSelect } from './department-select';
import { SupervisionFailure } from './supervision-failure';
import { serverFieldIssues } from './supervision-form-errors';
import '../../ui/forms.css';

/** What 新增督办 on a target's row fills in: the target and its lead department. */
export interface SupervisionDraft {
  targetId: string | null;
  targetTitle: string | null;
  leadDepartment: string | null;
}

type Field = 'title' | 'leadDepartment' | 'dueDate';
const FIELDS = ['title', 'leadDepartment', 'dueDate', 'supportingDepartments'] as const;

/**
 * 新增督办事项 at a meeting: what is to be done, the lead department (from the registry), the due date
 * (a week after the meeting unless changed), supporting departments; the meeting date is the review's.
 * Opens with the focus in its first field; a failed check moves it to the summary of what to fix.
 */
export function SupervisionCreateForm({
  draft,
  meetingDate,
  onCreated,
  onCancel,
}: {
  draft: SupervisionDraft;
  meetingDate: string;
  onCreated: (item: SupervisionItem) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useTranslation();
  const words = useIssueText();
  const create = useCreateSupervision();
  const [title, setTitle] = useState('');
  const [lead, setLead] = useState(draft.leadDepartment ?? '');
  const [due, setDue] = useState(addDays(meetingDate, 7));
  const [supporting, setSupporting] = useState<string[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const { ref: summaryRef, focusSummary } = useErrorSummaryFocus();
  const titleRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  const labels: Record<Field, string> = {
    title: t('supervision.form.titleLabel'),
    leadDepartment: t('supervision.form.lead'),
    dueDate: t('supervision.form.due'),
  };
  const server = serverFieldIssues(create.error as ApiError | null, FIELDS);
  const fieldError = (f: Field) => errors[f] ?? (server.byField[f] ? words(server.byField[f]) : undefined);
  const ids: Record<Field, string> = { title: 'sv-new-title', leadDepartment: 'sv-new-lead', dueDate: 'sv-new-due' };
  const summary: FieldError[] = (Object.keys(errors) as Field[]).flatMap((f) =>
    errors[f] ? [{ id: ids[f], label: labels[f], message: errors[f] }] : [],
  );

  const check = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    const text = title.trim();
    const count = [...text].length;
    if (!text) found.title = t('supervision.form.titleRequired');
    else if (count > SUPERVISION_TITLE_MAX)
      found.title = t('supervision.form.titleTooLong', { max: SUPERVISION_TITLE_MAX, count });
    if (!lead) found.leadDepartment = t('supervision.form.leadRequired');
    if (!due) found.dueDate = t('supervision.form.dueRequired');
    else if (compareDates(due, meetingDate) < 0)
      found.dueDate = t('supervision.form.dueBeforeMeeting', { date: formatDate(meetingDate, locale) });
    return found;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      create.reset();
      focusSummary();
      return;
    }
    create.mutate(
      {
        title: title.trim(),
        leadDepartment: lead,
        dueDate: due,
        meetingDate,
        ...(draft.targetId ? { targetId: draft.targetId } : {}),
        ...(supporting.length > 0 ? { supportingDepartments: supporting } : {}),
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <form
      className="form sv-form"
      noValidate
      aria-labelledby="sv-new-heading"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !(e.target instanceof HTMLSelectElement)) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <div>
        <h3 id="sv-new-heading" className="sv-form__title">
          {t('supervision.form.title')}
        </h3>
        {draft.targetTitle && (
          <p className="muted small">{t('supervision.form.forTarget', { title: draft.targetTitle })}</p>
        )}
      </div>
      <ErrorSummary ref={summaryRef} title={t('supervision.form.errorTitle')} errors={summary} />
      {create.error && <SupervisionFailure error={create.error as ApiError} issues={server.rest} />}
      <div className="field">
        <label className="field__label" htmlFor={ids.title}>
          {labels.title}
        </label>
        <textarea
          ref={titleRef}
          rows={2}
          required
          aria-required="true"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            if (errors.title) setErrors({ ...errors, title: undefined });
          }}
          {...describedBy(ids.title, fieldError('title'), true)}
        />
        <span id={`${ids.title}-hint`} className="field__hint">
          {t('supervision.form.titleHint', { max: SUPERVISION_TITLE_MAX })}
        </span>
        <FieldMessage id={ids.title} error={fieldError('title')} />
      </div>
      <div className="sv-form__grid">
        <LeadSelect
          id={ids.leadDepartment}
          value={lead}
          error={fieldError('leadDepartment')}
          onChange={(v) => {
            setLead(v);
            setSupporting((s) => s.filter((x) => x !== v));
            if (errors.leadDepartment) setErrors({ ...errors, leadDepartment: undefined });
          }}
        />
        <div className="field">
          <label className="field__label" htmlFor={ids.dueDate}>
            {labels.dueDate}
          </label>
          <input
            type="date"
            required
            min={meetingDate}
            value={due}
            onChange={(e) => {
              setDue(e.target.value);
              if (errors.dueDate) setErrors({ ...errors, dueDate: undefined });
            }}
            {...describedBy(ids.dueDate, fieldError('dueDate'), true)}
          />
          <span id={`${ids.dueDate}-hint`} className="field__hint">
            {t('supervision.form.dueHint', { date: formatDate(meetingDate, locale) })}
          </span>
          <FieldMessage id={ids.dueDate} error={fieldError('dueDate')} />
        </div>
      </div>
      <SupportingSelect id="sv-new-supporting" value={supporting} onChange={setSupporting} exclude={lead} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t('supervision.form.saving') : t('supervision.form.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('supervision.form.cancel')}
        </button>
      </div>
    </form>
  );
}
