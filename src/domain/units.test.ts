import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import {
  compatibleUnits,
  convert,
  inTargetUnit,
  parseUnit,
  parseValueWithUnit,
  toTargetUnit,
  tryConvert,
} from './units';

function thrown(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('parseUnit', () => {
  // Every base unit the documents use (新开通5G基站3000个, 30家左右, 100项, 106处, 50条, 20所, 1500套,
  // 10万户, 20场, 35万人, 1247公里, 6万亩, 1000万平方米, 700万千瓦, 2450亿元, 8000P, 12%).
  it.each(['个', '家', '项', '处', '条', '所', '套', '户', '场', '人', '公里', '亩', '平方米', '千瓦', '元', 'P', '%'])(
    '%s is a base unit (factor 1)',
    (u) => {
      expect(parseUnit(u)).toEqual({ written: u, base: u, factor: 1 });
    },
  );

  it.each([
    ['万人', '人', 1e4], // 城镇新增就业35万人
    ['亿元', '元', 1e8], // 完成投资2450亿元
    ['万亿元', '元', 1e12],
    ['万平方米', '平方米', 1e4], // 新增绿色建筑1000万平方米
    ['万千瓦', '千瓦', 1e4], // 新能源和可再生能源装机达到700万千瓦
    ['万亩', '亩', 1e4], // 完成森林质量精准提升6万亩
    ['万户', '户', 1e4], // 完成非直供电小区改造10万户
    ['万家', '家', 1e4], // 科技型企业达到1.5万家
    ['万个', '个', 1e4], // 开通5G基站数4.6万个
    ['千人', '人', 1e3],
    ['千万元', '元', 1e7],
  ])('%s = %s × %d', (written, base, factor) => {
    expect(parseUnit(written)).toEqual({ written, base, factor });
  });

  it('does not read 千瓦 (kW) as 千 × 瓦, and knows 千米 = 公里 and PFLOPS = P', () => {
    expect(parseUnit('千瓦').base).toBe('千瓦');
    expect(parseUnit('千瓦时')).toMatchObject({ base: '千瓦时', factor: 1 });
    expect(parseUnit('千米')).toMatchObject({ base: '公里', factor: 1 });
    expect(parseUnit('PFLOPS')).toMatchObject({ base: 'P', factor: 1 });
    expect(parseUnit('个百分点')).toMatchObject({ base: 'pp', factor: 1 });
  });

  it.each(['', '  ', '万', '亿', '万亿', '万%', '3个', '万 人'])('refuses %j with invalid_unit', (u) => {
    const e = thrown(() => parseUnit(u));
    expect(e.code).toBe('invalid_unit');
    expect(e.message).toContain('无法识别的单位');
  });
});

describe('convert', () => {
  it('35万人 = 350000人 and back', () => {
    expect(convert(35, '万人', '人')).toBe(350000);
    expect(convert(350000, '人', '万人')).toBe(35);
  });

  it('2450亿元 = 0.245万亿元 (not 0.0245, not 24.5)', () => {
    expect(convert(2450, '亿元', '万亿元')).toBe(0.245);
    expect(convert(0.245, '万亿元', '亿元')).toBe(2450);
    expect(convert(2450, '亿元', '万元')).toBe(24_500_000);
    expect(convert(2450, '亿元', '元')).toBe(245_000_000_000);
  });

  it('converts the other prefixed units of the documents', () => {
    expect(convert(700, '万千瓦', '千瓦')).toBe(7_000_000);
    expect(convert(1000, '万平方米', '平方米')).toBe(10_000_000);
    expect(convert(6, '万亩', '亩')).toBe(60_000);
    expect(convert(4.6, '万个', '个')).toBeCloseTo(46_000, 9);
    expect(convert(1247, '公里', '千米')).toBe(1247);
    expect(convert(8000, 'P', 'PFLOPS')).toBe(8000);
  });

  it('returns the value unchanged between equal units', () => {
    expect(convert(12.5, '%', '%')).toBe(12.5);
    expect(convert(-3, '亿元', '亿元')).toBe(-3);
  });

  it('refuses 亿元 vs 个 with incompatible_units and a Chinese message', () => {
    const e = thrown(() => convert(2450, '亿元', '个'));
    expect(e.code).toBe('incompatible_units');
    expect(e.message).toBe('单位不兼容：“亿元”不能换算为“个”');
    expect(e.messageEn).toContain('Incompatible units');
    expect(thrown(() => convert(35, '万人', '人次')).code).toBe('incompatible_units');
    expect(thrown(() => convert(1, '家', '个')).code).toBe('incompatible_units');
  });

  it('refuses non-finite values and results that overflow', () => {
    expect(thrown(() => convert(Number.NaN, '万人', '人')).code).toBe('invalid_value');
    expect(thrown(() => convert(Number.POSITIVE_INFINITY, '亿元', '元')).code).toBe('invalid_value');
    // 1e300 亿元 = 1e308 元 still fits a double; 1e301 亿元 does not.
    expect(convert(1e300, '亿元', '元')).toBe(1e308);
    expect(thrown(() => convert(1e301, '亿元', '元')).code).toBe('invalid_value');
  });

  it('refuses unknown units with invalid_unit', () => {
    expect(thrown(() => convert(1, '万', '个')).code).toBe('invalid_unit');
  });
});

describe('into the target’s unit', () => {
  it('keeps a value given in the target’s unit or in none, and converts the rest', () => {
    expect(inTargetUnit(35, '', '万人')).toEqual({ ok: true, value: 35 });
    expect(inTargetUnit(35, '万人', '万人')).toEqual({ ok: true, value: 35 });
    expect(inTargetUnit(350000, '人', '万人')).toEqual({ ok: true, value: 35 });
    expect(toTargetUnit(2450, '亿元', '万亿元')).toBe(0.245);
  });

  it('says why a value cannot be converted, with the units, for the person who typed it', () => {
    expect(inTargetUnit(1, '万元', '个')).toEqual({
      ok: false,
      issue: { code: 'incompatible_units', params: { from: '万元', to: '个' } },
    });
    expect(tryConvert(1, '万', '个')).toEqual({ ok: false, issue: { code: 'invalid_unit', params: { unit: '万' } } });
    expect(tryConvert(1, '个', '万%')).toEqual({ ok: false, issue: { code: 'invalid_unit', params: { unit: '万%' } } });
    expect(tryConvert(Number.NaN, '万人', '人')).toEqual({
      ok: false,
      issue: { code: 'invalid_value', params: { value: 'NaN' } },
    });
    expect(tryConvert(1e301, '亿元', '元')).toEqual({
      ok: false,
      issue: { code: 'value_too_large', params: { from: '亿元', to: '元', value: '1e+301' } },
    });
  });

  it('throws what convert throws when it cannot', () => {
    expect(thrown(() => toTargetUnit(1, '万元', '个')).message).toBe('单位不兼容：“万元”不能换算为“个”');
    expect(thrown(() => toTargetUnit(1e301, '亿元', '元')).code).toBe('invalid_value');
  });

  it('agrees with convert wherever convert answers', () => {
    const units = ['', '人', '万人', '亿人', '元', '亿元', '个'];
    fc.assert(
      fc.property(
        fc.constantFrom(...units),
        fc.constantFrom(...units.filter(Boolean)),
        fc.double({ noNaN: true }),
        (from, to, x) => {
          const r = inTargetUnit(x, from, to);
          let expected: number | null;
          try {
            expected = from === '' || from === to ? x : convert(x, from, to);
          } catch {
            expected = null;
          }
          expect(r.ok ? r.value : null).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('compatibleUnits', () => {
  it('is true within a base unit and false across, never throwing', () => {
    expect(compatibleUnits('亿元', '万亿元')).toBe(true);
    expect(compatibleUnits('万人', '人')).toBe(true);
    expect(compatibleUnits('千米', '公里')).toBe(true);
    expect(compatibleUnits('亿元', '个')).toBe(false);
    expect(compatibleUnits('千瓦', '瓦')).toBe(false);
    expect(compatibleUnits('万', '万')).toBe(false);
  });
});

describe('conversion properties', () => {
  const prefixes = ['', '千', '万', '亿', '万亿', '千万'];
  const bases = ['人', '元', '个', '平方米', '千瓦', '亩', '户', '公里'];
  const compatiblePair = fc
    .tuple(fc.constantFrom(...bases), fc.constantFrom(...prefixes), fc.constantFrom(...prefixes))
    .map(([b, p, q]) => [`${p}${b}`, `${q}${b}`] as const);

  it('round-trips: convert(convert(x, a, b), b, a) ≈ x', () => {
    fc.assert(
      fc.property(compatiblePair, fc.double({ min: -1e12, max: 1e12, noNaN: true }), ([a, b], x) => {
        const back = convert(convert(x, a, b), b, a);
        expect(Math.abs(back - x)).toBeLessThanOrEqual(Math.abs(x) * 1e-12 + 1e-300); // subnormals may underflow
      }),
      { numRuns: 400 },
    );
  });

  it('is consistent with the factors: x a = (x × fa / fb) b', () => {
    fc.assert(
      fc.property(compatiblePair, fc.integer({ min: -1e6, max: 1e6 }), ([a, b], x) => {
        const expected = (x * parseUnit(a).factor) / parseUnit(b).factor;
        expect(Math.abs(convert(x, a, b) - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses every incompatible pair', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.constantFrom(...bases),
        fc.constantFrom(...prefixes),
        fc.constantFrom(...prefixes),
        (b1, b2, p, q) => {
          fc.pre(b1 !== b2);
          expect(thrown(() => convert(1, `${p}${b1}`, `${q}${b2}`)).code).toBe('incompatible_units');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('parseValueWithUnit', () => {
  it.each([
    ['20家', '家', 20, '家'],
    ['20 家', '家', 20, '家'],
    ['1.2万人', '人', 1.2, '万人'],
    ['1.2万人', '万人', 1.2, '万人'],
    ['35万', '万人', 35, '万人'], // a bare magnitude counts in the target's base unit
    ['35万', '人', 35, '万人'],
    ['3,500亿元', '亿元', 3500, '亿元'],
    ['3,500 亿元', '万亿元', 3500, '亿元'],
    ['2450亿', '亿元', 2450, '亿元'],
    ['700万千瓦', '千瓦', 700, '万千瓦'],
    ['8%', '%', 8, '%'],
    ['1247千米', '公里', 1247, '千米'],
    ['１２', '家', 12, ''], // 全角 digits
    ['１２家', '家', 12, '家'],
    ['３，５００亿元', '亿元', 3500, '亿元'],
    ['1.5e3', '个', 1500, ''],
    ['78', '项', 78, ''],
    ['-3.5', '%', -3.5, ''],
    ['-0', '%', 0, ''],
  ])('reads %j against %s as %d in %j', (text, target, value, unit) => {
    expect(parseValueWithUnit(text, target)).toEqual({ ok: true, value, unit });
  });

  it('converts to the target’s unit through inTargetUnit', () => {
    const r = parseValueWithUnit('1.2万人', '人');
    expect(r.ok && inTargetUnit(r.value, r.unit, '人')).toEqual({ ok: true, value: 12000 });
  });

  it('refuses a unit that does not convert, naming the text, the unit and the target’s unit', () => {
    expect(parseValueWithUnit('20公里', '家')).toEqual({
      ok: false,
      issue: { code: 'unit_in_value', params: { text: '20公里', unit: '公里', target: '家' } },
    });
    expect(parseValueWithUnit(' 35万 ', '%')).toEqual({
      ok: false,
      issue: { code: 'unit_in_value', params: { text: '35万', unit: '万', target: '%' } },
    });
    expect(parseValueWithUnit('5%', '家')).toMatchObject({ ok: false, issue: { code: 'unit_in_value' } });
    expect(parseValueWithUnit('30家左右', '家')).toMatchObject({ ok: false, issue: { code: 'unit_in_value' } });
    expect(parseValueWithUnit('20家', '个')).toMatchObject({ ok: false, issue: { code: 'unit_in_value' } });
  });

  it('says when there is nothing, or no number, or a number too large', () => {
    expect(parseValueWithUnit('', '家')).toEqual({ ok: false, issue: { code: 'required' } });
    expect(parseValueWithUnit('   ', '家')).toEqual({ ok: false, issue: { code: 'required' } });
    expect(parseValueWithUnit('abc', '家')).toEqual({ ok: false, issue: { code: 'not_number' } });
    expect(parseValueWithUnit('二十家', '家')).toEqual({ ok: false, issue: { code: 'not_number' } });
    expect(parseValueWithUnit('1,2', '家')).toEqual({ ok: false, issue: { code: 'not_number' } });
    expect(parseValueWithUnit('1.2.3', '家')).toEqual({ ok: false, issue: { code: 'not_number' } });
    expect(parseValueWithUnit('1e999', '家')).toEqual({ ok: false, issue: { code: 'number_out_of_range' } });
    expect(parseValueWithUnit('1e301亿元', '元')).toEqual({ ok: false, issue: { code: 'number_out_of_range' } });
  });

  it('reads back any figure written with any unit of the target’s base', () => {
    const prefixes = ['', '千', '万', '亿', '万亿'];
    fc.assert(
      fc.property(
        fc.constantFrom('人', '元', '个', '家'),
        fc.constantFrom(...prefixes),
        fc.constantFrom(...prefixes),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        (base, p, q, x) => {
          const r = parseValueWithUnit(`${x}${p}${base}`, `${q}${base}`);
          expect(r).toEqual({ ok: true, value: x, unit: `${p}${base}` });
        },
      ),
      { numRuns: 300 },
    );
  });
});
