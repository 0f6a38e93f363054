import { excelSerialToIso, normalizeText, parseDateText, parseNumberText } from '../../../src/domain/cells';
import type { Issue, IssueParams } from '../../../src/domain/issues';
import { isStorableText } from '../../../src/domain/schemas';
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

  /** A cell's issue: its code and figures, and the API's Chinese words for them. */
  fail(k: K | '', issue: Issue): null {
    return this.failAt(k === '' ? '' : this.header.label(k), issue);
  }

  /** An issue under a name that is no column of the sheet (a schema's field path, say). */
  failAt(column: string, issue: Issue): null {
    this.issues.push({ row: this.row, column, ...coded(issue) });
    return null;
  }

  text(k: K, max: number, required = false): string | null {
    const v = this.raw(k);
    if (v === null || (typeof v === 'string' && v.trim() === ''))
      return required ? this.fail(k, { code: 'required' }) : null;
    if (typeof v === 'object' && !(v instanceof Date)) return this.fail(k, cellProblem(v));
    if (v instanceof Date && Number.isNaN(v.getTime())) return this.fail(k, { code: 'not_date' });
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
    if (s.length > max) return this.fail(k, { code: 'too_long', params: { max } });
    if (!isStorableText(s)) return this.fail(k, { code: 'unstorable_text' });
    return s;
  }

  number(k: K, required = false): number | null {
    const v = this.raw(k);
    if (v === null || (typeof v === 'string' && normalizeText(v) === ''))
      return required ? this.fail(k, { code: 'required' }) : null;
    if (typeof v === 'number') return Number.isFinite(v) ? v : this.fail(k, { code: 'not_number' });
    if (typeof v === 'string') {
      if (v.length > 100) return this.fail(k, { code: 'not_number' });
      const r = parseNumberText(v);
      return r.ok ? r.value : this.fail(k, r);
    }
    if (v instanceof Date) return this.fail(k, { code: 'date_cell_not_number' });
    if (typeof v === 'boolean') return this.fail(k, { code: 'not_number' });
    return this.fail(k, cellProblem(v));
  }

  date(k: K, required = false): string | null {
    const v = this.raw(k);
    if (v === null || (typeof v === 'string' && normalizeText(v) === ''))
      return required ? this.fail(k, { code: 'required' }) : null;
    // exceljs turns date-formatted serials into Dates at UTC midnight of the calendar day shown.
    if (v instanceof Date)
      return Number.isNaN(v.getTime()) ? this.fail(k, { code: 'not_date' }) : v.toISOString().slice(0, 10);
    if (typeof v === 'number') {
      const r = excelSerialToIso(v);
      if (r.ok) return r.value;
      const asText = parseDateText(String(v));
      return asText.ok ? asText.value : this.fail(k, r);
    }
    if (typeof v === 'string') {
      if (v.length > 100) return this.fail(k, { code: 'not_date' });
      const r = parseDateText(v);
      return r.ok ? r.value : this.fail(k, r);
    }
    if (typeof v === 'boolean') return this.fail(k, { code: 'not_date' });
    return this.fail(k, cellProblem(v));
  }
}

/** What is wrong with a cell that holds no usable value: a formula error, or a merge from a row above. */
function cellProblem(v: { error: string } | { merged: string }): Issue {
  return 'merged' in v
    ? { code: 'cell_merged', params: { range: v.merged } }
    : { code: 'cell_formula_error', params: { error: v.error } };
}

/** An issue as a cell or a problem carries it: the API's Chinese, with the code and figures beside. */
export function coded(issue: Issue): { message: string; code: string; params?: IssueParams } {
  return { message: zhIssueText(issue), code: issue.code, ...(issue.params ? { params: issue.params } : {}) };
}
