import { Hono } from 'hono';
import type { AccountsEnv, WriteDeps } from '../http/session';

/** Channels, deliveries and scheduled jobs (issue 24): /admin/channels, /admin/deliveries, /admin/jobs. */
export function adminNotifyRoutes(_deps: WriteDeps) {
  const r = new Hono<AccountsEnv>();
  return r;
}
