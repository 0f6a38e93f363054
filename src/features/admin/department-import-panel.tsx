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
import { useDepartmentImport } from './api/departments';

/** The registry from a spreadsheet: checked first (which rows add, update or fail), then committed. */
export function DepartmentImportPanel() {
  const { t } = useTranslation();
  const upload = useDepartmentImport();
  const { file, result, choose, commit } = useImportFlow(upload);
  const c = result?.counts;
  const canCommit = result?.mode === 'dry-run' && c && c.error === 0 && c.new + c.update > 0 && file;
  return (
    <section className="card stack" aria-labelledby="dept-import-title">
      <h2 id="dept-import-title" className="card__title">
        {t('admin.dept.importTitle')}
      </h2>
      <p>{t('admin.dept.importIntro')}</p>
      <ImportFileField id="dept-import-file" accept=".xlsx,.csv" onChoose={choose} />
      <ImportProgress pending={upload.isPending} pendingText={t('report.checking')} error={upload.error} />
      {result && c && (
        <>
          {result.committed ? (
            <div className="form-notice form-notice--ok" role="status">
              <p>{t('admin.dept.importCommitted', { new: c.new, update: c.update })}</p>
            </div>
          ) : (
            <p>{t('admin.catalogCounts', { ...c })}</p>
          )}
          <ImportMessages messages={result.messages} issues={result.issues} />
          <ScrollRegion label={t('admin.dept.importTitle')} className="history-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('admin.dept.importTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('report.row')}
                  </th>
                  <th scope="col">{t('admin.dept.id')}</th>
                  <th scope="col">{t('admin.dept.name')}</th>
                  <th scope="col">{t('report.result')}</th>
                  <th scope="col">{t('report.rowErrors')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr key={r.row}>
                    <td className="num">{r.row}</td>
                    <td className="small">{r.id ?? '—'}</td>
                    <td>{r.name ?? '—'}</td>
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
