import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { periodEnd } from '../../src/domain/figure-period';
import { progressReportSchema } from '../../src/domain/report-schema';
import {
  contextFigureSchema,
  DISTRICT_CITY,
  keyProjectSchema,
  planSchema,
  type Source,
  type Target,
  targetSchema,
} from '../../src/domain/schemas';
import { validateTarget } from '../../src/domain/status';
import { compatibleUnits, convert } from '../../src/domain/units';
import { QINGDAO_DISTRICTS } from '../demo';
import { CATALOG } from './catalog';
import { DOCS } from './define';
import { THOUSAND_BILLION_QUOTE } from './industry-10plus1';
import { DELIBERATE_OMISSIONS, type Omission } from './omissions';

const here = import.meta.dirname ?? path.dirname(fileURLToPath(import.meta.url));
/** The tests read the byte-identical copies in data/seeds (CI clones the repo without ../shared). */
const SEEDS = path.resolve(here, '../seeds');
/** The originals, next to the repository, when present. */
const SHARED_SEEDS = path.resolve(here, '../../../shared/seeds');

const ALL_DOCS: string[] = Object.values(DOCS);
const text = new Map(ALL_DOCS.map((d) => [d, readFileSync(path.join(SEEDS, d), 'utf8')]));
const doc = (name: string): string => {
  const t = text.get(name);
  if (t === undefined) throw new Error(`unknown document ${name}`);
  return t;
};

/**
 * The documents the completeness check covers: the four plans, and the year-end report 000, whose
 * actuals must each be a progress report, a context figure, or a commented omission.
 */
const COVERED_DOCS: string[] = [DOCS.bureausYearEnd, DOCS.digital, DOCS.cityReport, DOCS.laoshan, DOCS.industry];

/**
 * A number with an optional magnitude prefix and a unit of count, money, length, area, power,
 * compute or percent: 460个, 2450亿元, 1.5万家, 700万千瓦, 30余万人, 1.2万余起, 8%, 8000P, 1个百分点.
 * Years (2025年), ordinals (第13位), ages (70岁), and product names (5G, 2.0) are not figures.
 */
const UNITS = [
  '个百分点',
  '平方公里',
  '平方米',
  '千瓦时',
  '千瓦',
  '公里',
  '公斤',
  '人次',
  '家次',
  '批次',
  '个',
  '家',
  '项',
  '处',
  '条',
  '所',
  '套',
  '户',
  '场',
  '人',
  '名',
  '亩',
  '元',
  'P',
  '%',
  '架',
  '台',
  '座',
  '艘',
  '辆',
  '张',
  '件',
  '栋',
  '间',
  '款',
  '次',
  '起',
  '支',
  '枚',
  '块',
  '类',
  '份',
  '批',
  '路',
  '尾',
  '吨',
  '倍',
  '章',
];
const FIGURE = new RegExp(`(\\d+(?:\\.\\d+)?)(?:余|多)?(万亿|亿|万|千)?(?:余|多)?(${UNITS.join('|')})`, 'g');

interface Figure {
  start: number;
  end: number;
  phrase: string;
  value: number;
  unit: string;
}

function figures(s: string): Figure[] {
  return [...s.matchAll(FIGURE)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    phrase: m[0],
    value: Number(m[1]),
    unit: `${m[2] ?? ''}${m[3]}`,
  }));
}

/**
 * Targets the documents state in words, without digits: 千亿元级 (at least 1000亿元), 全覆盖 (100 %),
 * 翻一番, 全线通车, 全面完成, 动态清零, 基本同步… Each occurrence is a figure the completeness check asks
 * for, like a number: it lies in the quote of a record, or in a commented omission. The two with a
 * value carry it: a record quoting them states that value.
 */
const WORD_VALUES: Record<string, Value> = {
  千亿元级: { value: 1000, unit: '亿元' },
  全覆盖: { value: 100, unit: '%' },
};
const WORDS = [
  ...Object.keys(WORD_VALUES),
  '千亿级',
  '百亿级',
  '翻一番',
  '翻番',
  '倍增',
  '全线通车',
  '全面完成',
  '全部完成',
  '完成全部',
  '清零',
  '基本同步',
  '基本淘汰',
  '基本完成',
  '基本实现',
  '全面启动',
];
const WORD_FIGURE = new RegExp(WORDS.join('|'), 'g');

