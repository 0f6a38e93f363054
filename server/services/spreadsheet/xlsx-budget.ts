import type { EntrySink, ZipEntry } from './zip-guard';

/**
 * What exceljs will build from a workbook, estimated from the inflated parts as they stream past,
 * so that a workbook is refused before exceljs sees it rather than after it has filled the heap.
 *
 * exceljs holds every part in memory as a string, turns every XML element into an object, and
 * expands some ranges into one object per cell: merged cells, data validations, defined names
 * (a filter's `_xlnm._FilterDatabase` among them) and column definitions. A 6 KB workbook with
 * `<mergeCell ref="A1:XFD1048576"/>` is 17 billion cells; one with 100,000 rows is 350 MB.
 * The weights are upper bounds of what exceljs 4.4 was measured to hold (sheet-bomb.test.ts
 * checks them): up to 4.2 bytes of heap per inflated byte, 270 per element, 500 per range cell.
 * Workbooks built to sit just under the estimate peaked at 35-110 MB of RSS in readSheet.
 */
export const HEAP_PER_BYTE = 5;
export const HEAP_PER_ELEMENT = 300;
export const HEAP_PER_RANGE_CELL = 500;
/**
 * A row's cells are an array as long as its last cell's column, and exceljs walks every slot of it
 * (5,000 rows with one cell each at column XFD take 5 s to read): slots cost their 8 bytes, twice.
 */
export const HEAP_PER_ROW_SLOT = 16;
/** A 5,000-row, 20-column report is about 95 MB by this estimate (75-85 MB measured). */
export const MAX_HEAP_ESTIMATE = 128 * 1024 * 1024;
/** exceljs checks each merge against every earlier one: 10,000 merges take 7 s of CPU, 2,000 0.3 s. */
export const MAX_MERGES = 2000;
/** Longest start tag or defined name read for its ranges (Excel's formulas stop at 8,192 characters). */
const MAX_TAG_CHARS = 64 * 1024;

export type BudgetRefusal = 'broken' | 'too-big' | 'rows' | 'ranges' | 'merges';

/** What all the parts of one workbook have used so far. */
export interface Budget {
  heap: number;
  merges: number;
  /** Rows with a value allowed in any one worksheet. */
  maxRows: number;
}

export function newBudget(maxRows: number): Budget {
  return { heap: 0, merges: 0, maxRows };
}

/** Names exceljs parses as XML (xl/xlsx.js `load`); everything else it keeps as a string or buffer. */
const PARSED_PARTS = new Set([
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
  'docProps/app.xml',
  'docProps/core.xml',
]);
const PARSED_PATTERNS = [
  /xl\/worksheets\/sheet(\d+)[.]xml/,
  /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/,
  /xl\/drawings\/([a-zA-Z0-9]+)[.]xml/,
  /xl\/(comments\d+)[.]xml/,
  /xl\/tables\/(table\d+)[.]xml/,
  /xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/,
  /xl\/drawings\/(vmlDrawing\d+)[.]vml/,
];

export function parsedByExceljs(name: string): boolean {
  const n = name.startsWith('/') ? name.slice(1) : name;
  return PARSED_PARTS.has(n) || PARSED_PATTERNS.some((p) => p.test(n));
}

/** A sink for one zip entry: charges its bytes, and its elements and ranges when exceljs parses it. */
export function partSink(entry: ZipEntry, budget: Budget): EntrySink<BudgetRefusal> {
  const scanner = parsedByExceljs(entry.name) ? new XmlScanner(budget) : null;
  return {
    write(chunk) {
      budget.heap += chunk.length * HEAP_PER_BYTE;
      if (budget.heap > MAX_HEAP_ESTIMATE) return 'too-big';
      return scanner?.write(chunk);
    },
    end: () => scanner?.end(),
  };
}

const TEXT = 0;
const OPEN = 1;
const NAME = 2;
const TAG = 3;
const SKIP = 4;
const CLOSE = 5;
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;

type Watched = 'c' | 'mergeCell' | 'dataValidation' | 'col' | 'definedName';
const WATCHED = new Set<string>(['c', 'mergeCell', 'dataValidation', 'col', 'definedName']);
/** A cell's value, inline string or formula: what makes a row count as a row of data. */
const VALUES = new Set(['v', 'is', 'f']);

/**
 * Reads the start tags of an XML part as bytes, chunk by chunk. It counts rather than parses, and
 * errs towards counting too much: markup inside comments is counted too. A start tag's attributes
 * are kept only for the few elements whose ranges exceljs expands, and `<definedName>` must hold
 * text alone (Excel writes nothing else there).
 */
