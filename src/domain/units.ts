import { normalizeText } from './cells';
import { DomainError } from './errors';
import type { Issue } from './issues';

/**
 * Units as the documents write them: a base unit (人, 元, 个, 公里, 千瓦, P, %…) with an optional
 * magnitude prefix (千, 万, 亿, 万亿). Two units convert when their base units are the same;
 * anything else is refused: with an issue (a code and the units) for a person's input, with a
 * DomainError where a bad unit is a bug or bad data.
 *
 * The one place values change unit: every "value in the target's unit" goes through
 * `inTargetUnit`/`toTargetUnit` below.
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

/** Why a value cannot be converted, for the person who typed it (worded by `src/i18n`). */
export type UnitIssue = Issue & {
  code: 'invalid_unit' | 'incompatible_units' | 'invalid_value' | 'value_too_large';
};
export type Converted = { ok: true; value: number } | { ok: false; issue: UnitIssue };

function unitOf(written: string): ParsedUnit | null {
  try {
    return parseUnit(written);
  } catch {
    return null;
  }
}

/** `value` written in `from`, in `to`: 35 万人 → 350000 人, or the issue that stops it. */
export function tryConvert(value: number, from: string, to: string): Converted {
  if (!Number.isFinite(value)) return { ok: false, issue: { code: 'invalid_value', params: { value: String(value) } } };
  const f = unitOf(from);
  if (!f) return { ok: false, issue: { code: 'invalid_unit', params: { unit: from } } };
  const t = unitOf(to);
  if (!t) return { ok: false, issue: { code: 'invalid_unit', params: { unit: to } } };
  if (f.base !== t.base) return { ok: false, issue: { code: 'incompatible_units', params: { from, to } } };
  if (f.factor === t.factor) return { ok: true, value };
  // Divide by the larger factor last to keep 2450亿元 → 0.245万亿元 exact in binary as far as possible.
  const result = f.factor >= t.factor ? value * (f.factor / t.factor) : value / (t.factor / f.factor);
  if (!Number.isFinite(result))
    return { ok: false, issue: { code: 'value_too_large', params: { from, to, value: String(value) } } };
  return { ok: true, value: result };
}

/** The same as a DomainError (bad data or a bug, for logs and programmers, not for a form). */
function unitError(issue: UnitIssue): DomainError {
  const p = issue.params ?? {};
  switch (issue.code) {
    case 'invalid_unit':
      return invalidUnit(String(p.unit));
    case 'incompatible_units':
      return new DomainError(
        'incompatible_units',
        `单位不兼容：“${p.from}”不能换算为“${p.to}”`,
        `Incompatible units: "${p.from}" cannot be converted to "${p.to}"`,
      );
    case 'invalid_value':
      return new DomainError('invalid_value', `数值无效：${p.value}`, `Invalid value: ${p.value}`);
    case 'value_too_large':
      return new DomainError(
        'invalid_value',
        `数值过大，无法从“${p.from}”换算为“${p.to}”：${p.value}`,
        `Value too large to convert from "${p.from}" to "${p.to}": ${p.value}`,
      );
  }
}

/** Convert `value` written in `from` into `to`, e.g. 35 万人 → 350000 人 (DomainError when it cannot be). */
export function convert(value: number, from: string, to: string): number {
  const r = tryConvert(value, from, to);
  if (!r.ok) throw unitError(r.issue);
  return r.value;
}

/** A value written in `unit` ('' or the target's own unit: as it is) in the target's unit `targetUnit`. */
export function inTargetUnit(value: number, unit: string, targetUnit: string): Converted {
  return unit === '' || unit === targetUnit ? { ok: true, value } : tryConvert(value, unit, targetUnit);
}

/** `inTargetUnit`, throwing a DomainError when the units do not match. */
export function toTargetUnit(value: number, unit: string, targetUnit: string): number {
  const r = inTargetUnit(value, unit, targetUnit);
  if (!r.ok) throw unitError(r.issue);
  return r.value;
}

/** A value as a person types it, with or without its unit: 20家, 1.2万人, 3,500 亿元, 35万. */
export type ValueWithUnit =
  | {
      ok: true;
      /** In `unit`. */
      value: number;
      /** The unit written after the number ('' when none was: the target's unit). */
      unit: string;
    }
  | { ok: false; issue: Issue & { code: 'required' | 'not_number' | 'number_out_of_range' | 'unit_in_value' } };

/** A number (plain, 1.5e3, or grouped by thousands, 3,500.5) and whatever follows it. */
const NUMBER_THEN_REST = /^([+-]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?))(.*)$/;

/**
 * A bare magnitude (35万) counts in the target's base unit: 35万 of a target in 人 or in 万人 is 35万人.
 * Anything else is the unit as written.
 */
function unitWithTargetBase(written: string, targetUnit: string): string {
  if (!PREFIXES.some(([p]) => p === written)) return written;
  const base = unitOf(targetUnit)?.base;
  return base === undefined ? written : `${written}${base}`;
}

/**
 * Reads a value typed with its unit (“20家”, “1.2万人”, “３，５００亿元”, “35万”) against the target's
 * unit: accepted when the unit is the target's or converts to it, refused with `unit_in_value`
 * (the text, the unit written and the target's) when it does not.
 */
export function parseValueWithUnit(text: string, targetUnit: string): ValueWithUnit {
  // 全角 digits and punctuation (１２，３４５．６) read as ASCII; spaces (3,500 亿元) as nothing.
  const s = normalizeText(text).replace(/\s+/g, '');
  if (s === '') return { ok: false, issue: { code: 'required' } };
  const m = NUMBER_THEN_REST.exec(s);
  const rest = m?.[2] ?? '';
  // 1,2 or 12abc3: digits after the number are a typo, not a unit.
  if (!m?.[1] || /\d/.test(rest)) return { ok: false, issue: { code: 'not_number' } };
  const n = Number(m[1].replaceAll(',', ''));
  if (!Number.isFinite(n)) return { ok: false, issue: { code: 'number_out_of_range' } };
  const value = Object.is(n, -0) ? 0 : n;
  if (rest === '') return { ok: true, value, unit: '' };
  const unit = unitWithTargetBase(rest, targetUnit);
  const converted = inTargetUnit(value, unit, targetUnit);
  if (converted.ok) return { ok: true, value, unit };
  if (converted.issue.code === 'value_too_large') return { ok: false, issue: { code: 'number_out_of_range' } };
  return { ok: false, issue: { code: 'unit_in_value', params: { text: text.trim(), unit: rest, target: targetUnit } } };
}
