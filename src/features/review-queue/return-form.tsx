import { type FormEvent, useEffect, useRef, useState } from 'react';
import { RETURN_REASON_MAX } from '../../domain/approval-api';
import { useTranslation } from '../../i18n/use-translation';
import { describedBy, FieldMessage } from '../../ui/form-errors';

/**
 * The reason for returning a report (or a whole import): required, at most 500 characters, the
 * words the reporter will read. Opens in place with the focus in the field; Esc or 取消 closes it.
 */
export function ReturnForm({
  id,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
}: {
  /** Unique on the page: the field's id and its messages'. */
  id: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    const count = [...text].length;
    const problem = !text
      ? t('reviewQueue.reasonRequired')
      : count > RETURN_REASON_MAX
        ? t('reviewQueue.reasonTooLong', { max: RETURN_REASON_MAX, count })
        : undefined;
    setError(problem);
    if (problem) field.current?.focus();
    else onSubmit(text);
  };
  return (
    <form
      className="form rq-return"
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('reviewQueue.reason')}
        </label>
        <textarea
          ref={field}
          rows={3}
          required
          aria-required="true"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            if (error) setError(undefined);
          }}
          {...describedBy(id, error, true)}
        />
        <span id={`${id}-hint`} className="field__hint">
          {t('reviewQueue.reasonHint', { max: RETURN_REASON_MAX })}
        </span>
        <FieldMessage id={id} error={error} />
      </div>
      <div className="form__actions rq-actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('reviewQueue.sending') : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('reviewQueue.cancel')}
        </button>
      </div>
    </form>
  );
}
