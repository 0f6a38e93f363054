import { useState } from 'react';
import { isApiError } from '../../api/api-error';
import type { CatalogImportResponse } from '../../domain/write-api';
import { useTranslation } from '../../i18n/use-translation';
import { ScrollRegion } from '../../ui/scroll-region';
import { useCatalogImport } from './api/catalog-import';

/** A new year's plan from a spreadsheet: the same check-then-commit flow as the reports' import. */
export function CatalogImportPanel() {
  const { t } = useTranslation();
  const upload = useCatalogImport();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<CatalogImportResponse | null>(null);
  const run = (f: File, mode: 'dry-run' | 'commit') => upload.mutate({ file: f, mode }, { onSuccess: setResult });
  const c = result?.counts;
  const canCommit = result?.mode === 'dry-run' && c && c.error === 0 && c.new + c.update > 0 && file;
  return (
    <section className="card stack" aria-labelledby="catalog-title">
      <h2 id="catalog-title" className="card__title">
        {t('admin.catalog')}
      </h2>
      <p>{t('admin.catalogIntro')}</p>
      <div className="field form">
        <label className="field__label" htmlFor="catalog-file">
          {t('report.file')}
        </label>
        <input
          id="catalog-file"
          type="file"
          accept=".xlsx,.csv"
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setFile(f);
            setResult(null);
            if (f) run(f, 'dry-run');
            e.target.value = '';
          }}
        />
      </div>
      <div aria-live="polite">{upload.isPending && <p role="status">{t('report.checking')}</p>}</div>
      {upload.isError && (
        <div className="form-alert" role="alert">
          <strong>{t('report.notSaved')}</strong>
          <p>{isApiError(upload.error) ? upload.error.message : String(upload.error)}</p>
        </div>
      )}
      {result && c && (
        <>
          {result.committed ? (
            <div className="form-notice form-notice--ok" role="status">
              <p>{t('admin.catalogCommitted', { new: c.new, update: c.update })}</p>
              {result.plansCreated.length > 0 && (
                <p>{t('admin.plansCreated', { list: result.plansCreated.join('、') })}</p>
              )}
            </div>
          ) : (
            <p>{t('admin.catalogCounts', { ...c })}</p>
          )}
          {result.messages.length > 0 && (
            <div className="form-alert" role="alert">
              <strong>{t('report.errorsTitle', { count: result.messages.length })}</strong>
              <ul className="import-messages">
                {result.messages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </div>
          )}
          <ScrollRegion label={t('admin.catalog')} className="history-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('admin.catalog')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('report.row')}
                  </th>
                  <th scope="col">{t('admin.id')}</th>
                  <th scope="col">{t('admin.targetTitle')}</th>
                  <th scope="col">{t('report.result')}</th>
                  <th scope="col">{t('report.rowErrors')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr key={r.row}>
                    <td className="num">{r.row}</td>
                    <td className="small">{r.targetId ?? '—'}</td>
                    <td>{r.title ?? '—'}</td>
                    <td>{t(`admin.catalogStatus.${r.status}`)}</td>
                    <td>
                      {r.errors.map((e) => (
                        <span key={`${e.column}:${e.message}`} className="field__error" style={{ display: 'block' }}>
                          {e.column ? `“${e.column}”：` : ''}
                          {e.message}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {result.mode === 'dry-run' && (
            <div className="form__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={!canCommit || upload.isPending}
                onClick={() => file && run(file, 'commit')}
              >
                {t('admin.catalogCommit')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