function wordFigures(s: string): Figure[] {
  return [...s.matchAll(WORD_FIGURE)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    phrase: m[0],
    value: Number.NaN,
    unit: '',
  }));
}

/** Does the quote state `value unit` in words (千亿元级 → 1000亿元)? */
function quoteStatesInWords(quote: string, value: number, unit: string): boolean {
  return Object.entries(WORD_VALUES).some(
    ([word, v]) =>
      quote.includes(word) &&
      compatibleUnits(v.unit, unit) &&
      Math.abs(convert(v.value, v.unit, unit) - value) <= 1e-9 * Math.max(1, Math.abs(value)),
  );
}

function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Does the quote state `value` in `unit` (after unit conversion)? */
function quoteStates(quote: string, value: number, unit: string): boolean {
  return figures(quote).some((f) => {
    if (!compatibleUnits(f.unit, unit)) return false;
    const v = convert(f.value, f.unit, unit);
    return Math.abs(v - value) <= 1e-9 * Math.max(1, Math.abs(value));
  });
}

const { plans, targets, publishedReports, contextFigures, projects } = CATALOG;
const targetById = new Map(targets.map((t) => [t.id, t]));

const sources: Array<{ id: string; source: Source }> = [
  ...targets.map((t) => ({ id: t.id, source: t.source })),
  ...publishedReports.flatMap((r) => (r.source ? [{ id: r.id, source: r.source }] : [])),
  ...contextFigures.map((c) => ({ id: c.id, source: c.source })),
  ...projects.flatMap((p) => (p.source ? [{ id: p.id, source: p.source }] : [])),
];

/** A value a record carries, in its unit. */
interface Value {
  value: number;
  unit: string;
}

/** Every record that cites a quote, with the values it takes from it. */
const valued: Array<{ id: string; source: Source; values: Value[] }> = [
  ...targets.map((t) => ({
    id: t.id,
    source: t.source,
    values: [t.target, t.baseline].flatMap((v) => (v === null ? [] : [{ value: v, unit: t.unit }])),
  })),
  ...publishedReports.flatMap((r) =>
    r.source
      ? [{ id: r.id, source: r.source, values: r.value === null ? [] : [{ value: r.value, unit: r.unit }] }]
      : [],
  ),
  ...contextFigures.map((c) => ({ id: c.id, source: c.source, values: [{ value: c.value, unit: c.unit }] })),
  ...projects.flatMap((p) =>
    p.source
      ? [
          {
            id: p.id,
            source: p.source,
            values: [p.totalInvestment, p.plannedInvestment, p.completedInvestment].flatMap((v) =>
              v === null ? [] : [{ value: v, unit: '亿元' }],
            ),
          },
        ]
      : [],
  ),
];

/**
 * A target split from a sentence that lists several figures under one verb (新培育国家级绿色园区1个、
 * 绿色工厂2家) quotes only its own half (绿色工厂2家); its title carries the words the halves share:
 * 新培育国家级绿色工厂2家. Such a title is a prefix of the sentence's own words followed by the quote,
 * both within one sentence of the document, the prefix first.
 */
function carriesSharedVerb(title: string, quote: string, document: string): boolean {
  if (!title.endsWith(quote) || title === quote) return false;
  const prefix = title.slice(0, -quote.length);
  return document.split(/[。；！？\n]/).some((sentence) => {
    const i = sentence.indexOf(prefix);
    return i !== -1 && sentence.indexOf(quote, i + prefix.length) !== -1;
  });
}

/**
 * Context figures in another unit than their target, shown beside it and never converted: the planned
 * total investment (亿元) of a pool of projects the target counts (个), and the city's rescue stations
 * written 处 beside Laoshan's written 个. Every other context figure converts to its target's unit.
 */
const CONTEXT_IN_OTHER_UNITS = new Set([
  'ctx-qd-marine-key-projects-total-investment',
  'ctx-qd-metropolitan-key-projects-total-investment',
  'ctx-ls-key-projects-total-investment',
  'ctx-ls-emergency-rescue-stations-city-2025',
]);

