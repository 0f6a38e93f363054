import { type Kysely, sql } from 'kysely';
import type { Database } from '../../server/db/schema';
import { SECTORS } from '../../src/domain/sectors';

/**
 * A province-sized dataset for the scale benchmark: 16 cities × 10 districts, 20,000 targets,
 * 1,000,000 weekly reports and 50,000 key projects, all flagged demo. Targets are inserted from
 * JavaScript; reports and projects are generated inside the database (generate_series), which
 * loads a million rows in seconds instead of minutes of round trips.
 */
export const SCALE = { cities: 16, districts: 10, targets: 20_000, weeks: 50, projects: 50_000 } as const;
/** The as-of date of the first of the weekly reports (a Friday). */
export const FIRST_WEEK = '2025-01-03';
/** Every generated target's deadline: no report may be dated after it. */
export const DEADLINE = '2025-12-31';

const CITY_NAMES = [
  '青岛',
  '济南',
  '烟台',
  '潍坊',
  '临沂',
  '济宁',
  '淄博',
  '菏泽',
  '德州',
  '聊城',
  '泰安',
  '威海',
  '滨州',
  '东营',
  '日照',
  '枣庄',
];

/** The size of a generated dataset: the province (SCALE) by default, the nation (NATIONAL) for `--only national`. */
export interface ScaleSize {
  cities: number;
  districts: number;
  targets: number;
  weeks: number;
  projects: number;
}

/**
 * Every prefecture-level city's plans (issue 26): 300 cities, 200,000 targets, 50 weeks → 10,000,000
 * reports, 500,000 projects. The first 16 cities are the province's; the others are numbered.
 */
export const NATIONAL: ScaleSize = { cities: 300, districts: 10, targets: 200_000, weeks: 50, projects: 500_000 };

/** A city's name: the province's 16 first, then numbered ones. */
export function cityName(c: number): string {
  return CITY_NAMES[c] ?? `城市${c + 1}`;
}

/** The first target number of city `c` (0-based): cities get ⌊T/C⌋ or ⌈T/C⌉ targets, in order. */
export function cityStart(size: ScaleSize, c: number): number {
  return Math.floor((c * size.targets) / size.cities);
}

/** Reports are generated this many cities per statement (each statement's trigger sees its rows at once). */
const CITIES_PER_STATEMENT = 20;

