import { fileUrl } from '../../api/client';
import { useImportFlow } from '../../api/use-import-flow';
import { useTranslation } from '../../i18n/use-translation';
import {
  ImportCommitBar,
  ImportFileField,
  ImportMessages,
  ImportProgress,
  ImportRowErrors,
} from '../../ui/import-flow';
import { ScrollRegion } from '../../ui/scroll-region';
import { useCatalogImport } from './api/catalog-import';

/** A new year's plan from a spreadsheet: the same check-then-commit flow as the reports' import. */
export function CatalogImportPanel() {
  const { t } = useTranslation();
  const upload = useCatalogImport();
  const { file, result, choose, commit } = useImportFlow(upload);
  const c = result?.counts;
  const canCommit = result?.mode === 'dry-run' && c && c.error === 0 && c.new + c.update > 0 && file;
  return (
    <section className="card stack" aria-labelledby="catalog-title">
      <h2 id="catalog-title" className="card__title">
        {t('admin.catalog')}
      </h2>
      <p>{t('admin.catalogIntro')}</p>
      <p>
        <a className="button" href={fileUrl('GET /admin/catalog-imports/template')} download>
          {t('admin.catalogTemplate')}
        </a>
      </p>
      <ImportFileField id="catalog-file" accept=".xlsx,.csv" onChoose={choose} />
      <ImportProgress pending={upload.isPending} pendingText={t('report.checking')} error={upload.error} />
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
          <ImportMessages messages={result.messages} issues={result.issues} />
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
                      <ImportRowErrors errors={r.errors} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {result.mode === 'dry-run' && (
            <ImportCommitBar
              label={t('admin.catalogCommit')}
              disabled={!canCommit || upload.isPending}
              onCommit={commit}
            />
          )}
        </>
      )}
    </section>
  );
}
