import { type Kysely, sql } from 'kysely';

/**
 * Accounts, sessions, the audit log and import receipts (issue 7). Sessions live in the database so
 * that any number of stateless server instances can serve the same signed-in person.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addCheckConstraint('users_role_check', sql`role in ('viewer', 'reporter', 'admin')`)
    .execute();
  // Usernames are compared case-insensitively: "Zhang" and "zhang" are one account.
  await sql`create unique index users_username_uq on users (lower(username))`.execute(db);

  await db.schema
    .createTable('user_departments')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('department', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_departments_pk', ['user_id', 'department'])
    .execute();
  await db.schema.createIndex('user_departments_department_idx').on('user_departments').column('department').execute();

  await db.schema
    .createTable('sessions')
    // sha256 of the cookie token: a stolen database backup does not hand out live sessions.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen', 'timestamptz', (c) => c.notNull())
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

  // Failed sign-ins per username, shared by every instance (the per-IP limiter is in memory).
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('locked_until', 'timestamptz')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor', 'text')
    .addColumn('ip', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();
  // Append-only, enforced by the database itself and not only by the code that writes it.
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end
    $$`.execute(db);
  await sql`
    create trigger audit_log_no_update_or_delete before update or delete or truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);

  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addCheckConstraint('imports_kind_check', sql`kind in ('reports', 'catalog')`)
    .execute();
  // The same file committed twice by the same person is one import, not two.
  await db.schema
    .createIndex('imports_file_uq')
    .on('imports')
    .columns(['kind', 'user_id', 'file_sha256'])
    .unique()
    .execute();

  // Reports written through the API remember which import (if any) brought them.
  await db.schema.alterTable('reports').addColumn('import_id', 'text').execute();
  await db.schema.createIndex('reports_import_idx').on('reports').column('import_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reports_import_idx').execute();
  await db.schema.alterTable('reports').dropColumn('import_id').execute();
  for (const t of ['imports', 'audit_log', 'sign_in_failures', 'sessions', 'user_departments', 'users']) {
    await db.schema.dropTable(t).execute();
  }
  await sql`drop function if exists audit_log_append_only()`.execute(db);
}
