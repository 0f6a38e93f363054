import type { Hono } from 'hono';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../server/db/schema';
import { createUser } from '../../server/repositories/users';

/** Accounts, sign-in and request helpers shared by the write-API tests. */
export const PASSWORD = 'correct horse battery';
/** Two departments of the registry that only the tests use (ids; their names below). */
export const DEPT_A = 'test-a';
export const DEPT_B = 'test-b';
export const DEPT_A_NAME = '测试牵头局甲';
export const DEPT_B_NAME = '测试牵头局乙';

export interface Fixture {
  /** A cumulative target led by DEPT_A. */
  targetA: string;
  /** A target led by DEPT_B. */
  targetB: string;
  /** A target without a lead department (only admins may write). */
  targetNull: string;
}

/**
 * Adds DEPT_A and DEPT_B to the registry, assigns them (and no lead) to three catalog targets with no
 * department in the documents (directly in the test database: no supporting departments, not the demo
 * division) and creates one user per role (and two reviewers: `reviewer` of the city's plan, `rev-a` of DEPT_A).
 */
export async function seedAccounts(db: Kysely<Database>, now: Date): Promise<Fixture> {
  await db
    .insertInto('departments')
    .values([
      { id: DEPT_A, name: DEPT_A_NAME, short_name: DEPT_A_NAME, kind: 'other', district: null, leader: null },
      { id: DEPT_B, name: DEPT_B_NAME, short_name: DEPT_B_NAME, kind: 'other', district: null, leader: null },
    ])
    .execute();
  const cumulative = await db
    .selectFrom('targets')
    .select(['id'])
    .where('kind', '=', 'cumulative')
    // No department in the documents: none, or the demo division's.
    .where((eb) => eb.or([eb('department', 'is', null), eb('division_demo', '=', true)]))
    .where('deadline', '>=', '2025-12-31')
    .where('period_start', '<=', '2025-01-01')
    .orderBy('sort_order')
    .limit(3)
    .execute();
  const [a, b, n] = cumulative.map((r) => r.id);
  if (!a || !b || !n) throw new Error('fixture: not enough cumulative targets without a department');
  await db.deleteFrom('target_departments').where('target_id', 'in', [a, b, n]).execute();
  const assign = (id: string, department: string | null) =>
    db
      .updateTable('targets')
      .set({ department, division_demo: false, support_may_report: false })
      .where('id', '=', id)
      .execute();
  await assign(a, DEPT_A);
  await assign(b, DEPT_B);
  await assign(n, null);
  await createUser(db, { username: 'admin', password: PASSWORD, role: 'admin', departments: [] }, now);
  await createUser(db, { username: 'viewer', password: PASSWORD, role: 'viewer', departments: [] }, now);
  await createUser(db, { username: 'rep-a', password: PASSWORD, role: 'reporter', departments: [DEPT_A] }, now);
  await createUser(db, { username: 'rep-b', password: PASSWORD, role: 'reporter', departments: [DEPT_B] }, now);
  // The city's target office reviews its whole plan; rev-a reviews DEPT_A's reports only.
  await createUser(
    db,
    { username: 'reviewer', password: PASSWORD, role: 'reviewer', departments: [], plans: ['qd-2025'] },
    now,
  );
  await createUser(db, { username: 'rev-a', password: PASSWORD, role: 'reviewer', departments: [DEPT_A] }, now);
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

const SNAPSHOT_TABLES = [
  'plans',
  'targets',
  'reports',
  'users',
  'user_departments',
  'user_plans',
  'imports',
  'departments',
  'target_departments',
] as const;

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
