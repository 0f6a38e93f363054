import { forwardRef, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';

export interface FieldError {
  /** The id of the control the message belongs to. */
  id: string;
  label: string;
  /** In the person's language (a form words its issues' codes with `useIssueText`). */
  message: string;
}

/**
 * Every problem of a form at its top, each a link that moves focus to its field (GOV.UK's error
 * summary pattern): a keyboard or screen-reader user hears them all and can jump to each one.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { title: string; errors: FieldError[] }>(function ErrorSummary(
  { title, errors },
  ref,
) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {title}
      </h2>
      <ul>
        {errors.map((e) => (
          <li key={`${e.id}:${e.message}`}>
            <a
              href={`#${e.id}`}
              onClick={(ev) => {
                ev.preventDefault();
                document.getElementById(e.id)?.focus();
              }}
            >
              {t('common.fieldMessage', { label: e.label, message: e.message })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});

/** aria props of a control with an optional hint and error (the error text is what it describes first). */
export function describedBy(id: string, error: string | undefined, hint?: boolean) {
  const ids = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ids || undefined,
  } as const;
}

export function FieldMessage({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <span id={`${id}-error`} className="field__error">
      {error}
    </span>
  );
}

/**
 * Moves focus to the error summary after a failed submit, in the same commit that shows it. A
 * deferred focus (a frame later) could land after the person has already clicked into a field and
 * started typing, sending their keystrokes nowhere.
 */
export function useErrorSummaryFocus() {
  const ref = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);
  useLayoutEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  return { ref, focusSummary: () => setAttempt((n) => n + 1) };
}
