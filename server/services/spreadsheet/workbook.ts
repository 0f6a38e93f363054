import type ExcelJS from 'exceljs';

/**
 * A new exceljs workbook. exceljs is loaded on the first spreadsheet read or written, not at every
 * start: loading it takes about 300 ms and 20 MB, which a server that never sees a spreadsheet
 * would pay for nothing.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  return new Excel.Workbook();
}
