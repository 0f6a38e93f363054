import { readFileSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Zip archives and workbooks written byte by byte for the tests, so that they can say what a real
 * writer never would: sizes that understate the content, headers that disagree, gigabytes of
 * content in a few megabytes. Nothing large is ever held in memory to build them.
 */
export interface Part {
  name: string;
  /** The bytes stored in the archive (raw deflate when `method` is 8). */
  data: Buffer;
  method: number;
  flags: number;
  crc: number;
  /** The uncompressed size the headers declare. */
  size: number;
  /** The name's bytes when they are not the UTF-8 of `name`. */
  nameBytes?: Buffer;
}

const HONEST_CRC_BYTES = 64 * 1024 * 1024;
const FULL_FLUSH = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
/** The last, empty block of a raw deflate stream. */
const FINAL_BLOCK = deflateRawSync(Buffer.alloc(0));

/** A part compressed honestly. */
export function part(name: string, content: string | Buffer): Part {
  const raw = Buffer.from(content);
  return { name, data: deflateRawSync(raw), method: 8, flags: 0, crc: crc32(raw), size: raw.length };
}

/**
 * A part built from pieces: each is deflated on its own with a full flush (no back-reference
 * crosses it), so the blocks can be laid end to end and repeated. A piece given as
 * `{ repeat, times }` inflates to `repeat` × `times` while taking the space of one.
 * The part declares its real size, and its CRC unless it is over 64 MB (then 0: a reader must
 * refuse such a part before it could check).
 */
export function piecesPart(name: string, pieces: Iterable<string | { repeat: string; times: number }>): Part {
  const blocks: Buffer[] = [];
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    const text = typeof piece === 'string' ? piece : piece.repeat;
    const times = typeof piece === 'string' ? 1 : piece.times;
    const raw = Buffer.from(text);
    const block = deflateRawSync(raw, FULL_FLUSH);
    for (let i = 0; i < times; i++) {
      blocks.push(block);
      if (size < HONEST_CRC_BYTES) crc = crc32(raw, crc);
      size += raw.length;
    }
  }
  blocks.push(FINAL_BLOCK);
  return {
    name,
    data: Buffer.concat(blocks),
    method: 8,
    flags: 0,
    crc: size < HONEST_CRC_BYTES ? crc : 0,
    size: Math.min(size, 0xfffffffe),
  };
}

/** Header fields to write differently in the local header than in the central directory. */
export type LocalOverride = Partial<Pick<Part, 'name' | 'method' | 'flags' | 'crc' | 'size'>> & { compressed?: number };

export interface ZipOptions {
  local?: Record<string, LocalOverride>;
  /** Bytes before the first entry that the offsets do not count, and bytes after the end record. */
  prefix?: Buffer;
  suffix?: Buffer;
  /** Entry count to write in the end record (default: the real one). */
  count?: number;
}

export function zip(parts: Part[], options: ZipOptions = {}): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  if (options.prefix) out.push(options.prefix);
  for (const p of parts) {
    const o = options.local?.[p.name] ?? {};
    const name = p.nameBytes ?? Buffer.from(p.name);
    const localName = o.name === undefined ? name : Buffer.from(o.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(o.flags ?? p.flags, 6);
    local.writeUInt16LE(o.method ?? p.method, 8);
    local.writeUInt32LE(o.crc ?? p.crc, 14);
    local.writeUInt32LE(o.compressed ?? p.data.length, 18);
    local.writeUInt32LE(o.size ?? p.size, 22);
    local.writeUInt16LE(localName.length, 26);
    out.push(local, localName, p.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(p.flags, 8);
    c.writeUInt16LE(p.method, 10);
    c.writeUInt32LE(p.crc, 16);
    c.writeUInt32LE(p.data.length, 20);
    c.writeUInt32LE(p.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + localName.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.count ?? parts.length, 8);
  end.writeUInt16LE(options.count ?? parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, cd, end, ...(options.suffix ? [options.suffix] : [])]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts of a one-sheet workbook (sheet 填报) around a given sheet1.xml part. */
export function workbook(
  sheet: Part,
  options: { workbookXml?: string; extra?: Part[]; zip?: ZipOptions } = {},
): Buffer {
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const book =
    options.workbookXml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="填报" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const bookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
  return zip(
    [
      part('[Content_Types].xml', types),
      part('_rels/.rels', rels),
      part('xl/workbook.xml', book),
      part('xl/_rels/workbook.xml.rels', bookRels),
      sheet,
      ...(options.extra ?? []),
    ],
    options.zip,
  );
}

export function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A `<row>` of inline-string and number cells from column A. */
export function row(r: number, values: (string | number)[]): string {
  const cells = values.map((v, i) => {
    const ref = `${columnName(i + 1)}${r}`;
    return typeof v === 'number'
      ? `<c r="${ref}"><v>${v}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  });
  return `<row r="${r}">${cells.join('')}</row>`;
}

/** sheet1.xml of `count` rows after a header, built a thousand rows at a time. */
export function rowsSheet(header: string[], count: number, rowValues: (i: number) => (string | number)[]): Part {
  function* pieces() {
    yield SHEET_HEAD + row(1, header);
    for (let start = 0; start < count; start += 1000) {
      const lines: string[] = [];
      for (let i = start; i < Math.min(count, start + 1000); i++) lines.push(row(i + 2, rowValues(i)));
      yield lines.join('');
    }
    yield SHEET_TAIL;
  }
  return piecesPart('xl/worksheets/sheet1.xml', pieces());
}

/**
 * The zip bomb of issue 19: sheet1.xml holds `gib` GiB (a header row, then blanks between the
 * elements, which deflate a thousand to one: 4 GiB fit in 4.3 MB) and both its headers say
 * `declared` bytes.
 */
export function bombSheet(gib: number, declared = 4096): Part {
  const blanks = ' '.repeat(1024 * 1024);
  const p = piecesPart('xl/worksheets/sheet1.xml', [
    SHEET_HEAD + row(1, ['目标编号', '本期数值', '截至日期']),
    { repeat: blanks, times: gib * 1024 },
    SHEET_TAIL,
  ]);
  return { ...p, size: declared, crc: 0 };
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Peak resident memory while `run` runs, from a collected heap: the kernel's high-water mark where
 * it can be reset, else sampled. Memory that earlier tests freed but the process kept makes the
 * growth read low, never high.
 */
export async function peakRss<T>(run: () => Promise<T>): Promise<{ result: T; before: number; peak: number }> {
  gc();
  const before = process.memoryUsage().rss;
  const hwm = resetHighWaterMark();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 2);
  try {
    const result = await run();
    peak = Math.max(peak, process.memoryUsage().rss);
    if (hwm) {
      const kb = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
      if (kb) peak = Math.max(peak, Number(kb) * 1024);
    }
    return { result, before, peak };
  } finally {
    clearInterval(timer);
  }
}

function resetHighWaterMark(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
