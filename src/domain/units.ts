import { DomainError } from './errors';

/**
 * Units as the documents write them: a base unit (人, 元, 个, 公里, 千瓦, P, %…) with an optional
 * magnitude prefix (千, 万, 亿, 万亿). Two units convert when their base units are the same;
 * anything else is refused with a Chinese message.
 */
export interface ParsedUnit {
  /** As written, e.g. `万人`. */
  readonly written: string;
  /** The base unit, e.g. `人`. */
  readonly base: string;
  /** How many base units one written unit is, e.g. 10000. */
  readonly factor: number;
}

/** Units whose first character looks like a prefix but is not (千瓦 is kW, 万元 is not one of them). */
const BASE_UNITS_WITH_PREFIX_CHARS = ['千瓦', '千米', '千克', '千瓦时'];
const PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['万亿', 1e12],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
  ['百', 1e2],
];
/** Spellings that mean the same base unit. */
const BASE_ALIASES: Record<string, string> = {
  千米: '公里',
  PFLOPS: 'P',
  'P（PFLOPS）': 'P',
  个百分点: 'pp',
};
/** Bases that carry no magnitude prefix (a "万%" is not a thing). */
const UNPREFIXABLE = new Set(['%', 'pp']);

const invalidUnit = (written: string) =>
  new DomainError('invalid_unit', `无法识别的单位：“${written}”`, `Unrecognised unit "${written}"`);

export function parseUnit(written: string): ParsedUnit {
  const unit = written.trim();
  if (unit === '' || /\s|\d/.test(unit)) throw invalidUnit(written);
  if (BASE_UNITS_WITH_PREFIX_CHARS.some((b) => unit === b)) {
    return { written, base: BASE_ALIASES[unit] ?? unit, factor: 1 };
  }
  for (const [prefix, factor] of PREFIXES) {
    if (unit.startsWith(prefix) && unit.length > prefix.length) {
      const rest = parseUnit(unit.slice(prefix.length));
      if (UNPREFIXABLE.has(rest.base)) throw invalidUnit(written);
      return { written, base: rest.base, factor: factor * rest.factor };
    }
  }
  if (PREFIXES.some(([p]) => p === unit)) throw invalidUnit(written);
  return { written, base: BASE_ALIASES[unit] ?? unit, factor: 1 };
}

export function compatibleUnits(a: string, b: string): boolean {
  try {
    return parseUnit(a).base === parseUnit(b).base;
  } catch {
    return false;
  }
}

/** Convert `value` written in `from` into `to`, e.g. 35 万人 → 350000 人. */
export function convert(value: number, from: string, to: string): number {
  if (!Number.isFinite(value)) {
    throw new DomainError('invalid_value', `数值无效：${String(value)}`, `Invalid value: ${String(value)}`);
  }
  const f = parseUnit(from);
  const t = parseUnit(to);
  if (f.base !== t.base) {
    throw new DomainError(
      'incompatible_units',
      `单位不兼容：“${from}”不能换算为“${to}”`,
      `Incompatible units: "${from}" cannot be converted to "${to}"`,
    );
  }
  if (f.factor === t.factor) return value;
  // Divide by the larger factor last to keep 2450亿元 → 0.245万亿元 exact in binary as far as possible.
  const result = f.factor >= t.factor ? value * (f.factor / t.factor) : value / (t.factor / f.factor);
  if (!Number.isFinite(result)) {
    throw new DomainError(
      'invalid_value',
      `数值过大，无法从“${from}”换算为“${to}”：${String(value)}`,
      `Value too large to convert from "${from}" to "${to}": ${String(value)}`,
    );
  }
  return result;
}
