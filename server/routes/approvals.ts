import { Hono } from 'hono';
import { approveRequestSchema, returnRequestSchema } from '../../src/domain/approval-api';
import { problem } from '../http/problem';
import { type AccountsEnv, actorOf, type Ctx, readJson, role, type WriteDeps } from '../http/session';
import { type Decision, decideImport, decideReport, type Refusal } from '../services/approval-service';
import { reviewQueue } from '../services/review-queue';

/**
 * Review of reports (issue 23): GET /review-queue, POST /reports/:id/approve|return,
 * POST /imports/:id/approve|return. Reviewers within their scope, and administrators.
 */
export function approvalRoutes(deps: WriteDeps) {
  const { db, now } = deps;
  const r = new Hono<AccountsEnv>();
  const reviewers = role(['reviewer', 'admin']);

  r.get('/review-queue', reviewers, async (c) => c.json(await reviewQueue(db, c.get('signedIn').user, now())));

  /** The decision a request asks for: approve takes no fields (or an empty body), return a reason. */
  async function decisionOf(
    c: Ctx,
    kind: Decision['kind'],
  ): Promise<{ ok: true; value: Decision } | { ok: false; response: Response }> {
    if (kind === 'return') {
      const body = await readJson(c, returnRequestSchema);
      return body.ok ? { ok: true, value: { kind: 'return', reason: body.value.reason } } : body;
    }
    // No body at all (whatever the content type says) is an approval; a body must be `{}`.
    const raw = await c.req.raw.clone().text();
    if (raw.trim() === '') return { ok: true, value: { kind: 'approve' } };
    const body = await readJson(c, approveRequestSchema);
    return body.ok ? { ok: true, value: { kind: 'approve' } } : body;
  }

  const refused = (c: Ctx, f: Refusal) =>
    problem(c, {
      status: f.status,
      title: f.status === 404 ? '不存在' : f.status === 409 ? '状态冲突' : '无权操作',
      detail: f.detail,
      code: f.code,
      ...(f.params ? { params: f.params } : {}),
    });

  for (const kind of ['approve', 'return'] as const) {
    r.post(`/reports/:id/${kind}`, reviewers, async (c) => {
      const s = c.get('signedIn');
      const decision = await decisionOf(c, kind);
      if (!decision.ok) return decision.response;
      const out = await decideReport(db, c.req.param('id'), decision.value, s.user, actorOf(c, s.user), now());
      return out.ok ? c.json({ item: out.item }) : refused(c, out.refusal);
    });
    r.post(`/imports/:id/${kind}`, reviewers, async (c) => {
      const s = c.get('signedIn');
      const decision = await decisionOf(c, kind);
      if (!decision.ok) return decision.response;
      const id = c.req.param('id');
      const out = await decideImport(db, id, decision.value, s.user, actorOf(c, s.user), now());
      return out.ok ? c.json({ importId: id, items: out.items }) : refused(c, out.refusal);
    });
  }
  return r;
}
