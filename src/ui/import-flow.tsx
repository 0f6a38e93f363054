import type { ReactNode } from 'react';
import { isApiError } from '../api/api-error';
import type { CellIssue } from '../domain/write-api';
import { useFailureText, useIssueText } from '../i18n/use-issue-text';
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
  const failureText = useFailureText();
  return (
    <>
      <div aria-live="polite">{pending && <p role="status">{pendingText}</p>}</div>
      {error != null && (
        <div className="form-alert" role="alert">
          <strong>{t('report.notSaved')}</strong>
          <p>{isApiError(error) ? failureText(error) : String(error)}</p>
        </div>
      )}
    </>
  );
}

/**
 * Every error of the file: in Chinese as the server words it (第12行 “本期数值”：不是数字), in
 * another language from each cell issue's code (the column keeps the file's own header).
 */
export function ImportMessages({ messages, issues }: { messages: readonly string[]; issues: readonly CellIssue[] }) {
  const { t, locale } = useTranslation();
  const words = useIssueText();
  const lines =
    locale === 'zh-CN' || issues.length === 0
      ? messages
      : issues.map((i) =>
          i.column
            ? t('report.cellLine', { row: i.row, column: i.column, text: words(i) })
            : t('report.rowLine', { row: i.row, text: words(i) }),
        );
  if (lines.length === 0) return null;
  return (
    <div className="form-alert" role="alert">
      <strong>{t('report.errorsTitle', { count: lines.length })}</strong>
      <ul className="import-messages">
        {lines.map((m, i) => (
          // The same words can recur on one row (two confirmations): the position keeps them apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
          <li key={i}>{m}</li>
        ))}
      </ul>
    </div>
  );
}

/** One row's problems, one per line, each with the column it is in. */
export function ImportRowErrors({ errors }: { errors: readonly CellIssue[] }) {
  const words = useIssueText();
  return errors.map((e) => (
    <span key={`${e.column}:${e.message}`} className="field__error import-row-error">
      {e.column ? `“${e.column}”：` : ''}
      {words(e)}
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