class XmlScanner {
  private state = TEXT;
  private quote = 0;
  private name = '';
  private watched: Watched | null = null;
  private attrs = '';
  /** Rows holding a value so far, and whether the current row already counts. */
  private rows = 0;
  private rowCounted = true;
  private widest = 0;
  private rowWidth = 0;
  /** The text of the `<definedName>` being read, or null outside one. */
  private definedName: string | null = null;
  private definedNameLabel = '';

  constructor(private readonly budget: Budget) {}

  write(chunk: Buffer): BudgetRefusal | undefined {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.state === TEXT) {
        const lt = chunk.indexOf(LT, i);
        const stop = lt < 0 ? n : lt;
        if (this.definedName !== null) {
          this.definedName += chunk.toString('latin1', i, stop);
          if (this.definedName.length > MAX_TAG_CHARS) return 'too-big';
        }
        i = stop + 1;
        if (lt >= 0) this.state = OPEN;
      } else if (this.state === OPEN) {
        const b = chunk[i] as number;
        if (b === SLASH) {
          this.state = CLOSE;
          this.name = '';
          i++;
        } else {
          if (this.definedName !== null) return 'broken';
          if (b === 0x21 || b === 0x3f) {
            // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE>, <?xml ?>: skipped to the next '>', tags after it counted.
            this.state = SKIP;
            i++;
          } else {
            this.state = NAME;
            this.name = '';
          }
        }
      } else if (this.state === NAME || this.state === CLOSE) {
        let j = i;
        while (j < n && !isNameEnd(chunk[j] as number)) j++;
        this.name += chunk.toString('latin1', i, j);
        if (this.name.length > MAX_TAG_CHARS) return 'broken';
        i = j;
        if (j < n) {
          if (this.state === CLOSE) {
            if (this.definedName !== null) {
              if (localName(this.name) !== 'definedName') return 'broken';
              const refused = this.readDefinedName(this.definedName);
              this.definedName = null;
              if (refused) return refused;
            }
            this.state = SKIP;
          } else {
            const refused = this.startTag();
            if (refused) return refused;
            this.state = TAG;
          }
        }
      } else if (this.state === TAG) {
        let j = i;
        for (; j < n; j++) {
          const b = chunk[j] as number;
          if (this.quote) {
            if (b === this.quote) this.quote = 0;
          } else if (b === 0x22 || b === 0x27) this.quote = b;
          else if (b === GT) break;
        }
        if (this.watched) {
          this.attrs += chunk.toString('latin1', i, j);
          if (this.attrs.length > MAX_TAG_CHARS) return 'too-big';
        }
        i = j + 1;
        if (j < n) {
          this.state = TEXT;
          const refused = this.endStartTag();
          if (refused) return refused;
        }
      } else {
        const gt = chunk.indexOf(GT, i);
        i = gt < 0 ? n : gt + 1;
        if (gt >= 0) this.state = TEXT;
      }
    }
    return undefined;
  }

  end(): BudgetRefusal | undefined {
    // exceljs makes a column object for every column up to the widest cell or <col max>.
    return this.endRow() ?? this.charge(this.widest);
  }

  private startTag(): BudgetRefusal | undefined {
    this.budget.heap += HEAP_PER_ELEMENT;
    if (this.budget.heap > MAX_HEAP_ESTIMATE) return 'too-big';
    const local = localName(this.name);
    this.watched = WATCHED.has(local) ? (local as Watched) : null;
    this.attrs = '';
    if (local === 'row') {
      this.rowCounted = false;
      return this.endRow();
    }
    // Empty rows count as elements only (Excel writes one for every row given borders or a height),
    // the way the row limit counts rows: exceljs's actualRowCount.
    if (!this.rowCounted && VALUES.has(local)) {
      this.rowCounted = true;
      if (++this.rows > this.budget.maxRows) return 'rows';
    }
    return undefined;
  }

  /** Charges the row just read: cell arrays are as long as their last cell's column. */
  private endRow(): BudgetRefusal | undefined {
    this.budget.heap += this.rowWidth * HEAP_PER_ROW_SLOT;
    this.rowWidth = 0;
    return this.budget.heap > MAX_HEAP_ESTIMATE ? 'too-big' : undefined;
  }

  private endStartTag(): BudgetRefusal | undefined {
    const attrs = this.attrs;
    switch (this.watched) {
      case 'mergeCell':
        if (++this.budget.merges > MAX_MERGES) return 'merges';
        return this.charge(sum(attrValues(attrs, 'ref').map(cellsCovered)));
      case 'dataValidation':
        return this.charge(sum(attrValues(attrs, 'sqref').flatMap((v) => v.split(/\s+/g).map(cellsCovered))));
      case 'c':
        for (const r of attrValues(attrs, 'r')) {
          const col = decodeAddress(r).col;
          this.widen(col);
          if (col > this.rowWidth) this.rowWidth = col;
        }
        return undefined;
      case 'col':
        for (const max of attrValues(attrs, 'max')) this.widen(Number.parseInt(max, 10));
        return undefined;
      case 'definedName':
        if (!/\/\s*$/.test(attrs)) {
          this.definedName = '';
          this.definedNameLabel = attrValues(attrs, 'name')[0] ?? '';
        }
        return undefined;
      default:
        return undefined;
    }
  }

  private readDefinedName(text: string): BudgetRefusal | undefined {
    // Print areas and titles become page setup, not cells (exceljs workbook-xform `reconcile`).
    if (this.definedNameLabel === '_xlnm.Print_Area' || this.definedNameLabel === '_xlnm.Print_Titles')
      return undefined;
    return this.charge(sum(definedNameRanges(decodeXml(text)).map(cellsCovered)));
  }

  private widen(col: number) {
    if (col > this.widest) this.widest = col;
  }

  private charge(cells: number): BudgetRefusal | undefined {
    this.budget.heap += cells * HEAP_PER_RANGE_CELL;
    return this.budget.heap > MAX_HEAP_ESTIMATE ? 'ranges' : undefined;
  }
}

