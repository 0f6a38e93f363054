import { type Kysely, sql } from 'kysely';

/**
 * The period a published figure describes (issue 21): a report's figure may be of a month, a
 * quarter, a year or a span from January (1—11月), not of the day `as_of`, which is then the
 * period's end. `period_precision` null is a day (every department's report); `period_label` is the
 * source's own words for the period (前三季度) where they differ from the standard rendering.
 * Context figures already had their precision; they get the label too. Stage estimates
 * (`estimated` on a stage) live in `targets.stages`, a jsonb column: no change there.
 */
const PRECISIONS = sql`('day', 'month', 'quarter', 'half', 'year', 'ytd-month')`;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('reports')
    .addColumn('period_precision', 'text')
    .addColumn('period_label', 'text')
    .execute();
  await db.schema
    .alterTable('reports')
    .addCheckConstraint(
      'reports_period',
      sql`(period_precision is null or period_precision in ${PRECISIONS}) and (period_label is null or period_precision is not null)`,
    )
    .execute();
  await db.schema.alterTable('context_figures').addColumn('period_label', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('context_figures').dropColumn('period_label').execute();
  await db.schema.alterTable('reports').dropConstraint('reports_period').execute();
  await db.schema.alterTable('reports').dropColumn('period_label').dropColumn('period_precision').execute();
}
