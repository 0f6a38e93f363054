import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { z } from 'zod';
import {
  type ConfirmationIssue,
  type FieldCheckIssue,
  type IssueCode,
  type IssueParams,
  issueOfZod,
} from '../../src/domain/issues';
import { isStorableText, type Target, UNSTORABLE_TEXT } from '../../src/domain/schemas';
import type { Confirmation, FieldIssue, ReadAccess, User } from '../../src/domain/write-api';
import { zhIssueText } from '../../src/i18n/validation';
import type { Database } from '../db/schema';
import type { Actor } from '../repositories/audit';
import { resolveSession, SESSION_COOKIE, type Session, sameToken } from '../repositories/sessions';
import type { RateLimitOptions } from '../services/rate-limit';
import { problem } from './problem';

export interface WriteLimits {
  /** Largest upload accepted (bytes). */
  maxFileBytes: number;
  /** Most data rows an import may have. */
  maxRows: number;
  /** Largest JSON body of a write (bytes). */
  maxJsonBytes: number;
}

export const DEFAULT_LIMITS: WriteLimits = { maxFileBytes: 5 * 1024 * 1024, maxRows: 5000, maxJsonBytes: 64 * 1024 };

export interface AccountsOptions {
  readAccess: ReadAccess;
  limits: WriteLimits;
  rateLimit: RateLimitOptions;
  /** Take the client address from X-Forwarded-For (behind a trusted reverse proxy / load balancer). */
  trustProxy: boolean;
  /** Mark the session cookie Secure even when the request looks like plain http (TLS ends at the proxy). */
  secureCookies: boolean;
}

export interface WriteDeps {
  db: Kysely<Database>;
  now: () => Date;
  options: AccountsOptions;
}

export type AccountsEnv = {
  Variables: {
    /** Resolves (once per request) the signed-in session, if any. */
    session: () => Promise<Session | null>;
    ip: string | null;
    /** The scheme and host the browser used: the proxy's X-Forwarded-Proto/-Host when it is trusted. */
    publicOrigin: { https: boolean; host: string };
    /** The session of a route behind `role()`: read it only there (elsewhere it is not set). */
    signedIn: Session;
  };
};
export type Ctx = Context<AccountsEnv>;

export const unauthenticated = (c: Context) =>
  problem(c, { status: 401, title: '未登录', detail: '请先登录', code: 'unauthenticated' });
export const forbidden = (c: Context, detail: string, code: IssueCode = 'forbidden', params?: IssueParams) =>
  problem(c, { status: 403, title: '无权操作', detail, code, ...(params ? { params } : {}) });
export const notFoundProblem = (c: Context, detail: string) =>
  problem(c, { status: 404, title: '未找到', detail, code: 'not_found' });
export const invalid = (c: Context, detail: string, errors?: FieldIssue[], status = 400, code: IssueCode = 'invalid') =>
  problem(c, { status, title: '提交的内容有误', detail, code, ...(errors ? { errors } : {}) });

/**
 * A domain check's issue as the API sends it: in Chinese, the API's language, with the words the
 * client has (src/i18n/zh-cn.ts), and with its code and params so a client words it in its own.
 */
export function fieldIssue(i: FieldCheckIssue): FieldIssue {
  return { field: i.field, message: zhIssueText(i), code: i.code, ...(i.params ? { params: i.params } : {}) };
}
export function confirmation(c: ConfirmationIssue): Confirmation {
  return { code: c.code, message: zhIssueText(c), params: c.params };
}

/** The last value of a comma-separated header a proxy appends to: the only one the proxy wrote itself. */
function lastForwarded(c: Context, name: string): string | undefined {
  const v = c.req.header(name)?.split(',').at(-1)?.trim();
  return v ? v : undefined;
}

/**
 * The client's address. Behind a trusted proxy it is the rightmost X-Forwarded-For entry, the one
 * the proxy appended: the entries left of it are whatever the client chose to send, and trusting
 * them would let anyone dodge the sign-in limits or write any address into the audit log.
 */
export function clientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const fwd = lastForwarded(c, 'x-forwarded-for');
    if (fwd) return fwd.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}

/** Per-request setup: the lazy session resolver and the client address. */
export function accountsMiddleware(deps: WriteDeps) {
  return async (c: Ctx, next: () => Promise<void>) => {
    let resolved: Promise<Session | null> | undefined;
    c.set('session', () => {
      resolved ??= (async () => {
        const token = getCookie(c, SESSION_COOKIE);
        return token ? resolveSession(deps.db, token, deps.now()) : null;
      })();
      return resolved;
    });
    c.set('ip', clientIp(c, deps.options.trustProxy));
    c.set('publicOrigin', publicOrigin(c, deps.options.trustProxy));
    await next();
  };
}

