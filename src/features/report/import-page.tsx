import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/api-error';
import type { ImportResponse } from '../../domain/write-api';
import { useTranslation } from '../../i18n/use-translation';
import { PageHeader } from '../../ui/page-header';
import { RequireSession } from '../../ui/require-session';
import { useDocumentTitle } from '../../ui/use-document-title';
import { usePostImport } from './api/post-import';
import { ImportResult } from './import-result';
import '../../ui/forms.css';
import './report.css';

export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('report.importDocTitle'), t('app.title'));
  return (
    <div className="stack">
      <PageHeader crumbs={[{ label: t('report.title'), to: '/report' }]} title={t('report.importTitle')} />
      <RequireSession roles={['reporter', 'admin']}>{() => <ImportDesk />}</RequireSession>
    </div>
  );
}

/** Download the prefilled template, upload it, see every row checked, then commit all or nothing. */
function ImportDesk() {
  const { t } = useTranslation();
  const upload = usePostImport();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResponse | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const run = (f: File, mode: 'dry-run' | 'commit') => {
    upload.mutate(
      { file: f, mode },
      {
        onSuccess: (body) => setResult(body),
      },
    );
  };
  const pending = result && !result.committed && !result.alreadyImported ? result : null;
  const toWrite = pending ? pending.counts.new + pending.counts.correction : 0;
  const canCommit = pending?.mode === 'dry-run' && pending.counts.error === 0 && toWrite > 0 && file !== null;

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="import-steps-title">
        <h2 id="import-steps-title" className="visually-hidden">
          {t('report.importTitle')}
        </h2>
        <p>{t('report.importIntro')}</p>
        <div className="import-steps">
          <a className="button" href="/api/v1/imports/template" download>
            {t('report.downloadXlsx')}
          </a>
          <a className="button" href="/api/v1/imports/template?format=csv" download>
            {t('report.downloadCsv')}
          </a>
          <Link to="/report">{t('report.back')}</Link>
        </div>
        <div className="field form">
          <label className="field__label" htmlFor="import-file">
            {t('report.file')}
          </label>
          <input
            ref={input}
            id="import-file"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              setResult(null);
              if (f) run(f, 'dry-run');
              // The same file name can be chosen again after fixing it.
              e.target.value = '';
            }}
          />
        </div>
        <div aria-live="polite">
          {upload.isPending && (
            <p role="status">{upload.variables?.mode === 'commit' ? t('report.committing') : t('report.checking')}</p>
          )}
        </div>
        {upload.isError && (
          <div className="form-alert" role="alert">
            <strong>{t('report.notSaved')}</strong>
            <p>{isApiError(upload.error) ? upload.error.message : String(upload.error)}</p>
          </div>
        )}
        {result?.committed && (
          <div className="form-notice form-notice--ok" role="status">
            <p>{t('report.committed', { count: result.counts.new + result.counts.correction })}</p>
            <Link to="/">{t('report.viewOnBoard')}</Link>
          </div>
        )}
        {result?.alreadyImported && (
          <div className="form-notice" role="status">
            <p>{t('report.alreadyImported')}</p>
          </div>
        )}
      </section>
      {result && !result.alreadyImported && (
        <div className="card stack">
          <ImportResult result={result} />
          {pending?.mode === 'dry-run' && (
            <div className="form__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={!canCommit || upload.isPending}
                onClick={() => file && run(file, 'commit')}
              >
                {t('report.commit', { count: toWrite })}
              </button>
              {pending.counts.error === 0 && toWrite === 0 && (
                <span className="muted">{t('report.nothingToCommit')}</span>
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
