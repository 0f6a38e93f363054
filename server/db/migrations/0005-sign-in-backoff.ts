import type { Kysely } from 'kysely';

/**
 * Failed sign-ins counted per (username, source) instead of per username (issue 19): five wrong
 * passwords from anywhere used to lock the account itself, so anyone could keep its owner out.
 * A source is the client address (an IPv6 /64); the source `*` holds the account's count across
 * all sources. The old rows are dropped with the old table: they were at most 15-minute locks.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_failures').execute();
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('last_failure', 'timestamptz', (c) => c.notNull())
    .addColumn('blocked_until', 'timestamptz')
    .addPrimaryKeyConstraint('sign_in_failures_pk', ['username', 'source'])
    .execute();
  // For sweeping forgotten rows (guesses at made-up usernames would otherwise pile up).
  await db.schema.createIndex('sign_in_failures_last_idx').on('sign_in_failures').column('last_failure').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_failures').execute();
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('locked_until', 'timestamptz')
    .execute();
}
