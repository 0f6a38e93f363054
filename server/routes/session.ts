import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { changePasswordRequestSchema, type SessionResponse, signInRequestSchema } from '../../src/domain/write-api';
import { problem } from '../http/problem';
import {
  type AccountsEnv,
  actorOf,
  type Ctx,
  invalid,
  readJson,
  role,
  sameOrigin,
  type WriteDeps,
} from '../http/session';
import { audit } from '../repositories/audit';
import {
  createSession,
  deleteSession,
  deleteSessionsOfUser,
  SESSION_COOKIE,
  SESSION_MAX_MS,
} from '../repositories/sessions';
import { findUserByUsername, userWithScope } from '../repositories/users';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../services/password';
import { blockedFor, clearFailures, IpLimiter, recordFailure, sourceOf } from '../services/rate-limit';

/** GET/POST/DELETE /session: who am I, sign in, sign out; POST /session/password. */
export function sessionRoutes(deps: WriteDeps) {
  const { db, now, options } = deps;
  const ipLimiter = new IpLimiter(options.rateLimit.perIpPerMinute);
  const r = new Hono<AccountsEnv>();

  const secure = (c: Ctx) => options.secureCookies || c.get('publicOrigin').https;

  r.get('/session', async (c) => {
    const s = await c.get('session')();
    const body: SessionResponse = {
      user: s?.user ?? null,
      csrfToken: s?.csrfToken ?? null,
      readAccess: options.readAccess,
    };
    return c.json(body);
  });

  r.post('/session', async (c) => {
    // Sign-in has no session yet, so no CSRF token: a JSON body (which a cross-site form cannot
    // send without a CORS preflight) and a same-origin Origin stand in for it.
    if (!sameOrigin(c)) return problem(c, { status: 403, title: '无权操作', detail: '跨站请求被拒绝', code: 'csrf' });
    const ip = c.get('ip');
    const source = sourceOf(ip);
    const wait = ipLimiter.attempt(source, now());
    if (wait !== null) return tooMany(c, wait, SIGN_IN_THROTTLED);
    const body = await readJson(c, signInRequestSchema);
    if (!body.ok) return body.response;
    const { username, password } = body.value;
    // Only this source waits: the same account from elsewhere is answered as usual.
    const blocked = await blockedFor(db, username, source, now());
    if (blocked !== null) return tooMany(c, blocked, SIGN_IN_THROTTLED);

    const row = await findUserByUsername(db, username);
    const ok = await verifyPassword(password, row?.password_hash ?? (await dummyPasswordHash()));
    if (!row || !ok || row.disabled) {
      await recordFailure(db, username, source, now(), options.rateLimit);
      await audit(
        db,
        now(),
        { id: row?.id ?? null, username: username.slice(0, 64), ip },
        {
          action: 'session.sign_in_failed',
          entity: 'user',
          entityId: row?.id ?? null,
          after: { reason: !row ? 'unknown_user' : row.disabled ? 'disabled' : 'wrong_password' },
        },
      );
      return problem(c, { status: 401, title: '登录失败', detail: '用户名或密码不正确', code: 'bad_credentials' });
    }
    await clearFailures(db, username, source);
    const { token, csrfToken } = await createSession(db, row.id, now(), ip);
    const user = await userWithScope(db, row);
    await audit(db, now(), actorOf(c, user), { action: 'session.sign_in', entity: 'user', entityId: user.id });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secure(c),
      path: '/',
      maxAge: Math.floor(SESSION_MAX_MS / 1000),
    });
    const res: SessionResponse = { user, csrfToken, readAccess: options.readAccess };
    return c.json(res);
  });

  r.delete('/session', role('any'), async (c) => {
    const s = c.get('signedIn');
    await deleteSession(db, s.id);
    await audit(db, now(), actorOf(c, s.user), { action: 'session.sign_out', entity: 'user', entityId: s.user.id });
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c) });
    return c.body(null, 204);
  });

  r.post('/session/password', role('any'), async (c) => {
    const s = c.get('signedIn');
    const body = await readJson(c, changePasswordRequestSchema);
    if (!body.ok) return body.response;
    // Guessing the current password (with a stolen session) counts like guessing at sign-in, and
    // a waiting source is answered before any hash is computed.
    const source = sourceOf(c.get('ip'));
    const blocked = await blockedFor(db, s.user.username, source, now());
    if (blocked !== null) return tooMany(c, blocked, CHANGE_THROTTLED);
    const row = await db.selectFrom('users').select('password_hash').where('id', '=', s.user.id).executeTakeFirst();
    if (!row || !(await verifyPassword(body.value.currentPassword, row.password_hash))) {
      await recordFailure(db, s.user.username, source, now(), options.rateLimit);
      return invalid(
        c,
        '当前密码不正确',
        [{ field: 'currentPassword', message: '当前密码不正确' }],
        400,
        'bad_credentials',
      );
    }
    await clearFailures(db, s.user.username, source);
    const hash = await hashPassword(body.value.newPassword);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', s.user.id).execute();
      await audit(trx, now(), actorOf(c, s.user), {
        action: 'user.password_change',
        entity: 'user',
        entityId: s.user.id,
      });
    });
    // Other sessions (another browser, a stolen cookie) end with the old password.
    await deleteSessionsOfUser(db, s.user.id, s.id);
    return c.body(null, 204);
  });

  return r;
}

const SIGN_IN_THROTTLED = '登录尝试过于频繁';
const CHANGE_THROTTLED = '当前密码错误次数过多';

/** Waits run from seconds to a quarter of an hour: under a minute they are said in seconds. */
const waitInWords = (seconds: number) => (seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`);

function tooMany(c: Ctx, seconds: number, what: string) {
  c.header('retry-after', String(seconds));
  return problem(c, {
    status: 429,
    title: '尝试次数过多',
    detail: `${what}，请 ${waitInWords(seconds)}后再试`,
    code: 'rate_limited',
    params: { seconds },
  });
}
