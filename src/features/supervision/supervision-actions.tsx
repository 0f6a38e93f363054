import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api/api-error';
import { evidenceUrlSchema, SUPERVISION_NOTE_MAX, type SupervisionItem } from '../../domain/supervision-api';
import { useIssueText } from '../../i18n/use-issue-text';
import { useTranslation } from '../../i18n/use-translation';
import { describedBy, FieldMessage } from '../../ui/form-errors';
import { useUpdateSupervision } from './api/supervision';
import { SupervisionFailure } from './supervision-failure';
import { serverFieldIssues } from './supervision-form-errors';

export type Done = { kind: 'progress' | 'closed'; item: SupervisionItem };

/**
 * What a department does with an open item at /report: 更新进展 (the latest word on it; lead and
 * supporting departments) and 办结 (the lead only: a closing note, required, and a link to evidence). Each opens a small form in place with the
 * focus in its first field; Esc or 取消 closes it and gives the focus back to its button.
 */
export function SupervisionActions({
  item,
  mayClose,
  onDone,
}: {
  item: SupervisionItem;
  /** The lead department (and the target office) close; a supporting one reports progress only. */
  mayClose: boolean;
  onDone: (d: Done) => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'progress' | 'close' | null>(null);
  const progressButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const cancel = () => {
    const back = mode === 'close' ? closeButton.current : progressButton.current;
    setMode(null);
    requestAnimationFrame(() => back?.focus());
  };
  return (
    <div className="sv-actions">
      {mode === null && (
        <div className="form__actions">
          <button
            ref={progressButton}
            type="button"
            className="button"
            aria-label={t('supervision.mine.updateProgressFor', { title: item.title })}
            onClick={() => setMode('progress')}
          >
            {t('supervision.mine.updateProgress')}
          </button>
          {mayClose && (
            <button
              ref={closeButton}
              type="button"
              className="button button--primary"
              aria-label={t('supervision.mine.closeFor', { title: item.title })}
              onClick={() => setMode('close')}
            >
              {t('supervision.mine.close')}
            </button>
          )}
        </div>
      )}
      {mode === 'progress' && (
        <ProgressForm
          item={item}
          onCancel={cancel}
          onSaved={(saved) => {
            setMode(null);
            onDone({ kind: 'progress', item: saved });
          }}
        />
      )}
      {mode === 'close' && (
        <CloseForm
          item={item}
          onCancel={cancel}
          onSaved={(saved) => {
            setMode(null);
            onDone({ kind: 'closed', item: saved });
          }}
        />
      )}
    </div>
  );
}

interface FormProps {
  item: SupervisionItem;
  onCancel: () => void;
  onSaved: (item: SupervisionItem) => void;
}

const tooLong = (text: string) => [...text].length > SUPERVISION_NOTE_MAX;

function ProgressForm({ item, onCancel, onSaved }: FormProps) {
  const { t } = useTranslation();
  const words = useIssueText();
  const update = useUpdateSupervision();
  const [text, setText] = useState(item.progress);
  const [error, setError] = useState<string | undefined>();
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const id = `sv-${item.id}-progress`;
  const server = serverFieldIssues(update.error as ApiError | null, ['progress']);
  const shown = error ?? (server.byField.progress ? words(server.byField.progress) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (update.isPending) return;
    const value = text.trim();
    const problem = !value
      ? t('supervision.mine.progressRequired')
      : tooLong(value)
        ? t('supervision.mine.noteTooLong', { max: SUPERVISION_NOTE_MAX, count: [...value].length })
        : undefined;
    setError(problem);
    if (problem) {
      field.current?.focus();
      return;
    }
    update.mutate({ id: item.id, patch: { progress: value } }, { onSuccess: onSaved });
  };
  return (
    <form className="form sv-inline-form" noValidate onSubmit={submit} onKeyDown={escapeTo(onCancel)}>
      {update.error && <SupervisionFailure error={update.error as ApiError} issues={server.rest} />}
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('supervision.mine.progressLabel')}
        </label>
        <textarea
          ref={field}
          rows={3}
          required
          aria-required="true"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError(undefined);
          }}
          {...describedBy(id, shown, true)}
        />
        <span id={`${id}-hint`} className="field__hint">
          {t('supervision.mine.progressHint')}
        </span>
        <FieldMessage id={id} error={shown} />
      </div>
      <Buttons pending={update.isPending} submit={t('supervision.mine.saveProgress')} onCancel={onCancel} />
    </form>
  );
}

