import { csvFile, exportCell } from '../../src/domain/cells';
import { shanghaiDate } from '../../src/domain/dates';
import { NARRATIVE_FIELDS } from '../../src/domain/report-schema';
import { effectiveReports } from '../../src/domain/reports';
import type { NarrativeField, ProgressReport, Target } from '../../src/domain/schemas';
import { NARRATIVE_MAX } from '../../src/domain/write-api';
import { REPORT_COLUMNS } from './report-import';
import { fitColumns, preparePrint } from './spreadsheet/print';
import { newWorkbook } from './spreadsheet/workbook';

/** The import template, prefilled with the reporter's targets and their last figures. */
export interface TemplateRow {
  target: Target;
  last: ProgressReport | null;
}

const header = REPORT_COLUMNS.map((c) => c.names[0]);
/** Columns the reporter fills in; the others are for reference and are ignored on import. */
const INPUT_COLUMNS = new Set<string>(['value', 'unit', 'asOf', 'note', 'evidence', 'reason', ...NARRATIVE_FIELDS]);
const NARRATIVE_COLUMNS: ReadonlySet<string> = new Set(NARRATIVE_FIELDS);
/** The header's note on each narrative column: what goes in it, and that it may stay empty. */
const NARRATIVE_NOTES: Record<NarrativeField, string> = {
  progress: '选填：本期做了什么',
  problems: '选填：卡在哪里、为什么',
  nextSteps: '选填：下一步怎么做、何时完成',
  coordination: '选填：需要市领导或其他部门协调解决的事项',
};

/** Units wide (a Chinese character is two): 15 characters a line for a narrative, 20 for the title. */
function widthOf(key: string): number {
  if (key === 'title') return 40;
  if (NARRATIVE_COLUMNS.has(key)) return 30;
  if (key === 'note' || key === 'evidence' || key === 'reason') return 20;
  if (key === 'targetId' || key === 'department') return 24;
  return 16;
}

function cells(r: TemplateRow): (string | number | null)[] {
  const t = r.target;
  const milestone = t.kind === 'milestone';
  return [
    t.id,
    t.title,
    t.departmentName ?? '',
    milestone ? `阶段（共${t.stages.length}个）` : t.unit,
    milestone ? t.stages.length : t.target,
    r.last ? (milestone ? r.last.stagesDone : r.last.value) : null,
    r.last?.asOf ?? null,
    null,
    null,
    null,
    null,
    null,
    null,
    // 进展情况, 存在问题, 下步措施, 需协调事项: empty, written fresh each time.
    null,
    null,
    null,
    null,
  ];
}

export function lastReportOf(reports: readonly ProgressReport[]): ProgressReport | null {
  let best: ProgressReport | null = null;
  for (const r of effectiveReports(reports, undefined, 'pending'))
    if (!best || r.asOf > best.asOf || (r.asOf === best.asOf && r.recordedAt >= best.recordedAt)) best = r;
  return best;
}

export function templateCsv(rows: readonly TemplateRow[]): string {
  return csvFile([header, ...rows.map(cells)]);
}

/**
 * The columns in the workbook's order: the target's name first, the id the import matches on last
 * (the import finds every column by its header, so the order is the reader's).
 */
const XLSX_ORDER = [
  ...REPORT_COLUMNS.filter((c) => c.key === 'title'),
  ...REPORT_COLUMNS.filter((c) => c.key !== 'title' && c.key !== 'targetId'),
  ...REPORT_COLUMNS.filter((c) => c.key === 'targetId'),
];
const POSITION = new Map<string, number>(REPORT_COLUMNS.map((c, i) => [c.key, i]));
/**
 * Printed: the target and its figures through 原因, which a reporter can collect on paper; the
 * narrative columns (written at a keyboard) and the id stay on the sheet.
 */
const PRINTED_COLUMNS = XLSX_ORDER.findIndex((c) => c.key === 'reason') + 1;

export async function templateXlsx(rows: readonly TemplateRow[], generatedAt: string): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = '目标进度看板';
  wb.created = new Date(generatedAt);
  const ws = wb.addWorksheet('填报');
  ws.columns = XLSX_ORDER.map((c) => ({ header: c.names[0], key: c.key }));
  for (const r of rows) {
    const values = cells(r);
    ws.addRow(XLSX_ORDER.map((c) => exportCell(values[POSITION.get(c.key) ?? -1] ?? null)));
  }
  const head = ws.getRow(1);
  head.font = { bold: true };
  const caps = new Map(XLSX_ORDER.map((c, i) => [i + 1, widthOf(c.key)]));
  fitColumns(ws, { headerRow: 1, caps, printColumns: PRINTED_COLUMNS });
  XLSX_ORDER.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    // The columns the reporter fills in are as wide as what goes in them, even while empty.
    if (INPUT_COLUMNS.has(c.key)) col.width = Math.max(col.width ?? 0, widthOf(c.key));
    if (c.key === 'asOf' || c.key === 'lastAsOf') col.numFmt = 'yyyy-mm-dd';
    if (!INPUT_COLUMNS.has(c.key))
      head.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
    else head.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFEF3C7' } };
    if (NARRATIVE_COLUMNS.has(c.key)) {
      col.alignment = { wrapText: true, vertical: 'top' };
      head.getCell(i + 1).note = `${NARRATIVE_NOTES[c.key as NarrativeField]}，不超过 ${NARRATIVE_MAX} 字`;
    }
  });
  const day = shanghaiDate(new Date(generatedAt));
  preparePrint(ws, {
    title: '进度填报模板',
    asOf: day,
    asOfLabel: '导出于',
    headerRow: 1,
    freezeColumns: 1,
    printColumns: PRINTED_COLUMNS,
  });
  const help = wb.addWorksheet('说明');
  help.addRow(['填写说明']);
  help.getRow(1).font = { bold: true };
  for (const line of [
    '填写黄色表头的列：本期数值、截至日期（YYYY-MM-DD），可选填数值单位、说明、佐证链接。',
    '灰色表头的列仅供参考，导入时不读取；不填报的目标请留空本期数值和截至日期。',
    '最后一列“目标编号”用于匹配目标，请勿修改；各列顺序可以调整，导入时按表头名称读取。',
    '数值低于上次累计值或远超目标值时，需要在“原因”列说明；同一截至日期已有填报时，填写“原因”即作为更正。',
    '里程碑目标的“本期数值”填写已完成的阶段数。',
    `进展情况、存在问题、下步措施、需协调事项均为选填，每项不超过 ${NARRATIVE_MAX} 字；只写文字，不能含改变文字方向的控制字符。`,
    '存在问题、下步措施和需协调事项会显示在周调度的滞后目标旁边；需协调事项请写明需要谁协调什么。',
    '上传后先预览检查，确认无误再提交；提交是整体的：要么全部写入，要么都不写入。',
  ])
    help.addRow([exportCell(line)]);
  help.getColumn(1).width = 110;
  preparePrint(help, { title: '进度填报模板 · 说明', asOf: day, asOfLabel: '导出于', headerRow: 1 });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
