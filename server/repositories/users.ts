import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Role, User } from '../../src/domain/write-api';
import type { Database, UsersTable } from '../db/schema';
import { hashPassword } from '../services/password';

type Db = Kysely<Database> | Transaction<Database>;

export function userFromRow(r: Selectable<UsersTable>, departments: string[], plans: string[] = []): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    departments: [...departments].sort(),
    plans: [...plans].sort(),
    disabled: r.disabled,
    createdAt: r.created_at,
  };
}

export async function departmentsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_departments').select('department').where('user_id', '=', userId).execute();
  return rows.map((r) => r.department);
}

/** The plans a reviewer reviews whole (0008-approval). */
export async function plansOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_plans').select('plan_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.plan_id);
}

/** A user's row with their departments and plans. */
export async function userWithScope(db: Db, row: Selectable<UsersTable>): Promise<User> {
  const [departments, plans] = await Promise.all([departmentsOf(db, row.id), plansOf(db, row.id)]);
  return userFromRow(row, departments, plans);
}

/** Replaces the plans a reviewer reviews whole. */
export async function setPlansOf(db: Db, userId: string, plans: readonly string[]): Promise<void> {
  await db.deleteFrom('user_plans').where('user_id', '=', userId).execute();
  const ids = [...new Set(plans)];
  if (ids.length)
    await db
      .insertInto('user_plans')
      .values(ids.map((plan_id) => ({ user_id: userId, plan_id })))
      .execute();
}

export async function findUserByUsername(db: Db, username: string): Promise<Selectable<UsersTable> | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(username)`, '=', username.trim().toLowerCase())
    .executeTakeFirst();
}

export async function getUser(db: Db, id: string): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? userWithScope(db, row) : null;
}

export async function listUsers(db: Db): Promise<User[]> {
  const [rows, links, planLinks] = await Promise.all([
    db.selectFrom('users').selectAll().orderBy('created_at').orderBy('username').execute(),
    db.selectFrom('user_departments').selectAll().execute(),
    db.selectFrom('user_plans').selectAll().execute(),
  ]);
  return rows.map((r) =>
    userFromRow(
      r,
      links.filter((l) => l.user_id === r.id).map((l) => l.department),
      planLinks.filter((l) => l.user_id === r.id).map((l) => l.plan_id),
    ),
  );
}

export interface NewUser {
  username: string;
  displayName?: string | undefined;
  password: string;
  role: Role;
  departments: readonly string[];
  plans?: readonly string[] | undefined;
}

export class UsernameTakenError extends Error {
  constructor(username: string) {
    super(`用户名“${username}”已存在`);
  }
}

/** Creates a user (the caller audits). Hashing happens before the transaction so it holds no lock. */
export async function createUser(db: Db, u: NewUser, now: Date): Promise<User> {
  if (await findUserByUsername(db, u.username)) throw new UsernameTakenError(u.username);
  const row = {
    id: randomUUID(),
    username: u.username.trim(),
    display_name: u.displayName?.trim() || u.username.trim(),
    password_hash: await hashPassword(u.password),
    role: u.role,
    created_at: now.toISOString(),
    disabled: false,
  };
  try {
    await db.insertInto('users').values(row).execute();
  } catch (e) {
    if (isUniqueViolation(e)) throw new UsernameTakenError(u.username);
    throw e;
  }
  const departments = [...new Set(u.departments.map((d) => d.trim()).filter(Boolean))];
  if (departments.length)
    await db
      .insertInto('user_departments')
      .values(departments.map((department) => ({ user_id: row.id, department })))
      .execute();
  const plans = [...new Set(u.plans ?? [])];
  if (plans.length) await setPlansOf(db, row.id, plans);
  return userFromRow(row, departments, plans);
}

/** PostgreSQL's unique_violation, from pg and from PGlite alike. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}