/**
 * A sentence that sets one goal for several things named elsewhere in the document (除低空经济和未来产业外
 * …产业规模均设定了千亿元级的发展目标) gives one target per thing: its title is the thing's name, as the
 * document writes it, followed by words of the quote in their order (人工智能产业规模千亿元级).
 */
function namesOneOfSeveral(title: string, quote: string, document: string): boolean {
  const flat = document.replace(/\n+/g, '');
  for (let i = 2; i < title.length; i++) {
    const name = title.slice(0, i);
    if (!flat.includes(name) || quote.includes(name)) continue;
    let at = 0;
    const rest = [...title.slice(i)];
    if (
      rest.every((c) => {
        at = quote.indexOf(c, at) + 1;
        return at > 0;
      })
    )
      return true;
  }
  return false;
}

/** The headline KPI tiles the brief asks for; at most three more may be chosen. */
const REQUIRED_HEADLINES = ['key-projects', 'key-investment', 'new-jobs', 'compute', '5g'];

describe('seed documents', () => {
  it('data/seeds holds byte-identical copies of shared/seeds when both exist', () => {
    for (const d of ALL_DOCS) {
      expect(existsSync(path.join(SEEDS, d)), d).toBe(true);
      if (existsSync(path.join(SHARED_SEEDS, d))) {
        expect(readFileSync(path.join(SEEDS, d)).equals(readFileSync(path.join(SHARED_SEEDS, d))), d).toBe(true);
      }
    }
  });
});

