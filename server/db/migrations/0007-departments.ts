import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { DEPARTMENTS } from '../../../data/departments';
import { demoDivision } from '../../../data/division';
import { matchDepartmentIn } from '../../../src/domain/departments';

/**
 * The department registry and the division of tasks (issue 22).
 *
 * - `departments`: one record per department, with a stable id; the registry of Qingdao's municipal
 *   departments and district governments is loaded here.
 * - `targets.department` (the lead, 牵头单位), `user_departments.department` become registry ids. The
 *   free text they held is matched by name, short name or alias; a name the registry does not know
 *   becomes a record of its own flagged `unmatched` (shown to the admin to check or merge), never
 *   dropped.
 * - `target_departments`: the supporting departments (配合单位) of a target.
 * - `targets.division_demo`: the lead and supporting departments are the demo division of tasks;
 *   `targets.support_may_report`: a supporting department's reporters may report on the target.
 * - `reports.department_id`: the department a report was made for, kept when the target is
 *   reassigned later (null for reports made before this migration).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('city', 'district', 'other')`))
    .addColumn('district', 'text')
    .addColumn('leader', 'text')
    .addColumn('aliases', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('merged_into', 'text', (c) => c.references('departments.id'))
    .addColumn('unmatched', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sort_order', 'serial')
    .execute();
  await db
    .insertInto('departments')
    .values(
      DEPARTMENTS.map((d) => ({
        id: d.id,
        name: d.name,
        short_name: d.shortName,
        kind: d.kind,
        district: d.district,
        leader: null,
        aliases: JSON.stringify(d.aliases),
      })),
    )
    .execute();

  // Free text to registry ids.
  const registry = DEPARTMENTS.map((d) => ({ ...d }));
  const { rows: names } = await sql<{ name: string }>`
    select department as name from targets where department is not null
    union select department from user_departments`.execute(db);
  for (const { name } of names) {
    let id = matchDepartmentIn(registry, name)?.id;
    if (!id) {
      id = `u-${createHash('sha256').update(name).digest('hex').slice(0, 10)}`;
      await db
        .insertInto('departments')
        .values({ id, name, short_name: name, kind: 'other', unmatched: true })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    if (id === name) continue;
    await db.updateTable('targets').set({ department: id }).where('department', '=', name).execute();
    // One user may have held two spellings of one department: keep one row.
    await sql`insert into user_departments (user_id, department)
      select user_id, ${id} from user_departments where department = ${name}
      on conflict do nothing`.execute(db);
    await db.deleteFrom('user_departments').where('department', '=', name).execute();
  }

  await db.schema
    .alterTable('targets')
    .addForeignKeyConstraint('targets_department_fk', ['department'], 'departments', ['id'])
    .execute();
  await db.schema
    .alterTable('targets')
    .addColumn('division_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('support_may_report', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema
    .alterTable('user_departments')
    .addForeignKeyConstraint('user_departments_department_fk', ['department'], 'departments', ['id'])
    .execute();
  await db.schema
    .createTable('target_departments')
    .addColumn('target_id', 'text', (c) => c.notNull().references('targets.id').onDelete('cascade'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addPrimaryKeyConstraint('target_departments_pk', ['target_id', 'department_id'])
    .execute();
  await db.schema
    .createIndex('target_departments_department_idx')
    .on('target_departments')
    .column('department_id')
    .execute();
  await db.schema
    .alterTable('reports')
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .execute();
  // A database loaded with the demo gets the demo division of tasks, as a new one does (data/dataset.ts).
  const demo = await db.selectFrom('meta').select('value').where('key', '=', 'demo').executeTakeFirst();
  if (demo?.value === '1') {
    const targets = await db
      .selectFrom('targets')
      .select(['id', 'plan_id', 'sector_id', 'subsection', 'title', 'district', 'department'])
      .where('department', 'is', null)
      .execute();
    for (const t of targets) {
      const d = demoDivision({
        id: t.id,
        planId: t.plan_id,
        sectorId: t.sector_id,
        subsection: t.subsection,
        title: t.title,
        district: t.district,
        department: t.department,
      });
      if (!d) continue;
      await db.updateTable('targets').set({ department: d.lead, division_demo: true }).where('id', '=', t.id).execute();
      const supporting = [...new Set(d.supporting)];
      if (supporting.length)
        await db
          .insertInto('target_departments')
          .values(supporting.map((department_id) => ({ target_id: t.id, department_id })))
          .execute();
    }
  }
  // A renamed department or a new division changes what the API shows: both versions move (0003, 0004).
  for (const t of ['departments', 'target_departments']) {
    await sql`create trigger ${sql.raw(`${t}_data_version`)} after insert or update or delete on ${sql.table(t)}
      for each statement execute function bump_data_version()`.execute(db);
    await sql`create trigger ${sql.raw(`${t}_catalog_version`)} after insert or update or delete or truncate
      on ${sql.table(t)} for each statement execute function bump_catalog_version()`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').dropColumn('department_id').execute();
  await db.schema.dropTable('target_departments').execute();
  await db.schema.alterTable('user_departments').dropConstraint('user_departments_department_fk').execute();
  await db.schema.alterTable('targets').dropColumn('support_may_report').dropColumn('division_demo').execute();
  await db.schema.alterTable('targets').dropConstraint('targets_department_fk').execute();
  await sql`update targets t set department = d.name from departments d where d.id = t.department`.execute(db);
  await sql`update user_departments u set department = d.name from departments d where d.id = u.department`.execute(db);
  await db.schema.dropTable('departments').execute();
}
