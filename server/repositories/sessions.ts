import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { User } from '../../src/domain/write-api';
import type { Database } from '../db/schema';
import { userWithScope } from './users';

/**
 * Server-side sessions in the database: the cookie holds a random 32-byte token, the table holds its
 * sha256. Any instance behind the load balancer can resolve any session; signing out or disabling a
 * user takes effect everywhere at once.
 */
export const SESSION_COOKIE = 'tb_session';
/** Idle timeout: a session unused this long is over. */
export const SESSION_IDLE_MS = 12 * 3_600_000;
/** Absolute limit, however active. */
export const SESSION_MAX_MS = 7 * 24 * 3_600_000;
/** last_seen is written at most this often (keeps reads from turning into writes). */
const TOUCH_EVERY_MS = 5 * 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Session {
  id: string;
  user: User;
  csrfToken: string;
}

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  now: Date,
  ip: string | null,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
      last_seen: now.toISOString(),
      ip,
    })
    .execute();
  // Housekeeping rides along with sign-ins rather than needing a scheduler on some instance.
  await db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
  return { token, csrfToken };
}

export async function resolveSession(db: Kysely<Database>, token: string, now: Date): Promise<Session | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const id = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.created_at as session_created_at',
      'sessions.last_seen',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const t = now.getTime();
  if (row.disabled || Date.parse(row.expires_at) <= t || Date.parse(row.session_created_at) + SESSION_MAX_MS <= t) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (t - Date.parse(row.last_seen) > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen: now.toISOString(), expires_at: new Date(t + SESSION_IDLE_MS).toISOString() })
      .where('id', '=', id)
      .execute();
  }
  const { csrf_token, expires_at: _e, session_created_at: _c, last_seen: _l, ...user } = row;
  return { id, user: await userWithScope(db, user), csrfToken: csrf_token };
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string, except?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (except) q = q.where('id', '!=', except);
  await q.execute();
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
