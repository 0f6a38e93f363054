import type ExcelJS from 'exceljs';
import { shanghaiDate } from '../../src/domain/dates';
import { SECTORS } from '../../src/domain/sectors';
import { CATALOG_COLUMNS, PLAN_COLUMNS } from './catalog-import';
import { preparePrint } from './spreadsheet/print';
import { newWorkbook } from './spreadsheet/workbook';

/**
 * The empty workbook an admin fills to load a new year's plan: the 目标 sheet (read first), the 规划
 * sheet for plans that do not exist yet, and 说明 with what every column takes. Its header names are
 * the importer's own, so a filled template always reads back.
 */
export async function catalogTemplateXlsx(generatedAt: string): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = '目标进度看板';
  wb.created = new Date(generatedAt);
  const day = shanghaiDate(new Date(generatedAt));
  const targets = wb.addWorksheet('目标');
  const targetOrder = titleFirst(CATALOG_COLUMNS, 'title');
  targets.columns = targetOrder.map((c) => ({
    header: c.names[0],
    key: c.key,
    width: c.key === 'title' || c.key === 'sourceQuote' ? 40 : c.key === 'stages' ? 32 : c.key === 'id' ? 24 : 14,
  }));
  markRequired(targets, targetOrder);
  targets.getColumn('periodStart').numFmt = 'yyyy-mm-dd';
  targets.getColumn('deadline').numFmt = 'yyyy-mm-dd';
  preparePrint(targets, {
    title: '目标目录导入模板 · 目标',
    asOf: day,
    asOfLabel: '导出于',
    headerRow: 1,
    freezeColumns: 1,
  });

  const plans = wb.addWorksheet('规划');
  const planOrder = titleFirst(PLAN_COLUMNS, 'title');
  plans.columns = planOrder.map((c) => ({ header: c.names[0], key: c.key, width: c.key === 'title' ? 40 : 16 }));
  markRequired(plans, planOrder);
  preparePrint(plans, {
    title: '目标目录导入模板 · 规划',
    asOf: day,
    asOfLabel: '导出于',
    headerRow: 1,
    freezeColumns: 1,
  });

  const help = wb.addWorksheet('说明');
  help.columns = [
    { header: '列', key: 'column', width: 14 },
    { header: '必填', key: 'required', width: 8 },
    { header: '填写方法', key: 'how', width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  const how: Record<string, string> = {
    id: '目标的唯一编号（字母、数字、连字符），如 qd-2026-key-projects；已有编号的行会更新该目标',
    planId: '所属规划的编号；新规划请同时在“规划”工作表中填写一行',
    sector: `十大领域之一：${SECTORS.map((s) => s.name).join('、')}`,
    subsection: '领域下的分项（可空，空则用领域名）',
    title: '目标名称，按文件原文填写',
    district: '市级 或 区（市）名称，如 崂山区；空则为市级',
    department:
      '牵头部门（可空），填部门登记表中的全称或简称，如 市工业和信息化局 或 市工信局；填报员只能填报自己部门牵头的目标',
    kind: '累计（当年新增）、水平（期末达到）、增速、占比、里程碑',
    unit: '按文件原文的单位，如 个、亿元、万人、%、公里；里程碑留空',
    target: '目标数值（不带单位）；里程碑留空',
    comparator: '以上、不少于、突破、超过、左右、约、达到、以下、控制在；空则为“以上”',
    baseline: '水平、占比类目标的基数（可空：空则从首次填报起计算进度）',
    periodStart: '目标期间的开始日期，YYYY-MM-DD',
    deadline: '截止日期，YYYY-MM-DD',
    pacing: '线性（默认）、投资（按月累计的投资进度曲线）、按阶段（里程碑）',
    stages: '里程碑的阶段：阶段名@YYYY-MM-DD，多个阶段用分号隔开，如 开工@2026-03-31；主体完工@2026-12-31',
    sourceDocument: '来源文件名',
    sourceQuote: '来源文件中的原文（与文件完全一致的一段文字）',
  };
  for (const c of targetOrder) {
    help.addRow({ column: c.names[0], required: 'required' in c && c.required ? '是' : '', how: how[c.key] ?? '' });
  }
  help.addRow({});
  help.addRow({
    column: '提交',
    how: '上传后先预览检查每一行，确认无误再提交；提交是整体的：要么全部写入，要么都不写入。',
  });
  help.getColumn('how').alignment = { wrapText: true, vertical: 'top' };
  preparePrint(help, {
    title: '目标目录导入模板 · 说明',
    asOf: day,
    asOfLabel: '导出于',
    headerRow: 1,
    freezeColumns: 1,
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The columns with the name people know first and the id last: the import finds every column by its
 * header, so the order is for the person filling it in.
 */
function titleFirst<C extends { key: string }>(columns: readonly C[], title: string): C[] {
  return [
    ...columns.filter((c) => c.key === title),
    ...columns.filter((c) => c.key !== title && c.key !== 'id'),
    ...columns.filter((c) => c.key === 'id'),
  ];
}

function markRequired(ws: ExcelJS.Worksheet, columns: readonly { names: readonly string[]; required?: boolean }[]) {
  const head = ws.getRow(1);
  head.font = { bold: true };
  columns.forEach((c, i) => {
    head.getCell(i + 1).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: c.required ? 'FFFEF3C7' : 'FFE5E7EB' },
    };
  });
}
