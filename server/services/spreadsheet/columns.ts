import { excelSerialToIso, normalizeText, parseDateText, parseNumberText } from '../../../src/domain/cells';
import { isStorableText, UNSTORABLE_TEXT } from '../../../src/domain/schemas';
import type { CellIssue } from '../../../src/domain/write-api';
import { zhIssueText } from '../../../src/i18n/validation';
import type { Grid, Raw } from './sheet';

/**
 * Reading typed values out of raw cells, with the Chinese message for the cell that is wrong.
 * Columns are found by their header text (so reordered or extra columns are fine), and the header
 * row may sit below a title row or merged banner.
 */
export interface ColumnSpec<K extends string> {
  key: K;
  /** The header as the template writes it, then accepted aliases. */
  names: readonly string[];
  required?: boolean;
}

const headerKey = (s: string) =>
  normalizeText(s)
    .replace(/[*＊\s]/g, '')
    .replace(/[(（][^)）]*[)）]$/, '');

export type HeaderResult<K extends string> =
  | { ok: true; headerRow: number; columns: Map<K, number>; label: (k: K) => string }
  | { ok: false; detail: string };

export function findHeader<K extends string>(grid: Grid, specs: readonly ColumnSpec<K>[]): HeaderResult<K> {
  const required = specs.filter((s) => s.required);
  for (const { row, cells } of grid.rows.slice(0, 20)) {
    const keys = cells.map((c) => (typeof c === 'string' ? headerKey(c) : ''));
    const columns = new Map<K, number>();
    for (const spec of specs) {
      const i = keys.findIndex((k) => k !== '' && spec.names.some((n) => headerKey(n) === k));
      if (i >= 0) columns.set(spec.key, i);
    }
    if (required.every((s) => columns.has(s.key))) {
      const label = (k: K) => specs.find((s) => s.key === k)?.names[0] ?? k;
      return { ok: true, headerRow: row, columns, label };
    }
  }
  return {
    ok: false,
    detail: `没有找到表头：表格中应有“${required.map((s) => s.names[0]).join('”“')}”等列（请使用下载的模板）`,
  };
}

export class RowReader<K extends string> {
  readonly issues: CellIssue[] = [];
  constructor(
    readonly row: number,
    private readonly cells: readonly Raw[],
    private readonly header: Extract<HeaderResult<K>, { ok: true }>,
  ) {}

  raw(k: K): Raw {
    const i = this.header.columns.get(k);
    return i === undefined ? null : (this.cells[i] ?? null);
  }

  isBlank(k: K): boolean {
    const v = this.raw(k);
    return v === null || (typeof v === 'string' && normalizeText(v) === '');
  }

  fail(k: K | '', message: string): null {
    this.issues.push({ row: this.row, column: k === '' ? '' : this.header.label(k), message });
    return null;
  }

  text(k: K, max: number, required = false): string | null {
    const v = this.raw(k);
    if (v === null || (typeof v === 'string' && v.trim() === '')) return required ? this.fail(k, '不能为空') : null;
    if (typeof v === 'object' && !(v instanceof Date)) return this.fail(k, cellProblem(v));
    if (v instanceof Date && Number.isNaN(v.getTime())) return this.fail(k, '不是有效日期');
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
    if (s.length > max) return this.fail(k, `内容过长（最多 ${max} 个字符）`);
    if (!isStorableText(s)) return this.fail(k, UNSTORABLE_TEXT);
    return s;
  }

  number(k: K, required = false): number | null {
    const v = this.raw(k);
    if (v === null || (typeof v === 'string' && normalizeText(v) === ''))
      return required ? this.fail(k, '不能为空') : null;
    if (typeof v === 'number') return Number.isFinite(v) ? v : this.fail(k, '不是数字');
    if (typeof v === 'string') {
      if (v.length > 100) return this.fail(k, '不是数字');
      const r = parseNumberText(v);
      return r.ok ? r.value : this.fail(k, zhIssueText(r));
    }
    if (v instanceof Date) return this.fail(k, '不是数字（单元格是日期格式）');
    if (typeof v === 'boolean') return this.fail(k, '不是数字');
    return this.fail(k, cellProblem(v));
  }

  date(k: K, required = false): string | null {
    const v = this.raw(k);
    if (v === null || (typeof v === 'string' && normalizeText(v) === ''))
      return required ? this.fail(k, '不能为空') : null;
    // exceljs turns date-formatted serials into Dates at UTC midnight of the calendar day shown.
    if (v instanceof Date)
      return Number.isNaN(v.getTime()) ? this.fail(k, '不是有效日期') : v.toISOString().slice(0, 10);
    if (typeof v === 'number') {
      const r = excelSerialToIso(v);
      if (r.ok) return r.value;
      const asText = parseDateText(String(v));
      return asText.ok ? asText.value : this.fail(k, zhIssueText(r));
    }
    if (typeof v === 'string') {
      if (v.length > 100) return this.fail(k, '不是有效日期');
      const r = parseDateText(v);
      return r.ok ? r.value : this.fail(k, zhIssueText(r));
    }
    if (typeof v === 'boolean') return this.fail(k, '不是有效日期');
    return this.fail(k, cellProblem(v));
  }
}

/** What is wrong with a cell that holds no usable value: a formula error, or a merge from a row above. */
function cellProblem(v: { error: string } | { merged: string }): string {
  return 'merged' in v ? `是合并单元格（与 ${v.merged} 合并），请取消合并，每行分别填写` : `公式错误（${v.error}）`;
}
