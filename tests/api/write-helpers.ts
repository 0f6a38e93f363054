import type { Hono } from 'hono';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../server/db/schema';
import { createUser } from '../../server/repositories/users';

/** Accounts, sign-in and request helpers shared by the write-API tests. */
export const PASSWORD = 'correct horse battery';
export const DEPT_A = '测试牵头局甲';
export const DEPT_B = '测试牵头局乙';

export interface Fixture {
  /** A cumulative target led by DEPT_A. */
  targetA: string;
  /** A target led by DEPT_B. */
  targetB: string;
  /** A target without a lead department (only admins may write). */
  targetNull: string;
}

/** Assigns departments to three catalog targets (directly in the test database) and creates one user per role. */
export async function seedAccounts(db: Kysely<Database>, now: Date): Promise<Fixture> {
  const cumulative = await db
    .selectFrom('targets')
    .select(['id'])
    .where('kind', '=', 'cumulative')
    .where('department', 'is', null)
    .where('deadline', '>=', '2025-12-31')
    .where('period_start', '<=', '2025-01-01')
    .orderBy('sort_order')
    .limit(3)
    .execute();
  const [a, b, n] = cumulative.map((r) => r.id);
  if (!a || !b || !n) throw new Error('fixture: not enough cumulative targets without a department');
  await db.updateTable('targets').set({ department: DEPT_A }).where('id', '=', a).execute();
  await db.updateTable('targets').set({ department: DEPT_B }).where('id', '=', b).execute();
  await createUser(db, { username: 'admin', password: PASSWORD, role: 'admin', departments: [] }, now);
  await createUser(db, { username: 'viewer', password: PASSWORD, role: 'viewer', departments: [] }, now);
  await createUser(db, { username: 'rep-a', password: PASSWORD, role: 'reporter', departments: [DEPT_A] }, now);
  await createUser(db, { username: 'rep-b', password: PASSWORD, role: 'reporter', departments: [DEPT_B] }, now);
  return { targetA: a, targetB: b, targetNull: n };
}

export interface Who {
  cookie: string;
  csrf: string;
}

export async function signIn(app: Hono, username: string, password = PASSWORD): Promise<Who> {
  const res = await app.request('/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

export function call(
  app: Hono,
  method: string,
  path: string,
  who: Who | null,
  body?: unknown,
  extra: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...extra };
  if (who) {
    headers.cookie = who.cookie;
    headers['x-csrf-token'] = who.csrf;
  }
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  return Promise.resolve(
    app.request(`/api/v1${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) }),
  );
}

export function fileForm(bytes: Uint8Array | string, name: string, type = 'application/octet-stream'): FormData {
  const form = new FormData();
  form.append('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type }));
  return form;
}

const SNAPSHOT_TABLES = ['plans', 'targets', 'reports', 'users', 'user_departments', 'imports'] as const;

/** A fingerprint of everything a write could change (sessions and the audit of sign-ins aside). */
export async function snapshot(db: Kysely<Database>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of SNAPSHOT_TABLES) {
    const r = await sql<{ n: number; h: string | null }>`
      select count(*)::int as n, md5(string_agg(x::text, '|' order by x::text)) as h from ${sql.table(t)} x`.execute(
      db,
    );
    out[t] = `${r.rows[0]?.n}:${r.rows[0]?.h}`;
  }
  const audits = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', 'not like', 'session.%')
    .executeTakeFirst();
  out.audit = String(audits?.n);
  return out;
}
