import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvFile, excelSerialToIso, exportCell, exportText, parseDateText, parseNumberText } from './cells';
import { weekStart } from './write-api';

describe('spreadsheet cells', () => {
  it('reads numbers the way people type them, and refuses the rest with a reason', () => {
    expect(parseNumberText('12,345.6')).toEqual({ ok: true, value: 12345.6 });
    expect(parseNumberText('１２，３４５．６')).toEqual({ ok: true, value: 12345.6 });
    expect(parseNumberText(' -3 ')).toEqual({ ok: true, value: -3 });
    expect(parseNumberText('四百')).toEqual({ ok: false, code: 'not_number' });
    expect(parseNumberText('1,23')).toEqual({ ok: false, code: 'not_number' });
    expect(parseNumberText('=1+1')).toEqual({ ok: false, code: 'not_number' });
    expect(parseNumberText('12%')).toEqual({ ok: false, code: 'percent_sign' });
    expect(parseNumberText('1e999')).toEqual({ ok: false, code: 'number_out_of_range' });
    expect(parseNumberText(' ')).toEqual({ ok: false, code: 'required' });
  });

  it('round-trips every integer through a grouped spelling', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const grouped = n.toLocaleString('en-US');
        expect(parseNumberText(grouped)).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('reads dates in the usual spellings and Excel serials', () => {
    for (const s of [
      '2025-06-30',
      '2025/6/30',
      '2025.6.30',
      '2025年6月30日',
      '20250630',
      '２０２５－０６－３０',
      '45838',
    ])
      expect(parseDateText(s), s).toEqual({ ok: true, value: '2025-06-30' });
    expect(parseDateText('2025-02-30')).toEqual({ ok: false, code: 'no_such_date', params: { text: '2025-02-30' } });
    expect(parseDateText('下周')).toEqual({ ok: false, code: 'date_spelling' });
    expect(excelSerialToIso(45658)).toEqual({ ok: true, value: '2025-01-01' });
    expect(excelSerialToIso(12)).toMatchObject({ ok: false });
  });

  it('neutralises formula injection in text written to files', () => {
    expect(exportText('=cmd|"/c calc"!A1')).toBe(`'=cmd|"/c calc"!A1`);
    expect(exportText('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(exportText('+1')).toBe(`'+1`);
    expect(exportText('-2')).toBe(`'-2`);
    expect(exportText('\t=1')).toBe(`'\t=1`);
    expect(exportText('新增就业')).toBe('新增就业');
    expect(exportText('x'.repeat(40_000))).toHaveLength(32_767);
    expect(exportCell(-2)).toBe(-2);
    expect(exportCell(undefined)).toBeNull();
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(
      csvFile([
        ['a', 1],
        ['-b', null],
      ]),
    ).toBe("\uFEFFa,1\r\n'-b,\r\n");
  });

  it('starts weeks on Monday', () => {
    expect(weekStart('2026-01-05')).toBe('2026-01-05');
    expect(weekStart('2026-01-11')).toBe('2026-01-05');
    expect(weekStart('2025-12-31')).toBe('2025-12-29');
  });
});