export const actorOf = (c: Ctx, user: User | null): Actor => ({
  id: user?.id ?? null,
  username: user?.username ?? null,
  ip: c.get('ip'),
});

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The gate of every write: a session (else 401), then the CSRF token of that session in the
 * X-CSRF-Token header and, when the browser sends one, an Origin of this host (else 403).
 */
async function requireSession(c: Ctx): Promise<Session | Response> {
  const session = await c.get('session')();
  if (!session) return unauthenticated(c);
  if (WRITE_METHODS.has(c.req.method)) {
    const header = c.req.header('x-csrf-token') ?? '';
    if (!sameToken(header, session.csrfToken))
      return forbidden(c, '请求缺少有效的安全令牌（CSRF），请刷新页面后重试', 'csrf');
    if (!sameOrigin(c)) return forbidden(c, '跨站请求被拒绝', 'csrf');
  }
  return session;
}

export function publicOrigin(c: Context, trustProxy: boolean): { https: boolean; host: string } {
  const url = new URL(c.req.url);
  const host = c.req.header('host') ?? url.host;
  if (!trustProxy) return { https: url.protocol === 'https:', host };
  return {
    https: (lastForwarded(c, 'x-forwarded-proto') ?? url.protocol.replace(':', '')) === 'https',
    host: lastForwarded(c, 'x-forwarded-host') ?? host,
  };
}

export function sameOrigin(c: Ctx): boolean {
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return origin !== 'null';
  try {
    return new URL(origin).host === c.get('publicOrigin').host;
  } catch {
    return false;
  }
}

/**
 * A route's gate, as middleware: a session (else 401), its CSRF token and origin on a write (else
 * 403), and, unless `'any'`, one of `roles` (else 403). The handler reads `c.get('signedIn')`.
 */
export const role = (roles: readonly User['role'][] | 'any') =>
  createMiddleware<AccountsEnv>(async (c, next) => {
    const s = roles === 'any' ? await requireSession(c) : await requireRole(c, roles);
    if (s instanceof Response) return s;
    c.set('signedIn', s);
    await next();
  });

async function requireRole(c: Ctx, roles: readonly User['role'][]): Promise<Session | Response> {
  const s = await requireSession(c);
  if (s instanceof Response) return s;
  if (!roles.includes(s.user.role))
    return roles.includes('reporter')
      ? forbidden(c, '只有填报员或管理员可以执行此操作', 'reporter_only')
      : roles.includes('reviewer')
        ? forbidden(c, '只有审核员或管理员可以审核填报', 'reviewer_only')
        : forbidden(c, '只有管理员可以执行此操作', 'admin_only');
  return s;
}

type Division = Pick<Target, 'department' | 'supportingDepartments' | 'supportMayReport'>;

/**
 * Reporters write for the targets their departments lead, and for the targets they support where the
 * admin allowed supporting departments to report; admins for every target.
 */
export function canWriteTarget(user: User, target: Division): boolean {
  if (user.disabled) return false;
  if (user.role === 'admin') return true;
  if (user.role !== 'reporter') return false;
  return reportingDepartment(user, target) !== null;
}

/** The department of `user` a report on `target` is made for: the lead first, else a permitted supporting one. */
export function reportingDepartment(user: User, target: Division): string | null {
  if (target.department !== null && user.departments.includes(target.department)) return target.department;
  if (target.supportMayReport) return target.supportingDepartments.find((d) => user.departments.includes(d)) ?? null;
  return null;
}

/** `where` for the targets a reporter may write (see canWriteTarget), on a query of `targets`. */
export function writableBy(user: User) {
  const deps = user.departments.length ? user.departments : [''];
  return (eb: ExpressionBuilder<Database, 'targets'>) =>
    eb.or([
      eb('targets.department', 'in', deps),
      eb.and([
        eb('targets.support_may_report', '=', true),
        eb.exists(
          eb
            .selectFrom('target_departments as td')
            .select('td.target_id')
            .whereRef('td.target_id', '=', 'targets.id')
            .where('td.department_id', 'in', deps),
        ),
      ]),
    ]);
}

export function targetForbidden(
  c: Context,
  user: User,
  target: Pick<Target, 'id' | 'title' | 'department' | 'departmentName'>,
) {
  if (user.role === 'viewer') return forbidden(c, '查看者不能填报，请联系管理员开通填报权限', 'viewer_cannot_report');
  const name = target.departmentName ?? target.department;
  return name === null
    ? forbidden(c, `目标“${target.title}”尚未指定牵头部门，只有管理员可以填报`, 'no_lead_department')
    : forbidden(c, `目标“${target.title}”由${name}牵头，您所在的部门无权填报`, 'not_your_target', {
        department: name,
      });
}

