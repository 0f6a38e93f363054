import { Hono } from 'hono';
import type { AccountsEnv, WriteDeps } from '../http/session';

/** 督办事项 (issue 24): GET/POST /supervision, PATCH /supervision/:id. */
export function supervisionRoutes(_deps: WriteDeps) {
  const r = new Hono<AccountsEnv>();
  return r;
}
