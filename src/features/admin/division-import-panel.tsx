import { useMemo } from 'react';
import { useDepartments } from '../../api/get-departments';
import { useTargets } from '../../api/get-targets';
import { useImportFlow } from '../../api/use-import-flow';
import { csvFile } from '../../domain/cells';
import type { Target } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import {
  ImportCommitBar,
  ImportFileField,
  ImportMessages,
  ImportProgress,
  ImportRowErrors,
} from '../../ui/import-flow';
import { ScrollRegion } from '../../ui/scroll-region';
import { useDivisionImport } from './api/departments';

/** The sheet's columns as the server reads them (server/routes/admin-departments.ts DIVISION_COLUMNS). */
const COLUMNS = ['目标编号', '目标名称', '牵头单位', '配合单位', '配合单位可填报'];

/** The 任务分解 template: every target with its current division, to edit and upload back. */
function templateCsv(items: readonly Target[], nameOf: (id: string) => string): string {
  return csvFile([
    COLUMNS,
    ...items.map((x) => [
      x.id,
      x.title,
      x.department ? (x.departmentName ?? nameOf(x.department)) : '',
      x.supportingDepartments.map(nameOf).join('、'),
      x.supportMayReport ? '是' : '否',
    ]),
  ]);
}

/**
 * 任务分解 from a spreadsheet: per target its lead (牵头单位), supporting departments (配合单位) and
 * whether supporters may report, checked against the registry first (an unknown name is an error
 * naming the closest registered ones), then committed as a whole.
 */
export function DivisionImportPanel() {
  const { t } = useTranslation();
  const upload = useDivisionImport();
  const { file, result, choose, commit } = useImportFlow(upload);
  const targets = useTargets({});
  const registry = useDepartments();
  const items = targets.data?.items;
  const departments = registry.data?.items;
  const template = useMemo(() => {
    if (!items || !departments) return null;
    const names = new Map(departments.map((d) => [d.id, d.name]));
    const csv = templateCsv(items, (id) => names.get(id) ?? id);
    return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
  }, [items, departments]);
  const c = result?.counts;
  const canCommit = result?.mode === 'dry-run' && c && c.error === 0 && c.update > 0 && file;
  return (
    <section className="card stack" aria-labelledby="division-import-title">
      <h2 id="division-import-title" className="card__title">
        {t('admin.div.title')}
      </h2>
      <p>{t('admin.div.intro')}</p>
      {template && (
        <p>
          <a className="button" href={template} download={t('admin.div.templateFile')}>
            {t('admin.div.template')}
          </a>
          <br />
          <span className="muted small">{t('admin.div.templateHint')}</span>
        </p>
      )}
      <ImportFileField id="division-file" accept=".xlsx,.csv" onChoose={choose} />
      <ImportProgress pending={upload.isPending} pendingText={t('report.checking')} error={upload.error} />
      {result && c && (
        <>
          {result.committed ? (
            <div className="form-notice form-notice--ok" role="status">
              <p>{t('admin.div.committed', { update: c.update })}</p>
            </div>
          ) : (
            <p>{t('admin.div.counts', { ...c })}</p>
          )}
          <ImportMessages messages={result.messages} issues={result.issues} />
          <ScrollRegion label={t('admin.div.title')} className="history-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('admin.div.title')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('report.row')}
                  </th>
                  <th scope="col">{t('report.target')}</th>
                  <th scope="col">{t('admin.div.lead')}</th>
                  <th scope="col">{t('admin.div.supporting')}</th>
                  <th scope="col">{t('report.result')}</th>
                  <th scope="col">{t('report.rowErrors')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr key={r.row}>
                    <td className="num">{r.row}</td>
                    <td>
                      {r.title ?? '—'}
                      {r.targetId && <span className="small muted"> · {r.targetId}</span>}
                    </td>
                    <td>{r.lead ?? '—'}</td>
                    <td>{r.supporting.join('、') || '—'}</td>
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
