import type { ReactNode } from 'react';
import { isApiError } from '../api/api-error';
import type { CellIssue } from '../domain/write-api';
import { useTranslation } from '../i18n/use-translation';
import './import-flow.css';

/* The pieces shared by every check-then-commit spreadsheet import (reports, a plan's targets). */

export function ImportFileField({
  id,
  accept,
  onChoose,
}: {
  id: string;
  accept: string;
  onChoose: (file: File | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field form">
      <label className="field__label" htmlFor={id}>
        {t('report.file')}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        onChange={(e) => {
          onChoose(e.target.files?.[0] ?? null);
          // The same file name can be chosen again after fixing it.
          e.target.value = '';
        }}
      />
    </div>
  );
}

/** What the upload is doing now, and why it failed when no per-row answer came back. */
export function ImportProgress({
  pending,
  pendingText,
  error,
}: {
  pending: boolean;
  pendingText: string;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div aria-live="polite">{pending && <p role="status">{pendingText}</p>}</div>
      {error != null && (
        <div className="form-alert" role="alert">
          <strong>{t('report.notSaved')}</strong>
          <p>{isApiError(error) ? error.message : String(error)}</p>
        </div>
      )}
    </>
  );
}

/** Every error of the file as the server words it (第12行 “本期数值”：不是数字). */
export function ImportMessages({ messages }: { messages: readonly string[] }) {
  const { t } = useTranslation();
  if (messages.length === 0) return null;
  return (
    <div className="form-alert" role="alert">
      <strong>{t('report.errorsTitle', { count: messages.length })}</strong>
      <ul className="import-messages">
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}

/** One row's problems, one per line, each with the column it is in. */
export function ImportRowErrors({ errors }: { errors: readonly CellIssue[] }) {
  return errors.map((e) => (
    <span key={`${e.column}:${e.message}`} className="field__error import-row-error">
      {e.column ? `“${e.column}”：` : ''}
      {e.message}
    </span>
  ));
}

export function ImportCommitBar({
  label,
  disabled,
  onCommit,
  children,
}: {
  label: string;
  disabled: boolean;
  onCommit: () => void;
  /** Said beside the button, e.g. why there is nothing to commit. */
  children?: ReactNode;
}) {
  return (
    <div className="form__actions">
      <button type="button" className="button button--primary" disabled={disabled} onClick={onCommit}>
        {label}
      </button>
      {children}
    </div>
  );
}
