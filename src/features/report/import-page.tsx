import { Link } from 'react-router';
import { useImportFlow } from '../../api/use-import-flow';
import { useTranslation } from '../../i18n/use-translation';
import { ImportCommitBar, ImportFileField, ImportProgress } from '../../ui/import-flow';
import { PageHeader } from '../../ui/page-header';
import { RequireSession } from '../../ui/require-session';
import { useDocumentTitle } from '../../ui/use-document-title';
import { usePostImport } from './api/post-import';
import { ImportResult } from './import-result';
import '../../ui/forms.css';
import './report.css';
import { fileUrl } from '../../api/client';
import { paths } from '../../domain/paths';

export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('report.importDocTitle'), t('app.title'));
  return (
    <div className="stack">
      <PageHeader crumbs={[{ label: t('report.title'), to: paths.report() }]} title={t('report.importTitle')} />
      <RequireSession roles={['reporter', 'admin']}>{() => <ImportDesk />}</RequireSession>
    </div>
  );
}

/** Download the prefilled template, upload it, see every row checked, then commit all or nothing. */
function ImportDesk() {
  const { t } = useTranslation();
  const upload = usePostImport();
  const { file, result, choose, commit } = useImportFlow(upload);
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
          <a className="button" href={fileUrl('GET /imports/template')} download>
            {t('report.downloadXlsx')}
          </a>
          <a className="button" href={fileUrl('GET /imports/template', { format: 'csv' })} download>
            {t('report.downloadCsv')}
          </a>
          <Link to={paths.report()}>{t('report.back')}</Link>
        </div>
        <ImportFileField
          id="import-file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onChoose={choose}
        />
        <ImportProgress
          pending={upload.isPending}
          pendingText={upload.variables?.mode === 'commit' ? t('report.committing') : t('report.checking')}
          error={upload.error}
        />
        {result?.committed && (
          <div className="form-notice form-notice--ok" role="status">
            <p>{t('report.committed', { count: result.counts.new + result.counts.correction })}</p>
            <Link to={paths.overview()}>{t('report.viewOnBoard')}</Link>
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
            <ImportCommitBar
              label={t('report.commit', { count: toWrite })}
              disabled={!canCommit || upload.isPending}
              onCommit={commit}
            >
              {pending.counts.error === 0 && toWrite === 0 && (
                <span className="muted">{t('report.nothingToCommit')}</span>
              )}
            </ImportCommitBar>
          )}
        </div>
      )}
    </div>
  );
}