describe('catalog records', () => {
  it('parse with their schemas', () => {
    for (const p of plans) expect(() => planSchema.parse(p), p.id).not.toThrow();
    for (const t of targets) expect(() => targetSchema.parse(t), t.id).not.toThrow();
    for (const r of publishedReports) expect(() => progressReportSchema.parse(r), r.id).not.toThrow();
    for (const c of contextFigures) expect(() => contextFigureSchema.parse(c), c.id).not.toThrow();
    for (const p of projects) expect(() => keyProjectSchema.parse(p), p.id).not.toThrow();
  });

  it('targets pass validateTarget', () => {
    for (const t of targets) expect(() => validateTarget(t), t.id).not.toThrow();
  });

  it('ids are unique across all record types', () => {
    const ids = [...plans, ...targets, ...publishedReports, ...contextFigures, ...projects].map((r) => r.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('ids carry their plan prefix and targets cite their plan document', () => {
    const prefix: Record<string, string> = {
      'qd-2025': 'qd-',
      'digital-2025': 'dq-',
      'laoshan-2025': 'ls-',
      'industry-10plus1': 'ind-',
    };
    for (const t of targets) {
      const plan = plans.find((p) => p.id === t.planId);
      expect(plan, t.id).toBeDefined();
      expect(t.id.startsWith(prefix[t.planId] ?? '?'), t.id).toBe(true);
      expect(t.source.document, t.id).toBe(plan?.document);
      expect(t.demo, t.id).toBe(false);
      expect(t.district, t.id).toBe(t.planId === 'laoshan-2025' ? '崂山区' : '市级');
    }
    for (const r of publishedReports) expect(r.id.startsWith('pub-'), r.id).toBe(true);
    for (const p of projects) expect(p.id.startsWith('prj-'), p.id).toBe(true);
  });

  it('milestones have steps pacing and stages ending at the deadline; numbers do not', () => {
    for (const t of targets) {
      if (t.kind === 'milestone') {
        expect(t.pacing.type, t.id).toBe('steps');
        expect(t.stages.length, t.id).toBeGreaterThanOrEqual(1);
        expect(t.stages.length, t.id).toBeLessThanOrEqual(3);
        expect(t.stages.at(-1)?.plannedDate, t.id).toBe(t.deadline);
        for (const s of t.stages) {
          expect(s.plannedDate >= t.periodStart && s.plannedDate <= t.deadline, t.id).toBe(true);
        }
      } else {
        expect(t.pacing.type, t.id).not.toBe('steps');
        expect(t.stages, t.id).toEqual([]);
        expect(t.unit, t.id).not.toBe('');
      }
    }
  });

  it('each headline key is used once, and the required ones are present', () => {
    const keys = targets.flatMap((t) => (t.headline ? [t.headline] : []));
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of REQUIRED_HEADLINES) expect(keys, k).toContain(k);
    expect(keys.length).toBeLessThanOrEqual(REQUIRED_HEADLINES.length + 3);
  });
});

describe('citations', () => {
  it('every quote is an exact substring of its document', () => {
    for (const { id, source } of sources) {
      expect(ALL_DOCS, id).toContain(source.document);
      expect(doc(source.document).includes(source.quote), `${id}: ${source.quote}`).toBe(true);
    }
  });

  it('every title is written in its document (line breaks of the layout aside)', () => {
    const flat = new Map(ALL_DOCS.map((d) => [d, doc(d).replace(/\n+/g, '')]));
    for (const t of targets) {
      const written =
        flat.get(t.source.document)?.includes(t.title) ||
        carriesSharedVerb(t.title, t.source.quote, doc(t.source.document)) ||
        namesOneOfSeveral(t.title, t.source.quote, doc(t.source.document));
      expect(written, `${t.id}: ${t.title}`).toBe(true);
    }
  });

  it('no two targets of one plan share a title', () => {
    const byTitle = new Map<string, string[]>();
    for (const t of targets) {
      const key = `${t.planId}: ${t.title}`;
      byTitle.set(key, [...(byTitle.get(key) ?? []), t.id]);
    }
    const collisions = [...byTitle]
      .filter(([, ids]) => ids.length > 1)
      .map(([key, ids]) => `${key} ← ${ids.join(', ')}`);
    expect(collisions).toEqual([]);
  });

  it('every quantitative target value is the figure in its quote', () => {
    for (const t of targets) {
      if (t.kind === 'milestone' || t.target === null) continue;
      const stated =
        quoteStates(t.source.quote, t.target, t.unit) || quoteStatesInWords(t.source.quote, t.target, t.unit);
      expect(stated, `${t.id}: ${t.target}${t.unit} in ${t.source.quote}`).toBe(true);
    }
  });

  it('published reports and context figures point at a target, in a convertible unit, with the quoted value', () => {
    const checks: Array<{ id: string; targetId: string; value: number | null; unit: string; quote: string }> = [
      ...publishedReports.map((r) => ({ ...r, quote: r.source?.quote ?? '' })),
      ...contextFigures.map((c) => ({ ...c, quote: c.source.quote })),
    ];
    for (const c of checks) {
      const t = targetById.get(c.targetId) as Target;
      expect(t, c.id).toBeDefined();
      if (c.value === null) continue;
      if (CONTEXT_IN_OTHER_UNITS.has(c.id)) {
        expect(compatibleUnits(c.unit, t.unit), `${c.id} is convertible: drop it from the exceptions`).toBe(false);
      } else {
        expect(compatibleUnits(c.unit, t.unit), `${c.id}: ${c.unit} → ${t.unit}`).toBe(true);
        expect(Number.isFinite(convert(c.value, c.unit, t.unit)), c.id).toBe(true);
      }
      expect(quoteStates(c.quote, c.value, c.unit), `${c.id}: ${c.value}${c.unit} in ${c.quote}`).toBe(true);
    }
    for (const r of publishedReports) {
      expect(r.demo, r.id).toBe(false);
      expect(r.source, r.id).not.toBeNull();
      expect(r.asOf <= r.recordedAt.slice(0, 10), r.id).toBe(true);
    }
  });

  it('a project whose name or quote states its place carries that district; routes between places stay 市级', () => {
    // Place words in project names → district. 董家口港区 is the port area of 西海岸新区 (黄岛).
    const PLACES: Array<[string, string]> = [
      ['西海岸', '西海岸新区'],
      ['黄岛', '西海岸新区'],
      ['董家口港区', '西海岸新区'],
      ['即墨', '即墨区'],
      ['崂山', '崂山区'],
      ['胶州市', '胶州市'],
      // 鳌山湾 is 即墨区's bay; 上合示范区 lies in 胶州市 (004: 位于上合示范区的“丝路电商”综合服务基地).
      ['鳌山湾', '即墨区'],
      ['上合国际枢纽港', '胶州市'],
      ['上合国际城', '胶州市'],
      ['丝路电商', '胶州市'],
      ['平度', '平度市'],
      ['莱西', '莱西市'],
      ['城阳', '城阳区'],
    ];
    const known = new Set<string>([DISTRICT_CITY, ...QINGDAO_DISTRICTS]);
    for (const p of projects) {
      expect(known.has(p.district), `${p.id}: ${p.district}`).toBe(true);
      // The name, or the words of its quote that name this project (the quote lists several: 建成北大人民
      // 医院青岛医院二期、青岛西海岸新区肿瘤医院 places only the second).
      const own = (p.source?.quote ?? '').split(/[、，,；]/).find((part) => part.includes(nameStem(p.name))) ?? '';
      const place = PLACES.find(([word]) => p.name.includes(word) || own.includes(word));
      const route = p.name.includes('至');
      if (place && !route) expect(p.district, `${p.id} ${p.name}`).toBe(place[1]);
      if (route) expect(p.district, `${p.id} ${p.name}`).toBe(DISTRICT_CITY);
    }
  });

  it('projects link to existing targets', () => {
    for (const p of projects) {
      expect(p.targetIds.length, p.id).toBeGreaterThan(0);
      for (const id of p.targetIds) expect(targetById.has(id), `${p.id} → ${id}`).toBe(true);
      expect(p.demo, p.id).toBe(false);
    }
  });
});

/** The area a document's figures describe: the Laoshan report's are 崂山区's, every other one's the city's. */
const DOC_SCOPE: Record<string, string> = { [DOCS.laoshan]: '崂山区' };
const scopeOf = (document: string) => DOC_SCOPE[document] ?? DISTRICT_CITY;
/** How a label names a scope: 市级 figures are 全市…, a district's its name. */
const scopeWord = (scope: string) => (scope === DISTRICT_CITY ? '全市' : scope);

/** Words that make a count a count of new things: a title keeps them (新培育…3家 is not a stock of 3). */
const NEW_WORD = /新(?:增|培育|开通|建成?|引进|招引|获批|改造|启用|开工|入库|完成|引育|启动|纳统|提升)/;

/**
 * The 新… word that governs a quote: its own, or, for an item of a list (新培育独角兽企业1家、专精特新
 * “小巨人”企业3家), the word that opens the list's clause.
 */
function governingNewWord(quote: string, document: string): string | null {
  const own = quote.match(NEW_WORD);
  if (own) return own[0];
  const i = document.indexOf(quote);
  const before = document.slice(0, i);
  const start = Math.max(...['。', '；', '，', ',', '！', '？', '\n', '：'].map((c) => before.lastIndexOf(c))) + 1;
  const clause = before.slice(start);
  if (!/[、和]$/.test(clause)) return null;
  return clause.match(new RegExp(`^${NEW_WORD.source}`))?.[0] ?? null;
}

/** A project's name without the words for its part or kind: 张村河水质净化厂二期 → 张村河水质净化厂. */
function nameStem(name: string): string {
  let stem = name.replace(/（演示）$/, '');
  for (;;) {
    const next = stem.replace(/(?:[一二三四五六七八九十]期|项目|工程|改扩建|扩建|建设|改造升级)$/, '');
    if (next === stem) return stem;
    stem = next;
  }
}

describe('modelling rules', () => {
  it('every industry the 千亿元级 sentence covers has a 2027 size of at least 1000亿元', () => {
    const d = doc(DOCS.industry).replace(/\n+/g, '');
    // The system as the plan lists it: 包括新一代信息技术和人工智能；…包括智能家电、高端化工与新材料和现代轻工；
    const listing = d.slice(d.indexOf('“10+1”产业分为4个层面'), d.indexOf('超前发展1批未来产业'));
    const industries = [...listing.matchAll(/包括([^；]+)/g)].flatMap((m) => (m[1] ?? '').split(/、|和/));
    expect(industries).toHaveLength(10);
    expect(d).toContain(THOUSAND_BILLION_QUOTE);
    const except = (THOUSAND_BILLION_QUOTE.match(/^除(.+?)外/)?.[1] ?? '').split('和');
    expect(except).toEqual(['低空经济', '未来产业']);
    const sizes = targets.filter((t) => t.planId === 'industry-10plus1' && t.unit === '亿元');
    const missing: string[] = [];
    for (const industry of industries.filter((i) => !except.includes(i))) {
      const t = sizes.find((x) => x.title.startsWith(industry));
      if (!t) {
        missing.push(industry);
        continue;
      }
      expect(t.target ?? 0, t.id).toBeGreaterThanOrEqual(1000);
      expect(t.deadline, t.id).toBe('2027-12-31');
    }
    expect(missing).toEqual([]);
    // Neither exception has one.
    for (const e of except)
      expect(
        sizes.filter((t) => t.title.startsWith(e)).map((t) => t.id),
        e,
      ).toEqual([]);
  });

  it('a year’s size, revenue or sales in money is a flow over one year, never a level', () => {
    const FLOW_WORDS = /规模|收入|营收|营业额|销售额|零售额|产值/;
    const money = (t: Target) => t.unit.endsWith('元');
    const flows = targets.filter((t) => money(t) && FLOW_WORDS.test(t.title) && t.kind !== 'growth');
    expect(flows.length).toBeGreaterThanOrEqual(10);
    for (const t of flows) {
      expect(t.kind, `${t.id}: ${t.title}`).toBe('cumulative');
      // The revenue of one year: a target for 2027 runs over 2027, not 2025–2027 (a sum of three years).
      expect(t.periodStart.slice(0, 4), `${t.id}: ${t.periodStart} … ${t.deadline}`).toBe(t.deadline.slice(0, 4));
    }
    const levels = targets.filter((t) => t.kind === 'level' && money(t) && FLOW_WORDS.test(t.title));
    expect(levels.map((t) => `${t.id}: ${t.title}`)).toEqual([]);
  });

  it('a title keeps the 新增/新培育/新开通/新建… that governs its quote', () => {
    const dropped: string[] = [];
    for (const t of targets) {
      const word = governingNewWord(t.source.quote, doc(t.source.document));
      if (word && !t.title.includes(word)) dropped.push(`${t.id}: ${t.title} (${word}…)`);
    }
    expect(dropped).toEqual([]);
  });

  it('no two projects share a name stem (one project both reports name is one record)', () => {
    const stems = projects.map((p) => nameStem(p.name));
    const dupes = projects.filter((_, i) => stems.indexOf(stems[i] as string) !== i).map((p) => `${p.id} ${p.name}`);
    expect(dupes).toEqual([]);
  });

  it('a project the Laoshan report names is placed in 崂山区 and counts towards its project list', () => {
    const laoshan = doc(DOCS.laoshan).replace(/\n+/g, '');
    for (const p of projects) {
      const named = p.source?.document === DOCS.laoshan || laoshan.includes(nameStem(p.name));
      if (!named) continue;
      expect(p.district, `${p.id} ${p.name}`).toBe('崂山区');
      expect(p.targetIds, `${p.id} ${p.name}`).toContain('ls-key-projects');
    }
  });

  it('a context figure of another scope than its target says whose it is, first', () => {
    for (const c of contextFigures) {
      const t = targetById.get(c.targetId) as Target;
      const scope = scopeOf(c.source.document);
      if (scope === t.district) continue;
      // 全市新建基层应急综合救援站29处 beside 崂山区's 32 must not read as 29 of 32.
      expect(c.label.startsWith(scopeWord(scope)), `${c.id}: ${c.label} (${scope}) on ${t.id} (${t.district})`).toBe(
        true,
      );
      expect(c.relation, c.id).toContain(scopeWord(scope));
    }
  });

  it('a published figure is reported by the body its source names', () => {
    for (const r of publishedReports) {
      const body = r.reportedBy.split('（')[0] ?? '';
      expect(body.length, r.id).toBeGreaterThan(1);
      expect(doc(r.source?.document ?? '').includes(body), `${r.id}: ${r.reportedBy}`).toBe(true);
    }
  });
});

/** The sentence of `document` that holds `quote`. */
const sentenceOf = (document: string, quote: string): string =>
  doc(document)
    .split(/[。；！？\n]/)
    .find((s) => s.includes(quote)) ?? quote;

/** The last day a document can describe: its date, or (undated) the end of the latest 1—N月 it reports. */
function documentCovers(document: string): string | null {
  const plan = plans.find((p) => p.document === document);
  if (plan?.publishedOn) return plan.publishedOn;
  const months = [...doc(document).matchAll(/1[—-](\d{1,2})月/g)].map((m) => Number(m[1]));
  return months.length === 0 ? null : periodEnd(`2025-${String(Math.max(...months)).padStart(2, '0')}-01`, 'month');
}

/** The span from January a sentence gives before its figure (1—11月, 前三季度, 上半年): its last month. */
function spanEndMonth(sentence: string, quote: string): number | null {
  const before = sentence.slice(0, sentence.indexOf(quote));
  const m = before.match(/1[—-](\d{1,2})月/);
  if (m) return Number(m[1]);
  if (before.includes('前三季度')) return 9;
  if (before.includes('上半年')) return 6;
  return null;
}

/** Every figure the catalog publishes, with its precision. */
const publishedFigures = [
  ...publishedReports.map((r) => ({
    id: r.id,
    asOf: r.asOf,
    precision: r.period?.precision,
    source: r.source as Source,
    plan: false,
  })),
  ...contextFigures.map((c) => ({
    id: c.id,
    asOf: c.asOf,
    precision: c.asOfPrecision,
    source: c.source,
    // A pool's planned total investment is the plan's own figure, as of the plan's date.
    plan: c.label.includes('（计划）'),
  })),
];

/**
 * Where a stage the quote gives stands in it: a stage whose name is written in the quote's own
 * characters (建成主体工程 of 「建成官路水库主体工程,开建配套工程」) is placed by the longest run it shares with
 * the quote; a stage the catalog adds (过半规上工业企业完成, 前期手续完成) has none.
 */
function placeInQuote(name: string, quote: string): number | null {
  if (![...name].every((ch) => quote.includes(ch))) return null;
  for (let len = name.length; len >= 2; len--) {
    for (let i = 0; i + len <= name.length; i++) {
      const at = quote.indexOf(name.slice(i, i + len));
      if (at >= 0) return at;
    }
  }
  return null;
}

describe('modelling rules: periods and stage dates', () => {
  it('every published figure has a period and precision, dated within it and never after its document', () => {
    for (const f of publishedFigures) {
      expect(f.precision, `${f.id} has no period`).toBeDefined();
      const precision = f.precision ?? 'day';
      const end = periodEnd(f.asOf, precision);
      // A span (1—11月, 前三季度) is dated at its end: 1—11月 is 11-30, never 12-31.
      if (precision === 'ytd-month' || precision === 'quarter' || precision === 'half') {
        expect(f.asOf, f.id).toBe(end);
      }
      const covers = documentCovers(f.source.document);
      if (covers !== null) expect(f.asOf <= covers, `${f.id}: ${f.asOf} after its document (${covers})`).toBe(true);
      const sentence = sentenceOf(f.source.document, f.source.quote);
      const span = spanEndMonth(sentence, f.source.quote);
      if (span !== null) {
        expect(precision, `${f.id}: ${sentence}`).toBe('ytd-month');
        expect(Number(f.asOf.slice(5, 7)), f.id).toBe(span);
      }
      // A day only where the text gives one (or a plan's own figure, as of the plan's date).
      if (precision === 'day' && !f.plan) {
        expect(/\d{1,2}月\d{1,2}日/.test(sentence), `${f.id}: the text gives no day`).toBe(true);
      }
    }
  });

  it('a stage the document does not date is marked as an estimate; one on the document’s deadline is not', () => {
    let estimated = 0;
    for (const t of targets) {
      for (const s of t.stages) {
        const dated = s.plannedDate === t.deadline;
        expect(s.estimated === true, `${t.id}: ${s.name} ${s.plannedDate}`).toBe(!dated);
        if (s.estimated) estimated++;
      }
    }
    expect(estimated).toBeGreaterThan(0);
  });

  it('stages are in the order their quote gives them (官路水库: 建成主体工程, then 开建配套工程)', () => {
    for (const t of targets) {
      // In the catalog's order and in planned order (the order the status engine expects them done).
      const planned = [...t.stages].sort((a, b) => (a.plannedDate < b.plannedDate ? -1 : 1));
      for (const order of [t.stages, planned]) {
        const places = order.map((s) => placeInQuote(s.name, t.source.quote)).filter((p) => p !== null);
        expect(
          places.every((p, i) => i === 0 || p >= (places[i - 1] as number)),
          `${t.id}: ${order.map((s) => s.name).join(' → ')} against 「${t.source.quote}」`,
        ).toBe(true);
      }
    }
  });
});

describe('completeness', () => {
  function spansOf(quote: string, through: string | undefined, d: string): Array<[number, number]> {
    const s = doc(d);
    return occurrences(s, quote).map((i) => {
      if (through === undefined) return [i, i + quote.length];
      const j = s.indexOf(through, i + quote.length);
      return [i, j === -1 ? i + quote.length : j + through.length];
    });
  }
  const omissionSpans = (o: Omission) => spansOf(o.quote, o.through, o.document);
  const inside = (f: Figure, spans: Array<[number, number]>) => spans.some(([a, b]) => a <= f.start && f.end <= b);
  const states = (f: Figure, v: Value) =>
    compatibleUnits(f.unit, v.unit) &&
    Math.abs(convert(f.value, f.unit, v.unit) - v.value) <= 1e-9 * Math.max(1, v.value);

  /**
   * A figure is catalogued only when a record whose quote contains it carries that figure as one of
   * its own values (target value, baseline, report or context-figure value, project investment): a
   * figure that merely sits inside some quote (the 2400亿元 of the 170 marine projects) is not.
   */
  const catalogued = (d: string, f: Figure) =>
    valued.some(
      (r) =>
        r.source.document === d &&
        inside(f, spansOf(r.source.quote, undefined, d)) &&
        (f.unit === ''
          ? // A word: a record quoting it; one with a value (千亿元级, 全覆盖) must carry that value.
            WORD_VALUES[f.phrase] === undefined || r.values.some((v) => quoteStatesInWords(f.phrase, v.value, v.unit))
          : r.values.some((v) => states(f, v))),
    );
  /** Every figure of a document: numbers with a unit, and targets stated in words. */
  const allFigures = (d: string) => [...figures(doc(d)), ...wordFigures(doc(d))];

  it('omission entries cite their documents exactly', () => {
    for (const o of DELIBERATE_OMISSIONS) {
      expect(COVERED_DOCS, o.quote).toContain(o.document);
      expect(doc(o.document).includes(o.quote), o.quote).toBe(true);
      if (o.through !== undefined) {
        const i = doc(o.document).indexOf(o.quote);
        expect(doc(o.document).indexOf(o.through, i + o.quote.length), `${o.quote} … ${o.through}`).toBeGreaterThan(i);
      }
      expect(o.reason.length, o.quote).toBeGreaterThan(0);
    }
  });

  it('every figure in the plan documents and the year-end report, in digits or in words, is a value of the record quoting it, or deliberately omitted', () => {
    const uncovered: string[] = [];
    for (const d of COVERED_DOCS) {
      const spans = DELIBERATE_OMISSIONS.filter((o) => o.document === d).flatMap(omissionSpans);
      for (const f of allFigures(d)) {
        if (!catalogued(d, f) && !inside(f, spans)) {
          const s = doc(d);
          uncovered.push(`${d} @${f.start} ${f.phrase}: …${s.slice(Math.max(0, f.start - 20), f.end + 10)}…`);
        }
      }
    }
    expect(uncovered).toEqual([]);
  });

  it('every omission is needed: it covers a figure the catalog does not', () => {
    const unneeded = DELIBERATE_OMISSIONS.filter((o) => {
      const mine = omissionSpans(o);
      return !allFigures(o.document).some((f) => inside(f, mine) && !catalogued(o.document, f));
    }).map((o) => o.quote);
    expect(unneeded).toEqual([]);
  });

  it('the year-end actuals that measure a target are records: 新建基层应急综合救援站29处 among them', () => {
    const year = doc(DOCS.bureausYearEnd);
    const rescue = figures(year).find((f) => f.phrase === '29处');
    expect(rescue).toBeDefined();
    expect(catalogued(DOCS.bureausYearEnd, rescue as Figure)).toBe(true);
  });
});
