import type { Locale } from '../../domain/format';
import type { UnknownFilter } from '../../domain/query';
import { SECTOR_IDS, type SectorId } from '../../domain/schemas';
import { includePendingOf } from '../../stores/url-state';

export const FIT_MODES = ['contain', 'width', 'stretch'] as const;
export type FitMode = (typeof FIT_MODES)[number];

/**
 * Everything a wall PC needs, read from its bookmark: `/screen?rotate=20&refresh=60&fit=contain&
 * plan=…&district=…&sectors=demand,marine&rankings=1&supervision=1&lang=zh&loops=10&nightly=03:30&includePending=1`.
 */
export interface ScreenConfig {
  /** How long each slide stays, ms (already divided by `speed`). */
  rotateMs: number;
  /** How often the data is fetched again, ms (already divided by `speed`). */
  refreshMs: number;
  fit: FitMode;
  plan: string | undefined;
  district: string | undefined;
  /** A frozen as-of date for a presentation; absent = the newest data. */
  asOf: string | undefined;
  /** Sector slides, in the order given; all ten when the URL names none. */
  sectors: SectorId[];
  /**
   * A sector in `sectors=` that is none of the ten: the wall says so rather than showing other
   * sectors (plan and district are checked by the API, which answers 400 for an unknown one).
   */
  unknown: UnknownFilter | null;
  /** The department league (达标率) joins the playlist after the warnings: `rankings=1`. */
  rankings: boolean;
  /** 逾期督办事项 (issue 24) join the playlist at its end: `supervision=1`. */
  supervision: boolean;
  /**
   * "含待审核" (`includePending=1`): figures waiting for review count too, marked 初报, and the header
   * says so. Absent: approved figures only, as every read.
   */
  includePending: true | undefined;
  lang: Locale | undefined;
  /** Reload the page after this many complete loops of the playlist (0 = never). */
  loops: number;
  /** Reload once a day at this Asia/Shanghai time, minutes after midnight (null = never). */
  nightlyMinute: number | null;
  /** Test hook: every timer runs this many times faster. Only with `debug=1`. */
  speed: number;
  debug: boolean;
}

export const DEFAULTS = { rotate: 20, refresh: 60, loops: 10, nightly: '03:30' } as const;

function seconds(raw: string | null, fallback: number, min: number, max: number): number {
  const n = raw === null ? Number.NaN : Number(raw);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}

function parseSectors(raw: string | null): SectorId[] {
  if (!raw) return [...SECTOR_IDS];
  const wanted = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is SectorId => (SECTOR_IDS as readonly string[]).includes(s));
  const unique = [...new Set(wanted)];
  return unique.length > 0 ? unique : [...SECTOR_IDS];
}

function unknownSector(raw: string | null): UnknownFilter | null {
  const value = raw
    ?.split(',')
    .map((s) => s.trim())
    .find((s) => s && !(SECTOR_IDS as readonly string[]).includes(s));
  return value ? { param: 'sector', value, allowed: SECTOR_IDS } : null;
}

function parseLang(raw: string | null): Locale | undefined {
  if (raw === null) return undefined;
  const v = raw.toLowerCase();
  if (v === 'zh' || v === 'zh-cn') return 'zh-CN';
  if (v === 'en') return 'en';
  return undefined;
}

/** `03:30` → 210; `off` → null; anything unreadable → the default. */
function parseNightly(raw: string | null): number | null {
  const text = raw ?? DEFAULTS.nightly;
  if (text === 'off' || text === '0' || text === 'false') return null;
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || h > 23 || min > 59) return parseNightly(DEFAULTS.nightly);
  return h * 60 + min;
}

const switchOn = (raw: string | null) => ['1', 'true', 'on', 'yes'].includes(raw?.trim().toLowerCase() ?? '');

const text = (raw: string | null) => {
  const v = raw?.trim();
  return v ? v : undefined;
};

/**
 * A mistyped bookmark still shows a working screen: every setting is clamped or falls back to its
 * default. A filter is not a setting: one naming nothing is reported (`unknown`), never replaced by
 * a default that would show something else as if it were asked for. Below 3 s a slide cannot be
 * read and below 10 s refreshes only load the server, so those floors give way only in debug mode
 * (the soak bench).
 */
export function parseScreenConfig(search: URLSearchParams): ScreenConfig {
  const debug = search.get('debug') === '1';
  const speed = debug ? seconds(search.get('speed'), 1, 0.1, 1000) : 1;
  const rotate = seconds(search.get('rotate'), DEFAULTS.rotate, debug ? 0.1 : 3, 3600);
  const refresh = seconds(search.get('refresh'), DEFAULTS.refresh, debug ? 0.1 : 10, 86_400);
  const fit = search.get('fit');
  const asOf = text(search.get('asOf'));
  return {
    rotateMs: (rotate * 1000) / speed,
    refreshMs: (refresh * 1000) / speed,
    fit: (FIT_MODES as readonly string[]).includes(fit ?? '') ? (fit as FitMode) : 'contain',
    plan: text(search.get('plan')),
    district: text(search.get('district')),
    asOf: asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined,
    sectors: parseSectors(search.get('sectors')),
    unknown: unknownSector(search.get('sectors')),
    rankings: switchOn(search.get('rankings')),
    supervision: switchOn(search.get('supervision')),
    includePending: includePendingOf(search.get('includePending')),
    lang: parseLang(search.get('lang')),
    loops: Math.round(seconds(search.get('loops'), DEFAULTS.loops, 0, 100_000)),
    nightlyMinute: parseNightly(search.get('nightly')),
    speed,
    debug,
  };
}
