import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('published_on', 'date')
    .addColumn('thresholds', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('sector_id', 'text', (c) => c.notNull())
    .addColumn('subsection', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('target', 'numeric')
    .addColumn('comparator', 'text', (c) => c.notNull())
    .addColumn('baseline', 'numeric')
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('deadline', 'date', (c) => c.notNull())
    .addColumn('pacing', 'jsonb', (c) => c.notNull())
    .addColumn('stages', 'jsonb', (c) => c.notNull())
    .addColumn('headline', 'text')
    .addColumn('source_document', 'text', (c) => c.notNull())
    .addColumn('source_quote', 'text', (c) => c.notNull())
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sort_order', 'serial')
    .execute();
  await db.schema.createIndex('targets_plan_idx').on('targets').columns(['plan_id', 'sector_id']).execute();
  await db.schema.createIndex('targets_sector_idx').on('targets').column('sector_id').execute();
  await db.schema.createIndex('targets_district_idx').on('targets').column('district').execute();
  await db.schema.createIndex('targets_department_idx').on('targets').column('department').execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target_id', 'text', (c) => c.notNull().references('targets.id'))
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('value', 'numeric')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('stages_done', 'integer')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evidence', 'text')
    .addColumn('source_document', 'text')
    .addColumn('source_quote', 'text')
    .addColumn('reported_by', 'text', (c) => c.notNull())
    .addColumn('supersedes', 'text', (c) => c.references('reports.id'))
    .addColumn('correction_reason', 'text')
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addCheckConstraint('reports_value_or_stages', sql`value is not null or stages_done is not null`)
    .execute();
  await db.schema.createIndex('reports_target_asof_idx').on('reports').columns(['target_id', 'as_of']).execute();
  await db.schema.createIndex('reports_asof_idx').on('reports').column('as_of').execute();
  await db.schema.createIndex('reports_recorded_idx').on('reports').column('recorded_at').execute();
  // A report can be corrected once; a second correction corrects the correction. This is what makes
  // two simultaneous corrections of the same report conflict instead of both "winning".
  await db.schema.createIndex('reports_supersedes_uq').on('reports').column('supersedes').unique().execute();

  await db.schema
    .createTable('context_figures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target_id', 'text', (c) => c.notNull().references('targets.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('value', 'numeric', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('as_of_precision', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('source_document', 'text', (c) => c.notNull())
    .addColumn('source_quote', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('context_figures_target_idx').on('context_figures').column('target_id').execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('sector_id', 'text', (c) => c.notNull())
    .addColumn('total_investment', 'numeric')
    .addColumn('planned_investment', 'numeric')
    .addColumn('completed_investment', 'numeric')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('source_document', 'text')
    .addColumn('source_quote', 'text')
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex('projects_district_idx').on('projects').column('district').execute();
  await db.schema.createIndex('projects_sector_idx').on('projects').column('sector_id').execute();
  await db.schema.createIndex('projects_name_idx').on('projects').column('name').execute();

  await db.schema
    .createTable('project_targets')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('target_id', 'text', (c) => c.notNull().references('targets.id'))
    .addPrimaryKeyConstraint('project_targets_pk', ['project_id', 'target_id'])
    .execute();
  await db.schema
    .createIndex('project_targets_target_idx')
    .on('project_targets')
    .columns(['target_id', 'project_id'])
    .execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['meta', 'project_targets', 'projects', 'context_figures', 'reports', 'targets', 'plans']) {
    await db.schema.dropTable(t).execute();
  }
}
