import type { Kysely, Transaction } from 'kysely';
import { closestDepartmentsIn, type Department, matchDepartmentIn } from '../../src/domain/departments';
import type { Issue } from '../../src/domain/issues';
import type { Database } from '../db/schema';
import { departmentFromRow } from '../repositories/rows';

type Db = Kysely<Database> | Transaction<Database>;

/** The registry, in its order. */
export async function loadRegistry(db: Db): Promise<Department[]> {
  const rows = await db.selectFrom('departments').selectAll().orderBy('sort_order').execute();
  return rows.map(departmentFromRow);
}

/** An unknown department, with the registry names nearest to what was written. */
export function unknownDepartment(list: readonly Department[], text: string): Issue {
  const closest = closestDepartmentsIn(
    list.filter((d) => d.mergedInto === null),
    text,
  ).map((d) => d.name);
  return { code: 'unknown_department', params: { name: text, closest: closest.join('、') || '—' } };
}

/**
 * The registry record a text (an id, a full or short name, an alias) names, or the issue to report:
 * unknown (with the nearest names) or merged into another (name the one it became).
 */
export function resolveDepartment(
  list: readonly Department[],
  text: string,
): { ok: true; department: Department } | { ok: false; issue: Issue } {
  const d = matchDepartmentIn(list, text);
  if (!d) return { ok: false, issue: unknownDepartment(list, text) };
  if (d.mergedInto !== null) {
    const into = list.find((x) => x.id === d.mergedInto);
    return {
      ok: false,
      issue: { code: 'department_merged', params: { name: d.name, into: into?.name ?? d.mergedInto } },
    };
  }
  return { ok: true, department: d };
}

/** A division of tasks checked against the registry: ids that exist and are not merged, lead not supporting. */
export function checkDivision(
  list: readonly Department[],
  division: { department?: string | null | undefined; supportingDepartments?: readonly string[] | undefined },
): Issue | null {
  const ids = [...(division.department ? [division.department] : []), ...(division.supportingDepartments ?? [])];
  for (const id of ids) {
    const d = list.find((x) => x.id === id);
    if (!d) return unknownDepartment(list, id);
    if (d.mergedInto !== null) {
      const r = resolveDepartment(list, id);
      if (!r.ok) return r.issue;
    }
  }
  if (division.department && division.supportingDepartments?.includes(division.department))
    return { code: 'lead_also_supporting' };
  return null;
}

/**
 * The registry with, per department, the targets it leads and supports (and the accounts bound to
 * it, for the admin), and the count of targets with no lead: one round trip of three reads.
 */
export async function registryWithCounts(db: Db, withUsers: boolean) {
  const [items, counts, unassigned] = await Promise.all([
    loadRegistry(db),
    db
      .selectFrom('departments as d')
      .select((eb) => [
        'd.id',
        eb
          .selectFrom('targets')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('targets.department', '=', 'd.id')
          .as('leads'),
        eb
          .selectFrom('target_departments as td')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('td.department_id', '=', 'd.id')
          .as('supports'),
        eb
          .selectFrom('user_departments as u')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('u.department', '=', 'd.id')
          .as('users'),
      ])
      .execute(),
    db
      .selectFrom('targets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('department', 'is', null)
      .executeTakeFirst(),
  ]);
  const byId = new Map(counts.map((x) => [x.id, x]));
  return {
    items: items.map((d) => ({
      ...d,
      leads: Number(byId.get(d.id)?.leads ?? 0),
      supports: Number(byId.get(d.id)?.supports ?? 0),
      ...(withUsers ? { users: Number(byId.get(d.id)?.users ?? 0) } : {}),
    })),
    unassignedTargets: Number(unassigned?.n ?? 0),
  };
}
