import type { Kysely } from 'kysely';
import type { Dataset } from '../../src/domain/views';
import {
  contextFigureToRow,
  planToRow,
  projectToRow,
  reportToRow,
  supportingRows,
  targetToRow,
} from '../repositories/rows';
import type { Database } from './schema';

/** Rows per INSERT: keeps statements well under PostgreSQL's 65,535 bind parameters. */
const CHUNK = 1000;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function isSeeded(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'seeded_at').executeTakeFirst();
  return row !== undefined;
}

/** Loads a dataset into an empty database, all or nothing (one transaction). */
export async function seedDatabase(
  db: Kysely<Database>,
  data: Dataset,
  meta: { demo: boolean; seededAt: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertChunked(data.plans, (c) => trx.insertInto('plans').values(c.map(planToRow)).execute());
    await insertChunked(data.targets, (c) => trx.insertInto('targets').values(c.map(targetToRow)).execute());
    await insertChunked(data.targets.flatMap(supportingRows), (c) =>
      trx.insertInto('target_departments').values(c).execute(),
    );
    // A correction references the report it corrects, which was always recorded before it.
    const reports = [...data.reports].sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
    await insertChunked(reports, (c) => trx.insertInto('reports').values(c.map(reportToRow)).execute());
    await insertChunked(data.contextFigures, (c) =>
      trx.insertInto('context_figures').values(c.map(contextFigureToRow)).execute(),
    );
    await insertChunked(data.projects, (c) => trx.insertInto('projects').values(c.map(projectToRow)).execute());
    const links = data.projects.flatMap((p) => p.targetIds.map((t) => ({ project_id: p.id, target_id: t })));
    await insertChunked(links, (c) => trx.insertInto('project_targets').values(c).execute());
    await trx
      .insertInto('meta')
      .values([
        { key: 'seeded_at', value: meta.seededAt },
        { key: 'demo', value: meta.demo ? '1' : '0' },
      ])
      .execute();
  });
}