export async function generateScaleData(
  db: Kysely<Database>,
  log: (s: string) => void = () => {},
  size: ScaleSize = SCALE,
): Promise<void> {
  const names = Array.from({ length: size.cities }, (_, c) => cityName(c));
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('plans')
      .values(
        names.map((name, i) => ({
          id: `scale-city-${i + 1}`,
          title: `${name}市2025年目标（规模测试）`,
          issuer: `${name}市人民政府`,
          year: 2025,
          document: 'scale-benchmark',
          published_on: null,
          thresholds: JSON.stringify({ lagPp: 5, severePp: 15, severeMiss: 0.1, cycleDays: 14, approxTolerance: 0.05 }),
        })),
      )
      .execute();
    log('plans');
    // Each city's 30 departments, as registry records (a target's lead is a registry id).
    const departments = names.flatMap((name, c) =>
      Array.from({ length: 30 }, (_, k) => ({
        id: `scale-c${c + 1}-d${k + 1}`,
        name: `${name}市部门${k + 1}`,
        short_name: `${name}部门${k + 1}`,
        kind: 'city',
        district: null,
        leader: null,
        aliases: '[]',
        merged_into: null,
        unmatched: false,
      })),
    );
    for (let i = 0; i < departments.length; i += 1000)
      await trx
        .insertInto('departments')
        .values(departments.slice(i, i + 1000))
        .execute();
    log('departments');
    let rows = [];
    for (let c = 0; c < size.cities; c++) {
      const start = cityStart(size, c);
      for (let i = 0; i < cityStart(size, c + 1) - start; i++) {
        const n = start + i;
        const district = i % (size.districts + 1) === 0 ? '市级' : `${names[c]}第${i % (size.districts + 1)}区`;
        const kind = i % 10 === 9 ? 'milestone' : i % 10 === 8 ? 'growth' : i % 10 === 7 ? 'level' : 'cumulative';
        rows.push({
          id: `scale-${n}`,
          plan_id: `scale-city-${c + 1}`,
          sector_id: SECTORS[n % SECTORS.length]?.id ?? 'demand',
          subsection: `分组${(n % 40) + 1}`,
          title: `${names[c]}目标${i + 1}`,
          district,
          department: `scale-c${c + 1}-d${(i % 30) + 1}`,
          kind,
          unit: kind === 'growth' ? '%' : kind === 'milestone' ? '' : '个',
          target: kind === 'milestone' ? null : kind === 'growth' ? 8 : 100 + (n % 900),
          comparator: 'gte',
          baseline: kind === 'level' ? 50 : null,
          period_start: '2025-01-01',
          deadline: DEADLINE,
          pacing: JSON.stringify(kind === 'milestone' ? { type: 'steps' } : { type: 'linear' }),
          stages: JSON.stringify(
            kind === 'milestone'
              ? [
                  { name: '开工', plannedDate: '2025-04-30' },
                  { name: '主体完工', plannedDate: '2025-09-30' },
                  { name: '建成', plannedDate: '2025-12-31' },
                ]
              : [],
          ),
          headline: null,
          source_document: 'scale-benchmark',
          source_quote: 'generated',
          demo: true,
        });
        if (rows.length === 1000) {
          await trx.insertInto('targets').values(rows).execute();
          rows = [];
        }
      }
    }
    if (rows.length > 0) await trx.insertInto('targets').values(rows).execute();
    log('targets');
    // Pace factor per target from a hash of its id: most on pace, some behind. A nation's
    // 10,000,000 rows go in statements of CITIES_PER_STATEMENT cities (the province's in one).
    for (let from = 0; from < size.cities; from += CITIES_PER_STATEMENT) {
      const plans = names.slice(from, from + CITIES_PER_STATEMENT).map((_, k) => `scale-city-${from + k + 1}`);
      await sql`
      insert into reports (id, target_id, as_of, recorded_at, value, unit, stages_done, note, reported_by, demo)
      select t.id || '-w' || w,
             t.id,
             ${FIRST_WEEK}::date + w * 7,
             (${FIRST_WEEK}::date + w * 7 + 1)::timestamp at time zone 'Asia/Shanghai' + interval '10 hours',
             case when t.kind = 'milestone' then null
                  when t.kind = 'growth' then round((t.target * (0.8 + (abs(hashtext(t.id)) % 40) / 100.0))::numeric, 2)
                  when t.kind = 'level' then round((t.baseline + (t.target - t.baseline) * (w + 1) / 52.0 * (0.6 + (abs(hashtext(t.id)) % 60) / 100.0))::numeric, 2)
                  else round((t.target * (w + 1) / 52.0 * (0.6 + (abs(hashtext(t.id)) % 60) / 100.0))::numeric, 2) end,
             t.unit,
             case when t.kind = 'milestone' then least(3, (w + abs(hashtext(t.id)) % 8) / 17) else null end,
             '',
             coalesce(d.name, '演示'),
             true
      from targets t left join departments d on d.id = t.department
        cross join generate_series(0, ${size.weeks - 1}) as w
      where ${size.cities <= CITIES_PER_STATEMENT ? sql`t.plan_id like 'scale-city-%'` : sql`t.plan_id in (${sql.join(plans)})`}`.execute(
        trx,
      );
      log(`reports of cities ${from + 1}–${from + plans.length}`);
    }
    log('reports');
    await insertSyntheticProjects(trx, { idPrefix: 'scale-prj-', namePrefix: '规模测试项目', count: size.projects });
    // Each project supports the first target of a city ((g mod cities) * targets / cities, floored).
    await sql`
      insert into project_targets (project_id, target_id)
      select 'scale-prj-' || g, 'scale-' || ((g % ${size.cities})::bigint * ${size.targets} / ${size.cities})
      from generate_series(1, ${size.projects}) as g`.execute(trx);
    log('projects');
  });
  await sql`analyze`.execute(db);
}

/**
 * `count` synthetic key projects (ids `${idPrefix}1…`, flagged demo), spread over districts, sectors
 * and stages by their number, in one INSERT … SELECT: the scale dataset and the client bench's long
 * projects table both use it.
 */
export async function insertSyntheticProjects(
  db: Kysely<Database>,
  o: { idPrefix: string; namePrefix: string; count: number },
): Promise<void> {
  if (o.count <= 0) return;
  await sql`
    insert into projects (id, name, district, sector_id, total_investment, planned_investment, completed_investment, stage, demo)
    select ${o.idPrefix}::text || g,
           ${o.namePrefix}::text || g,
           case when g % 11 = 0 then '市级' else '第' || (g % 11) || '区' end,
           (array['demand','innovation','industry','services','marine','reform','urban','rural','green','livelihood'])[1 + g % 10],
           round((1 + (g % 97))::numeric, 1),
           round((0.5 + (g % 41) / 2.0)::numeric, 1),
           round((0.2 + (g % 23) / 3.0)::numeric, 1),
           (array['preparation','construction','completed','operating'])[1 + g % 4],
           true
    from generate_series(1, ${o.count}) as g`.execute(db);
}