function isNameEnd(b: number): boolean {
  return b === GT || b === SLASH || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

/** `x:row` is not `row` to exceljs, but counting it too costs nothing. */
function localName(qualified: string): string {
  return qualified.slice(qualified.lastIndexOf(':') + 1);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function attrValues(attrs: string, key: string): string[] {
  const out: string[] = [];
  for (const m of attrs.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    if (m[1] === key) out.push(decodeXml(m[2] ?? m[3] ?? ''));
  return out;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character and predefined entities, as the XML parser in exceljs hands them over. */
export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] !== '#') return NAMED_ENTITIES[e] ?? m;
    const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
const EXCELJS_REF = /(?:(?:(?:'((?:[^']|'')*)')|([^'^ !]*))!)?(.*)/;

/**
 * How many cells exceljs loops over for a range it expands, and whether it reads the range at all:
 * colCache.decodeEx and decodeAddress of exceljs 4.4, as lenient as they are (letters before the
 * digits are the column, every digit is the row; a column past XFD throws).
 */
export function decodeRef(ref: string): { cells: number; valid: boolean } {
  const reference = EXCELJS_REF.exec(ref)?.[3] ?? '';
  const parts = reference.split(':');
  const a = decodeAddress(parts[0] ?? '');
  if (parts.length < 2) return { cells: 1, valid: reference.startsWith('#') || !(a.col > MAX_COL) };
  const b = decodeAddress(parts[1] ?? '');
  const valid = !(a.col > MAX_COL || b.col > MAX_COL);
  // Past the sheet's last row a loop counter stops moving (1e300 + 1 === 1e300): exceljs never ends.
  if (!valid || a.row > MAX_ROW || b.row > MAX_ROW) return { cells: Number.POSITIVE_INFINITY, valid };
  const cells = (Math.abs(a.row - b.row) + 1) * (Math.abs(a.col - b.col) + 1);
  // A missing row or column makes exceljs loop zero times.
  return { cells: Number.isNaN(cells) ? 1 : cells, valid };
}

const cellsCovered = (ref: string) => decodeRef(ref).cells;

function decodeAddress(value: string): { col: number; row: number } {
  let col = Number.NaN;
  let row = Number.NaN;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (Number.isNaN(row) && c >= 65 && c <= 90) col = (Number.isNaN(col) ? 0 : col) * 26 + c - 64;
    else if (c >= 48 && c <= 57) row = (Number.isNaN(row) ? 0 : row) * 10 + c - 48;
    else if (!Number.isNaN(row) && !Number.isNaN(col) && c !== 36) break;
  }
  return { col, row };
}

/** A defined name's text split into ranges the way exceljs does (defined-name-xform `extractRanges`). */
export function definedNameRanges(text: string): string[] {
  const ranges: string[] = [];
  let quotesOpened = false;
  let last = '';
  for (const item of text.split(',')) {
    if (!item) continue;
    const quotes = item.split("'").length - 1;
    if (!quotes) {
      if (quotesOpened) last += `${item},`;
      else if (decodeRef(item).valid) ranges.push(item);
    } else if (!quotesOpened && quotes % 2 === 0 && decodeRef(item).valid) ranges.push(item);
    else if (quotesOpened && quotes % 2 === 1) {
      quotesOpened = false;
      if (decodeRef(last + item).valid) ranges.push(last + item);
      last = '';
    } else {
      quotesOpened = true;
      last += `${item},`;
    }
  }
  return ranges;
}