function CloseForm({ item, onCancel, onSaved }: FormProps) {
  const { t } = useTranslation();
  const words = useIssueText();
  const update = useUpdateSupervision();
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState(item.evidenceUrl ?? '');
  const [errors, setErrors] = useState<{ note?: string | undefined; evidenceUrl?: string | undefined }>({});
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const evidenceRef = useRef<HTMLInputElement>(null);
  useEffect(() => noteRef.current?.focus(), []);
  const ids = { note: `sv-${item.id}-note`, evidenceUrl: `sv-${item.id}-evidence` };
  const server = serverFieldIssues(update.error as ApiError | null, ['note', 'evidenceUrl', 'status']);
  const noteError =
    errors.note ??
    (server.byField.note ? words(server.byField.note) : undefined) ??
    (server.byField.status ? words(server.byField.status) : undefined);
  const evidenceError =
    errors.evidenceUrl ?? (server.byField.evidenceUrl ? words(server.byField.evidenceUrl) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (update.isPending) return;
    const text = note.trim();
    const link = evidence.trim();
    const found = {
      note: !text
        ? t('supervision.mine.noteRequired')
        : tooLong(text)
          ? t('supervision.mine.noteTooLong', { max: SUPERVISION_NOTE_MAX, count: [...text].length })
          : undefined,
      evidenceUrl:
        link && !evidenceUrlSchema.safeParse(link).success ? t('supervision.mine.evidenceInvalid') : undefined,
    };
    setErrors(found);
    if (found.note) {
      noteRef.current?.focus();
      return;
    }
    if (found.evidenceUrl) {
      evidenceRef.current?.focus();
      return;
    }
    update.mutate(
      {
        id: item.id,
        patch: {
          status: 'done',
          note: text,
          // An emptied field clears a link set before; an empty one that was empty sends nothing.
          ...(link ? { evidenceUrl: link } : item.evidenceUrl ? { evidenceUrl: null } : {}),
        },
      },
      { onSuccess: onSaved },
    );
  };
  return (
    <form
      className="form sv-inline-form"
      noValidate
      aria-label={t('supervision.mine.closeTitle', { title: item.title })}
      onSubmit={submit}
      onKeyDown={escapeTo(onCancel)}
    >
      {update.error && <SupervisionFailure error={update.error as ApiError} issues={server.rest} />}
      <div className="field">
        <label className="field__label" htmlFor={ids.note}>
          {t('supervision.mine.noteLabel')}
        </label>
        <textarea
          ref={noteRef}
          rows={3}
          required
          aria-required="true"
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            if (errors.note) setErrors({ ...errors, note: undefined });
          }}
          {...describedBy(ids.note, noteError, true)}
        />
        <span id={`${ids.note}-hint`} className="field__hint">
          {t('supervision.mine.noteHint', { max: SUPERVISION_NOTE_MAX })}
        </span>
        <FieldMessage id={ids.note} error={noteError} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.evidenceUrl}>
          {t('supervision.mine.evidenceLabel')}
        </label>
        <input
          ref={evidenceRef}
          type="url"
          inputMode="url"
          value={evidence}
          onChange={(e) => {
            setEvidence(e.target.value);
            if (errors.evidenceUrl) setErrors({ ...errors, evidenceUrl: undefined });
          }}
          {...describedBy(ids.evidenceUrl, evidenceError, true)}
        />
        <span id={`${ids.evidenceUrl}-hint`} className="field__hint">
          {t('supervision.mine.evidenceHint')}
        </span>
        <FieldMessage id={ids.evidenceUrl} error={evidenceError} />
      </div>
      <Buttons pending={update.isPending} submit={t('supervision.mine.confirmClose')} onCancel={onCancel} />
    </form>
  );
}

function Buttons({ pending, submit, onCancel }: { pending: boolean; submit: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('supervision.mine.saving') : submit}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('supervision.mine.cancel')}
      </button>
    </div>
  );
}

const escapeTo = (onCancel: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Escape') {
    e.preventDefault();
    onCancel();
  }
};
