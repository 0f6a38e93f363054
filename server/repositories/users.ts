import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Role, User } from '../../src/domain/write-api';
import type { Database, UsersTable } from '../db/schema';
import { hashPassword } from '../services/password';

type Db = Kysely<Database> | Transaction<Database>;

export function userFromRow(r: Selectable<UsersTable>, departments: string[]): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    departments: [...departments].sort(),
    disabled: r.disabled,
    createdAt: r.created_at,
  };
}

export async function departmentsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_departments').select('department').where('user_id', '=', userId).execute();
  return rows.map((r) => r.department);
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
  return row ? userFromRow(row, await departmentsOf(db, id)) : null;
}

export async function listUsers(db: Db): Promise<User[]> {
  const [rows, links] = await Promise.all([
    db.selectFrom('users').selectAll().orderBy('created_at').orderBy('username').execute(),
    db.selectFrom('user_departments').selectAll().execute(),
  ]);
  return rows.map((r) =>
    userFromRow(
      r,
      links.filter((l) => l.user_id === r.id).map((l) => l.department),
    ),
  );
}

export interface NewUser {
  username: string;
  displayName?: string | undefined;
  password: string;
  role: Role;
  departments: readonly string[];
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
  return userFromRow(row, departments);
}

/** PostgreSQL's unique_violation, from pg and from PGlite alike. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}
