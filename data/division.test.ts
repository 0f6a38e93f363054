import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closestDepartmentsIn, matchDepartmentIn } from '../src/domain/departments';
import { CATALOG } from './catalog/catalog';
import { QINGDAO_DISTRICTS } from './demo';
import { closestDepartments, DEPARTMENTS, matchDepartment } from './departments';
import { demoDivision } from './division';

const here = import.meta.dirname ?? path.dirname(fileURLToPath(import.meta.url));
const CATALOG_DIR = path.resolve(here, 'catalog');
/** The byte-identical copies of the source documents (CI clones the repo without ../shared). */
const SEEDS = path.resolve(here, 'seeds');
const FIXTURES = path.resolve(here, '../src/domain/test-fixtures.ts');

const ids = new Set(DEPARTMENTS.map((d) => d.id));
const byId = new Map(DEPARTMENTS.map((d) => [d.id, d]));

/** The departments a source file writes (`department: '市…局'`, `departmentName: …`): names or registry ids. */
function departmentsWrittenIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/department(?:Name)?: '([^']+)'/g)].map((m) => m[1] ?? '');
}

describe('department registry', () => {
  it('has stable ascii ids, each once', () => {
    expect(DEPARTMENTS.length).toBeGreaterThanOrEqual(45);
    expect(ids.size).toBe(DEPARTMENTS.length);
    for (const d of DEPARTMENTS) expect(d.id, d.name).toMatch(/^[a-z0-9-]+$/);
  });

  it('gives every name, short name and alias to one department only', () => {
    const owner = new Map<string, string>();
    for (const d of DEPARTMENTS) {
      expect(d.aliases, d.id).not.toContain(d.name);
      expect(d.aliases, d.id).not.toContain(d.shortName);
      expect(new Set(d.aliases).size, d.id).toBe(d.aliases.length);
      for (const n of new Set([d.name, d.shortName, ...d.aliases])) {
        expect(n.trim(), d.id).toBe(n);
        expect(owner.get(n) ?? d.id, `${n}: ${owner.get(n)} and ${d.id}`).toBe(d.id);
        owner.set(n, d.id);
      }
    }
  });

  it('has the ten 区市 governments, spelled as targets spell their districts', () => {
    const districts = DEPARTMENTS.filter((d) => d.kind === 'district');
    expect(districts.map((d) => d.district).sort()).toEqual([...QINGDAO_DISTRICTS].sort());
    for (const d of districts) expect(d.shortName, d.id).toBe(d.district);
    for (const d of DEPARTMENTS.filter((x) => x.kind !== 'district')) expect(d.district, d.id).toBeNull();
    expect(DEPARTMENTS.filter((d) => d.kind === 'city').length).toBeGreaterThanOrEqual(30);
  });

  it('matches every department the catalog and the test fixtures name', () => {
    const files = readdirSync(CATALOG_DIR)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => path.join(CATALOG_DIR, f));
    const written = new Set([...files, FIXTURES].flatMap(departmentsWrittenIn));
    const names = [...written].filter((n) => !ids.has(n));
    expect(names.length).toBeGreaterThan(5);
    for (const n of names) expect(matchDepartment(n)?.name, n).toBeDefined();
    // The targets hold a registry id, or (before the catalog resolves names) a name the registry matches.
    for (const t of CATALOG.targets) {
      if (t.department === null) continue;
      expect(ids.has(t.department) || matchDepartment(t.department) !== undefined, `${t.id}: ${t.department}`).toBe(
        true,
      );
    }
  });

  it('matches every 市…局/委/中心 the source documents name', () => {
    // Words the pattern catches that are not departments: 市民中心, 全市数据中心, 市委常委.
    const notDepartments = new Set(['市民中心', '市政府中心', '市数据中心', '市委常委']);
    const found = new Set<string>();
    for (const f of readdirSync(SEEDS).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(path.join(SEEDS, f), 'utf8');
      for (const m of text.matchAll(/市[^，。、；：（）\s,;:()“”]{1,10}?(局|委员会|委|中心)/g)) found.add(m[0]);
    }
    const departments = [...found].filter((n) => !notDepartments.has(n));
    expect(departments.length).toBeGreaterThan(10);
    for (const n of departments) expect(matchDepartment(n)?.name, n).toBeDefined();
  });

  it('matches a name with the 青岛 / 青岛市 prefix, spaces trimmed', () => {
    expect(matchDepartment('青岛市工业和信息化局')?.name).toBe('市工业和信息化局');
    expect(matchDepartment(' 市发改委 ')?.id).toBe('fgw');
    expect(matchDepartment('市工信局')?.id).toBe('gxj');
    expect(matchDepartment('青岛市大数据局')?.name).toBe('市大数据发展管理局');
    expect(matchDepartment('青岛市南区人民政府')?.district).toBe('市南区');
    expect(matchDepartment('青岛市城阳区人民政府')?.district).toBe('城阳区');
    expect(matchDepartment('青岛西海岸新区')?.district).toBe('西海岸新区');
    expect(matchDepartment('黄岛区')?.district).toBe('西海岸新区');
    expect(matchDepartment('青岛海关')?.kind).toBe('other');
    expect(matchDepartment('市工信厅')).toBeUndefined();
    expect(matchDepartment('')).toBeUndefined();
  });

  it('suggests the nearest departments for an unknown name', () => {
    expect(closestDepartments('市工信厅')[0]?.name).toBe('市工业和信息化局');
    expect(closestDepartments('市发改局')[0]?.id).toBe('fgw');
    expect(closestDepartments('青岛市卫健局')[0]?.id).toBe('wjw');
    expect(closestDepartments('市大数据中心', 2).map((d) => d.id)[0]).toBe('dsjj');
    expect(closestDepartments('市人力资源局', 5).length).toBeLessThanOrEqual(5);
    expect(closestDepartments('完全无关的文字')).toEqual([]);
  });

  it('works over any list shaped like the registry (the database’s)', () => {
    const list = [
      { id: 'a', name: '市甲乙局', shortName: '市甲局', aliases: ['甲乙局'], extra: 1 },
      { id: 'b', name: '市丙丁局', shortName: '市丙局', aliases: [] },
    ];
    expect(matchDepartmentIn(list, '青岛市甲局')?.id).toBe('a');
    expect(matchDepartmentIn(list, '甲乙局')?.id).toBe('a');
    expect(closestDepartmentsIn(list, '市丙丁厅', 1).map((d) => d.id)).toEqual(['b']);
  });
});