/** A JSON body checked by a schema; 415 for another content type, 400 with per-field errors when invalid. */
export async function readJson<T extends z.ZodType>(
  c: Context,
  schema: T,
): Promise<{ ok: true; value: z.infer<T> } | { ok: false; response: Response }> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type))
    return {
      ok: false,
      response: problem(c, {
        status: 415,
        title: '不支持的内容类型',
        detail: '请求体必须是 JSON',
        code: 'unsupported_media_type',
      }),
    };
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return { ok: false, response: invalid(c, '请求体不是有效的 JSON') };
  }
  // Before any schema: no text anywhere in the body (keys included) that the database cannot keep as
  // sent, whichever endpoint and schema it is for, so a write never fails later as a server error.
  const bad = unstorableAt(body);
  if (bad !== null) {
    const label = FIELD_NAMES_ZH[bad.split('.')[0] ?? ''] ?? bad;
    const message = `${label}：${UNSTORABLE_TEXT}`;
    return {
      ok: false,
      response: invalid(c, message, [{ field: bad || '(body)', message, code: 'unstorable_text' }]),
    };
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = parsed.error.issues.map((i): FieldIssue => {
    const { code, params } = issueOfZod(i);
    return {
      field: i.path.join('.') || '(body)',
      message: FIELD_NAMES_ZH[String(i.path[0] ?? '')]
        ? `${FIELD_NAMES_ZH[String(i.path[0])]}：${zhIssue(i)}`
        : zhIssue(i),
      code,
      ...(params ? { params } : {}),
    };
  });
  return { ok: false, response: invalid(c, errors.map((e) => e.message).join('；'), errors) };
}

/** The path (`a.0.b`) of the first string or key in a JSON value that cannot be stored as sent, or null. */
export function unstorableAt(v: unknown, at = ''): string | null {
  if (typeof v === 'string') return isStorableText(v) ? null : at;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const bad = unstorableAt(v[i], at ? `${at}.${i}` : String(i));
      if (bad !== null) return bad;
    }
  } else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      const path = at ? `${at}.${k}` : k;
      if (!isStorableText(k)) return at || '(body)';
      const bad = unstorableAt(x, path);
      if (bad !== null) return bad;
    }
  return null;
}

const FIELD_NAMES_ZH: Record<string, string> = {
  asOf: '截至日期',
  value: '本期数值',
  unit: '单位',
  stagesDone: '已完成阶段',
  note: '说明',
  evidence: '佐证',
  confirmReason: '确认理由',
  reason: '更正原因',
  dryRun: '仅预览',
  username: '用户名',
  password: '密码',
  newPassword: '新密码',
  currentPassword: '当前密码',
  role: '角色',
  departments: '部门',
  displayName: '姓名',
  disabled: '停用',
  // 督办事项 (issue 24)
  title: '督办事项',
  leadDepartment: '牵头单位',
  supportingDepartments: '配合单位',
  dueDate: '办结时限',
  targetId: '目标',
  meetingDate: '会议日期',
  progress: '办理进展',
  evidenceUrl: '佐证链接',
  status: '状态',
  // Notification channels and jobs (issue 24)
  kind: '类型',
  name: '名称',
  audience: '接收对象',
  department: '部门',
  enabled: '启用',
  url: '地址',
  secret: '加签密钥',
  host: '邮件服务器',
  port: '端口',
  from: '发件人',
  to: '收件人',
  cron: '运行时间',
};

function zhIssue(i: z.core.$ZodIssue): string {
  // zod's own messages are English; ours (set in the schemas) are Chinese and pass through.
  if (/[\u4e00-\u9fff]/.test(i.message)) return i.message;
  switch (i.code) {
    case 'invalid_type':
      return /received undefined/.test(i.message)
        ? '缺少此项'
        : `类型不对（应为 ${TYPE_ZH[String(i.expected)] ?? String(i.expected)}）`;
    case 'too_big':
      return '超出允许的范围';
    case 'too_small':
      return '低于允许的范围';
    case 'invalid_value':
      return '取值无效';
    case 'unrecognized_keys':
      return '包含不认识的字段';
    default:
      return '格式不正确';
  }
}

const TYPE_ZH: Record<string, string> = {
  number: '数字',
  string: '文本',
  boolean: '是/否',
  object: '对象',
  array: '列表',
};

export function isoNow(deps: WriteDeps): string {
  return deps.now().toISOString();
}

export type { Session };
export { getCookie };
