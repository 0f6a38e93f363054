import type { SectorSummary } from '../../domain/api';
import { SECTOR_IDS } from '../../domain/schemas';
import { computeFit } from './fit';
import { buildPlaylist, byAttention } from './playlist';
import { parseScreenConfig } from './screen-config';
import { nextDailyInstant } from './wall-clock';

const parse = (q: string) => parseScreenConfig(new URLSearchParams(q));

describe('screen URL', () => {
  it('has working defaults for a bare /screen', () => {
    const c = parse('');
    expect(c).toMatchObject({ rotateMs: 20_000, refreshMs: 60_000, fit: 'contain', loops: 10, speed: 1 });
    expect(c.sectors).toEqual([...SECTOR_IDS]);
    expect(c.nightlyMinute).toBe(3 * 60 + 30);
    expect(c.lang).toBeUndefined();
  });

  it('reads a full bookmark', () => {
    const c = parse(
      'rotate=30&refresh=120&fit=width&plan=qd-2025&district=崂山区&sectors=marine,demand,nonsense,marine&lang=en&loops=3&nightly=04:15',
    );
    expect(c).toMatchObject({
      rotateMs: 30_000,
      refreshMs: 120_000,
      fit: 'width',
      plan: 'qd-2025',
      district: '崂山区',
      lang: 'en',
      loops: 3,
      nightlyMinute: 4 * 60 + 15,
    });
    expect(c.sectors).toEqual(['marine', 'demand']);
    // The slides it can show are kept, but the wall is told of the sector it cannot.
    expect(c.unknown).toEqual({ param: 'sector', value: 'nonsense', allowed: [...SECTOR_IDS] });
    expect(parse('sectors=marine,demand').unknown).toBeNull();
    expect(parse('').unknown).toBeNull();
  });

  it('clamps unusable values instead of failing', () => {
    const c = parse('rotate=0.5&refresh=1&fit=zoom&sectors=nothing&lang=fr&nightly=25:99&loops=-4&speed=100');
    expect(c.rotateMs).toBe(3_000);
    expect(c.refreshMs).toBe(10_000);
    expect(c.fit).toBe('contain');
    expect(c.sectors).toHaveLength(10);
    expect(c.lang).toBeUndefined();
    expect(c.nightlyMinute).toBe(210);
    expect(c.loops).toBe(0);
    // speed is a test hook: ignored without debug=1
    expect(c.speed).toBe(1);
    expect(parse('nightly=off').nightlyMinute).toBeNull();
    expect(parse('rotate=abc').rotateMs).toBe(20_000);
  });

  it('adds the department league only when the bookmark asks for it', () => {
    expect(parse('').rankings).toBe(false);
    expect(parse('rankings=1').rankings).toBe(true);
    expect(parse('rankings=true').rankings).toBe(true);
    expect(parse('rankings=0').rankings).toBe(false);
  });

  it('adds the overdue 督办事项 only when the bookmark asks for it', () => {
    expect(parse('').supervision).toBe(false);
    expect(parse('supervision=1').supervision).toBe(true);
    expect(parse('supervision=on').supervision).toBe(true);
    expect(parse('supervision=0').supervision).toBe(false);
  });

  it('honours the speed hook only in debug mode', () => {
    const c = parse('debug=1&speed=10&rotate=1&refresh=1');
    expect(c.rotateMs).toBe(100);
    expect(c.refreshMs).toBe(100);
  });
});

describe('fit', () => {
  it('contains the 1920×1080 design, letterboxed and centred', () => {
    expect(computeFit(1920, 1080, 'contain')).toEqual({ scaleX: 1, scaleY: 1, left: 0, top: 0 });
    expect(computeFit(3840, 2160, 'contain')).toEqual({ scaleX: 2, scaleY: 2, left: 0, top: 0 });
    expect(computeFit(1280, 720, 'contain').scaleX).toBeCloseTo(2 / 3);
    expect(computeFit(5760, 1080, 'contain')).toEqual({ scaleX: 1, scaleY: 1, left: 1920, top: 0 });
    expect(computeFit(1920, 1200, 'contain')).toEqual({ scaleX: 1, scaleY: 1, left: 0, top: 60 });
  });

  it('fills the width or stretches on request', () => {
    expect(computeFit(5760, 1080, 'width')).toEqual({ scaleX: 3, scaleY: 3, left: 0, top: -1080 });
    expect(computeFit(5760, 1080, 'stretch')).toEqual({ scaleX: 3, scaleY: 1, left: 0, top: 0 });
  });

  it('does not divide by zero before the first measurement', () => {
    expect(computeFit(0, 0, 'contain')).toEqual({ scaleX: 1, scaleY: 1, left: 0, top: 0 });
  });
});

