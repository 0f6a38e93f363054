import { crc32, createInflateRaw } from 'node:zlib';

/**
 * Reads a zip archive without trusting its headers. Every entry is inflated as a stream and its
 * output counted as it comes, so an entry that inflates to more than it declares (a zip bomb: a few
 * megabytes that say 10 KB and hold gigabytes) is stopped at the first chunk past its word, and the
 * archive as a whole at `maxBytes`, whatever its headers say.
 *
 * exceljs reads the same bytes afterwards with its own zip reader (JSZip), so anything two readers
 * could read differently is refused as broken: zip64, encryption, several disks, compression other
 * than stored/deflate, data before or after the archive, local headers that disagree with the
 * central directory, names that are not UTF-8 or that carry a second name in an extra field.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  rawName: Buffer;
}

export type ZipRefusal = 'broken' | 'too-big';

/** Receives an entry's inflated bytes; returning anything stops the reading with that refusal. */
export interface EntrySink<R> {
  write(chunk: Buffer): R | undefined;
  end(): R | undefined;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ENCRYPTED = 0x0001 | 0x0040;
const DATA_DESCRIPTOR = 0x0008;
const UTF8_NAME = 0x0800;
const UNICODE_PATH_EXTRA = 0x7075;
const CHUNK = 64 * 1024;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The central directory's entries (nothing inflated yet), or why the archive is refused. */
export function zipEntries(buf: Buffer, maxEntries: number): ZipEntry[] | ZipRefusal {
  const eocd = lastEndOfCentralDirectory(buf);
  if (eocd < 0) return 'broken';
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  // One disk, and the directory ends where the end record starts (JSZip would otherwise shift offsets).
  if (buf.readUInt32LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 8) !== count) return 'broken';
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return 'broken';
  if (cdOffset + cdSize !== eocd) return 'broken';
  if (count > maxEntries) return 'too-big';
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) return 'broken';
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const end = p + 46 + nameLen + extraLen + buf.readUInt16LE(p + 32);
    if (end > eocd) return 'broken';
    const entry: ZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      offset: buf.readUInt32LE(p + 42),
      rawName: buf.subarray(p + 46, p + 46 + nameLen),
      name: '',
    };
    if (entry.flags & ENCRYPTED || (entry.method !== 0 && entry.method !== 8)) return 'broken';
    if (buf.readUInt16LE(p + 34) !== 0) return 'broken';
    if ([entry.compressed, entry.size, entry.offset].includes(0xffffffff)) return 'broken';
    if (entry.method === 0 && entry.compressed !== entry.size) return 'broken';
    if (!(entry.flags & UTF8_NAME) && hasExtra(buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen)))
      return 'broken';
    try {
      entry.name = strictUtf8.decode(entry.rawName);
    } catch {
      return 'broken';
    }
    entries.push(entry);
    p = end;
  }
  // JSZip reads directory records for as long as they come, whatever the count says.
  return p === eocd ? entries : 'broken';
}

/** The end record JSZip would use (the last signature in the file), if it closes the file exactly. */
function lastEndOfCentralDirectory(buf: Buffer): number {
  for (let i = buf.length - 4; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) !== EOCD) continue;
    return i + 22 <= buf.length && i + 22 + buf.readUInt16LE(i + 20) === buf.length ? i : -1;
  }
  return -1;
}

function hasExtra(extra: Buffer): boolean {
  for (let p = 0; p + 4 <= extra.length; p += 4 + extra.readUInt16LE(p + 2))
    if (extra.readUInt16LE(p) === UNICODE_PATH_EXTRA) return true;
  return false;
}

/**
 * Inflates every entry in turn, handing the output to `open(entry)`'s sink (or only counting it
 * when `open` returns null). Stops at the first refusal: an entry that inflates to more than it
 * declares or more than `maxBytes` in all is 'too-big'; one that inflates to less, fails its CRC or
 * does not inflate is 'broken'.
 */
export async function inflateEntries<R>(
  buf: Buffer,
  entries: readonly ZipEntry[],
  maxBytes: number,
  open: (entry: ZipEntry) => EntrySink<R> | null,
): Promise<ZipRefusal | R | undefined> {
  let total = 0;
  for (const entry of entries) {
    const start = dataStart(buf, entry);
    if (start < 0 || start + entry.compressed > buf.length) return 'broken';
    const data = buf.subarray(start, start + entry.compressed);
    const sink = open(entry);
    let produced = 0;
    let crc = 0;
    try {
      for await (const chunk of entry.method === 8 ? inflated(data) : slices(data)) {
        produced += chunk.length;
        total += chunk.length;
        if (produced > entry.size || total > maxBytes) return 'too-big';
        crc = crc32(chunk, crc);
        const refused = sink?.write(chunk);
        if (refused !== undefined) return refused;
      }
    } catch {
      return 'broken';
    }
    if (produced !== entry.size || crc !== entry.crc) return 'broken';
    const refused = sink?.end();
    if (refused !== undefined) return refused;
  }
  return undefined;
}

/** Where an entry's data starts, after a local header that must agree with the central directory. */
function dataStart(buf: Buffer, e: ZipEntry): number {
  const p = e.offset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) return -1;
  const flags = buf.readUInt16LE(p + 6);
  if (flags & ENCRYPTED || buf.readUInt16LE(p + 8) !== e.method) return -1;
  const nameLen = buf.readUInt16LE(p + 26);
  if (p + 30 + nameLen > buf.length || !buf.subarray(p + 30, p + 30 + nameLen).equals(e.rawName)) return -1;
  const local = [buf.readUInt32LE(p + 14), buf.readUInt32LE(p + 18), buf.readUInt32LE(p + 22)];
  const central = [e.crc, e.compressed, e.size];
  // With a data descriptor the local header may leave the sizes and CRC at zero; otherwise they agree.
  const agrees = local.every((v, i) => v === central[i] || (e.flags & DATA_DESCRIPTOR && v === 0));
  return agrees ? p + 30 + nameLen + buf.readUInt16LE(p + 28) : -1;
}

function inflated(data: Buffer): AsyncIterable<Buffer> {
  const inflater = createInflateRaw({ chunkSize: CHUNK });
  inflater.end(data);
  return inflater;
}

function* slices(data: Buffer): Iterable<Buffer> {
  for (let i = 0; i < data.length; i += CHUNK) yield data.subarray(i, i + CHUNK);
}
