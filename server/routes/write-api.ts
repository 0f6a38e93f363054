import type { Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problem } from '../http/problem';
import {
  type AccountsOptions,
  accountsMiddleware,
  DEFAULT_LIMITS,
  unauthenticated,
  type WriteDeps,
} from '../http/session';
import { DEFAULT_RATE_LIMIT } from '../services/rate-limit';
import { adminRoutes } from './admin';
import { adminDepartmentRoutes } from './admin-departments';
import { adminNotifyRoutes } from './admin-notify';
import { approvalRoutes } from './approvals';
import { importRoutes } from './imports';
import { reportRoutes } from './reports';
import { sessionRoutes } from './session';
import { supervisionRoutes } from './supervision';

export type { AccountsOptions } from '../http/session';

export function accountsOptions(o: Partial<AccountsOptions> = {}): AccountsOptions {
  return {
    readAccess: o.readAccess ?? 'open',
    limits: { ...DEFAULT_LIMITS, ...o.limits },
    rateLimit: { ...DEFAULT_RATE_LIMIT, ...o.rateLimit },
    trustProxy: o.trustProxy ?? false,
    secureCookies: o.secureCookies ?? false,
  };
}

/** Reads that stay open even when reading needs a sign-in: the sign-in itself, health checks, the API's description. */
const PUBLIC_READS = new Set(['/health', '/session', '/openapi.json']);
const UPLOAD_PATHS = /\/(imports|catalog-imports|division-imports|department-imports)$/;

/**
 * Sign-in, roles and every write endpoint of `/api/v1` (issue 7), installed on the API router
 * before its read routes so that the session middleware and the read-access gate run for them too.
 */
export function installWriteApi(api: Hono, deps: WriteDeps): void {
  const o = deps.options;
  const json = bodyLimit({
    maxSize: o.limits.maxJsonBytes,
    onError: (c) => problem(c, { status: 413, title: '请求过大', detail: '请求体过大', code: 'payload_too_large' }),
  });
  const mw: MiddlewareHandler[] = [
    accountsMiddleware(deps) as unknown as MiddlewareHandler,
    async (c, next) => {
      if (c.req.method === 'GET' || c.req.method === 'HEAD' || UPLOAD_PATHS.test(c.req.path)) return next();
      return json(c, next);
    },
  ];
  if (o.readAccess === 'signed-in') {
    mw.push(async (c, next) => {
      const sub = c.req.path.replace(/^\/api\/v1/, '');
      if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !PUBLIC_READS.has(sub)) {
        const get = c.get('session' as never) as () => Promise<unknown>;
        if (!(await get())) return unauthenticated(c);
      }
      return next();
    });
  }
  for (const m of mw) api.use('*', m);
  api.route('/', sessionRoutes(deps));
  api.route('/', reportRoutes(deps));
  api.route('/', approvalRoutes(deps));
  api.route('/', importRoutes(deps));
  api.route('/', adminRoutes(deps));
  api.route('/', adminDepartmentRoutes(deps));
  api.route('/', supervisionRoutes(deps));
  api.route('/', adminNotifyRoutes(deps));
}