describe('playlist', () => {
  const sector = (id: string, total: number) => ({ id, total }) as SectorSummary;

  it('is overview, each sector, warnings; sectors without targets drop out once known', () => {
    expect(buildPlaylist(['demand', 'marine'], undefined).map((s) => s.kind)).toEqual([
      'overview',
      'sector',
      'sector',
      'warnings',
    ]);
    const slides = buildPlaylist(['demand', 'marine'], [sector('demand', 3), sector('marine', 0)]);
    expect(slides).toEqual([{ kind: 'overview' }, { kind: 'sector', sectorId: 'demand' }, { kind: 'warnings' }]);
  });

  it('ends with the department league when asked for', () => {
    expect(buildPlaylist(['demand'], undefined, { rankings: true }).map((s) => s.kind)).toEqual([
      'overview',
      'sector',
      'warnings',
      'rankings',
    ]);
  });

  it('ends with the overdue 督办事项 when asked for, after the league', () => {
    expect(buildPlaylist(['demand'], undefined, { supervision: true }).map((s) => s.kind)).toEqual([
      'overview',
      'sector',
      'warnings',
      'supervision',
    ]);
    expect(buildPlaylist(['demand'], undefined, { rankings: true, supervision: true }).map((s) => s.kind)).toEqual([
      'overview',
      'sector',
      'warnings',
      'rankings',
      'supervision',
    ]);
  });

  it('orders a sector’s targets by attention: severe first, then by gap', () => {
    const t = (id: string, status: string, gap: number | null) => ({ id, title: id, state: { status, gap } });
    const items = [t('a', 'achieved', 0.1), t('b', 'severe', -0.2), t('c', 'severe', -0.4), t('d', 'lagging', -0.06)];
    const sorted = byAttention(items as unknown as Parameters<typeof byAttention>[0]);
    expect(sorted.map((x) => x.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});

describe('nightly reload time', () => {
  it('is the next 03:30 on the Shanghai clock, strictly after now', () => {
    // 2025-12-29 10:30 Shanghai → 2025-12-30 03:30 Shanghai = 2025-12-29T19:30Z
    expect(new Date(nextDailyInstant(Date.parse('2025-12-29T02:30:00Z'), 210)).toISOString()).toBe(
      '2025-12-29T19:30:00.000Z',
    );
    // 02:00 Shanghai → the same day's 03:30
    expect(new Date(nextDailyInstant(Date.parse('2025-12-28T18:00:00Z'), 210)).toISOString()).toBe(
      '2025-12-28T19:30:00.000Z',
    );
    // exactly 03:30 → tomorrow
    expect(new Date(nextDailyInstant(Date.parse('2025-12-28T19:30:00Z'), 210)).toISOString()).toBe(
      '2025-12-29T19:30:00.000Z',
    );
  });
});

describe('splitFigure', () => {
  it('sets the unit apart from the figure, keeping 万/亿 with the figure', async () => {
    const { splitFigure } = await import('./screen-kpi');
    expect(splitFigure('29.7万人')).toEqual({ figure: '29.7万', unit: '人' });
    expect(splitFigure('2451亿元')).toEqual({ figure: '2451亿', unit: '元' });
    expect(splitFigure('7,762P')).toEqual({ figure: '7,762', unit: 'P' });
    expect(splitFigure('15.26%')).toEqual({ figure: '15.26%', unit: '' });
    expect(splitFigure('7,762 PFLOPS')).toEqual({ figure: '7,762', unit: 'PFLOPS' });
    expect(splitFigure('297K people')).toEqual({ figure: '297K', unit: 'people' });
    expect(splitFigure('—')).toEqual({ figure: '—', unit: '' });
  });
});