describe('demo division of tasks', () => {
  const divisions = CATALOG.targets.map((t) => ({ t, d: demoDivision(t) }));

  it('is null where the document names the department', () => {
    const named = divisions.filter(({ t }) => t.department !== null);
    expect(named.length).toBeGreaterThan(0);
    for (const { t, d } of named) expect(d, t.id).toBeNull();
  });

  it('gives every other target a lead and one to three supporting departments of the registry', () => {
    const unnamed = divisions.filter(({ t }) => t.department === null);
    expect(unnamed.length).toBeGreaterThan(100);
    for (const { t, d } of unnamed) {
      expect(d, t.id).not.toBeNull();
      if (!d) continue;
      expect(ids.has(d.lead), `${t.id}: ${d.lead}`).toBe(true);
      expect(d.supporting.length, t.id).toBeGreaterThanOrEqual(1);
      expect(d.supporting.length, t.id).toBeLessThanOrEqual(3);
      expect(new Set(d.supporting).size, t.id).toBe(d.supporting.length);
      for (const s of d.supporting) expect(ids.has(s), `${t.id}: ${s}`).toBe(true);
      expect(d.supporting, t.id).not.toContain(d.lead);
    }
  });

  it('is deterministic', () => {
    for (const { t, d } of divisions) expect(demoDivision({ ...t }), t.id).toEqual(d);
  });

  it('lets the district government lead its own plan’s targets', () => {
    const laoshan = divisions.filter(({ t }) => t.planId === 'laoshan-2025');
    expect(laoshan.length).toBeGreaterThan(50);
    for (const { t, d } of laoshan) {
      expect(d?.lead, t.id).toBe('d-laoshan');
      expect(byId.get(d?.lead ?? '')?.name).toBe('崂山区人民政府');
      // supported by the city department whose business it is, not by another district
      for (const s of d?.supporting ?? []) expect(byId.get(s)?.kind, `${t.id}: ${s}`).not.toBe('district');
    }
  });

  it('leads city targets by a city department, by the keywords of the title', () => {
    const lead = (id: string) => divisions.find(({ t }) => t.id === id)?.d?.lead;
    expect(lead('qd-new-urban-jobs')).toBe('rsj');
    expect(lead('qd-key-investment')).toBe('fgw');
    expect(lead('qd-5g-base-stations')).toBe('txj');
    expect(lead('dq-intelligent-compute-share')).toBe('dsjj');
    expect(lead('qd-provincial-key-labs')).toBe('kjj');
    expect(lead('qd-new-trading-enterprises')).toBe('swj');
    expect(lead('qd-schools-kindergartens')).toBe('jyj');
    expect(lead('qd-medical-alliances')).toBe('wjw');
    expect(lead('qd-air-pollution-projects')).toBe('sthjj');
    expect(lead('ind-connected-nev-scale')).toBe('gxj');
    for (const { t, d } of divisions) {
      if (t.district !== '市级' || !d) continue;
      expect(byId.get(d.lead)?.kind, t.id).not.toBe('district');
    }
  });

  it('has a district government support the city’s investment and project targets', () => {
    for (const id of ['qd-key-projects', 'qd-key-investment', 'qd-metropolitan-key-projects']) {
      const d = divisions.find(({ t }) => t.id === id)?.d;
      expect(
        d?.supporting.some((s) => byId.get(s)?.kind === 'district'),
        id,
      ).toBe(true);
    }
    // A project placed by its name: the district where it is.
    const terminal = divisions.find(({ t }) => t.id === 'qd-wanbang-ore-terminal')?.d;
    expect(terminal?.supporting).toContain('d-xihaian');
  });

  it('spreads the leads plausibly over the departments', () => {
    const leads = new Map<string, number>();
    for (const { d } of divisions) if (d) leads.set(d.lead, (leads.get(d.lead) ?? 0) + 1);
    expect(leads.size).toBeGreaterThanOrEqual(15);
    const city = divisions.filter(({ t, d }) => d && t.district === '市级');
    const most = Math.max(...[...leads].filter(([id]) => id !== 'd-laoshan').map(([, n]) => n));
    expect(most / city.length).toBeLessThan(0.25);
  });
});
