import { Hono } from 'hono';
import {
  type ChannelInput,
  channelInputSchema,
  deliveriesQuerySchema,
  jobPatchSchema,
} from '../../src/domain/notify-api';
import { zhIssueText } from '../../src/i18n/validation';
import { problem as answerProblem } from '../http/problem';
import {
  type AccountsEnv,
  actorOf,
  type Ctx,
  forbidden,
  invalid,
  notFoundProblem,
  readJson,
  role,
  type WriteDeps,
} from '../http/session';
import { cronProblem, nextRun } from '../jobs/cron';
import { listJobs, listRuns, runJobNow } from '../jobs/scheduler';
import {
  channelToApi,
  createChannel,
  ENV_CHANNEL_ID,
  getChannel,
  listChannels,
  type StoredChannel,
  updateChannel,
} from '../notify/channels';
import { listDeliveries, sendTestMessage } from '../notify/outbox';
import { notifyRuntime } from '../notify/runtime';
import { audit } from '../repositories/audit';
import { loadRegistry, resolveDepartment } from '../services/departments';

const FIELD_LABELS: Record<string, string> = {
  kind: '通道类型',
  name: '通道名称',
  audience: '接收对象',
  department: '部门',
  enabled: '启用',
  url: '地址',
  secret: '加签密钥',
  host: 'SMTP 服务器',
  port: '端口',
  secure: 'SSL/TLS',
  user: '用户名',
  pass: '密码',
  from: '发件人',
  to: '收件地址',
  cron: '时间表',
};

/** A refusal of readJson with each field's name in front of its message ("地址：缺少此项"). */
async function labelled(res: Response): Promise<Response> {
  const body = (await res.clone().json()) as { detail?: string; errors?: { field: string; message: string }[] };
  if (!Array.isArray(body.errors)) return res;
  body.errors = body.errors.map((e) => {
    const label = FIELD_LABELS[e.field.split('.')[0] ?? ''];
    return label && !e.message.startsWith(label) ? { ...e, message: `${label}：${e.message}` } : e;
  });
  body.detail = body.errors.map((e) => e.message).join('；');
  return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
}

/** Channels, deliveries and scheduled jobs (issue 24): /admin/channels, /admin/deliveries, /admin/jobs. */
export function adminNotifyRoutes(deps: WriteDeps) {
  const { db, now } = deps;
  const r = new Hono<AccountsEnv>();
  const admin = role(['admin']);
  const runtime = () => notifyRuntime(db);
  const envUrl = () => runtime().settings.envWebhookUrl;

  const envReadOnly = (c: Ctx) => forbidden(c, '此通道由环境变量 NOTIFY_WEBHOOK_URL 配置，只能在服务器上修改');

  /** The JSON body, or null when it is not a JSON object (readJson then answers the error). */
  async function peekJson(c: Ctx): Promise<Record<string, unknown> | null> {
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) return null;
    try {
      const body: unknown = await c.req.json();
      return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  /** The registry id of the input's department (audience `department` needs one), or a 400. */
  async function withDepartment(c: Ctx, input: ChannelInput): Promise<ChannelInput | Response> {
    if (input.audience !== 'department') return { ...input, department: null };
    if (!input.department)
      return invalid(c, '发往部门的通道须选择部门', [
        { field: 'department', message: '发往部门的通道须选择部门', code: 'invalid' },
      ]);
    const found = resolveDepartment(await loadRegistry(db), input.department);
    if (!found.ok) {
      const message = zhIssueText(found.issue);
      return invalid(c, message, [
        {
          field: 'department',
          message,
          code: found.issue.code,
          ...(found.issue.params ? { params: found.issue.params } : {}),
        },
      ]);
    }
    return { ...input, department: found.department.id };
  }

  r.get('/admin/channels', admin, async (c) => {
    return c.json({ items: (await listChannels(db, envUrl())).map(channelToApi) });
  });

  r.post('/admin/channels', admin, async (c) => {
    const body = await readJson(c, channelInputSchema);
    if (!body.ok) return labelled(body.response);
    const input = await withDepartment(c, body.value);
    if (input instanceof Response) return input;
    const s = c.get('signedIn');
    const item = await db.transaction().execute(async (trx) => {
      const created = await createChannel(trx, input, now());
      await audit(trx, now(), actorOf(c, s.user), {
        action: 'channel.create',
        entity: 'channel',
        entityId: created.id,
        after: channelToApi(created),
      });
      return created;
    });
    return c.json({ item: channelToApi(item) }, 201);
  });

  r.patch('/admin/channels/:id', admin, async (c) => {
    const id = c.req.param('id');
    if (id === ENV_CHANNEL_ID) return envReadOnly(c);
    const previous = await getChannel(db, id, null);
    if (!previous) return notFoundProblem(c, `通知通道“${id}”不存在`);
    // A secret left out keeps the stored one: a robot's URL (its key is in it) included.
    const raw = await peekJson(c);
    if (raw && raw.kind === previous.kind && raw.url === undefined && previous.secrets.url) {
      raw.url = previous.secrets.url;
      // readJson parses the body again from Hono's cached text (a promise at run time, whatever its
      // type says): it must see the completed body. The PATCH test covers this.
      (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(JSON.stringify(raw));
    }
    const body = await readJson(c, channelInputSchema);
    if (!body.ok) return labelled(body.response);
    const input = await withDepartment(c, body.value);
    if (input instanceof Response) return input;
    const s = c.get('signedIn');
    const item = await db.transaction().execute(async (trx) => {
      const updated = await updateChannel(trx, previous, input, now());
      await audit(trx, now(), actorOf(c, s.user), {
        action: 'channel.update',
        entity: 'channel',
        entityId: id,
        before: channelToApi(previous),
        after: channelToApi(updated),
      });
      return updated;
    });
    return c.json({ item: channelToApi(item) });
  });

  r.delete('/admin/channels/:id', admin, async (c) => {
    const id = c.req.param('id');
    if (id === ENV_CHANNEL_ID) return envReadOnly(c);
    const previous = await getChannel(db, id, null);
    if (!previous) return notFoundProblem(c, `通知通道“${id}”不存在`);
    const s = c.get('signedIn');
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('notify_channels').where('id', '=', id).execute();
      await audit(trx, now(), actorOf(c, s.user), {
        action: 'channel.delete',
        entity: 'channel',
        entityId: id,
        before: channelToApi(previous),
      });
    });
    return c.body(null, 204);
  });

  r.post('/admin/channels/:id/test', admin, async (c) => {
    const id = c.req.param('id');
    const channel: StoredChannel | null = await getChannel(db, id, envUrl());
    if (!channel) return notFoundProblem(c, `通知通道“${id}”不存在`);
    const delivery = await sendTestMessage(db, runtime().settings, channel, now);
    await audit(db, now(), actorOf(c, c.get('signedIn').user), {
      action: 'channel.test',
      entity: 'channel',
      entityId: id,
      after: { deliveryId: delivery.id, state: delivery.state, lastError: delivery.lastError },
    });
    return c.json({ delivery });
  });

  r.get('/admin/deliveries', admin, async (c) => {
    const q = deliveriesQuerySchema.safeParse(c.req.query());
    if (!q.success) return invalid(c, '查询参数有误：state 应为 pending、sent 或 failed，limit 应为 1–500 的整数');
    return c.json({ items: await listDeliveries(db, q.data) });
  });

  r.get('/admin/jobs', admin, async (c) => {
    const { jobs } = runtime();
    return c.json({ items: await listJobs(db, jobs, now()), runs: await listRuns(db, { limit: 20 }) });
  });

  r.patch('/admin/jobs/:name', admin, async (c) => {
    const name = c.req.param('name');
    const { jobs } = runtime();
    if (!jobs[name]) return notFoundProblem(c, `定时任务“${name}”不存在`);
    const raw = await peekJson(c);
    if (raw && typeof raw.cron === 'string') {
      const problem = cronProblem(raw.cron);
      if (problem) return invalid(c, problem, [{ field: 'cron', message: problem, code: 'invalid' }]);
    }
    const body = await readJson(c, jobPatchSchema);
    if (!body.ok) return labelled(body.response);
    const before = (await listJobs(db, jobs, now())).find((j) => j.name === name);
    const row = await db.selectFrom('jobs').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
    const cron = body.value.cron ?? row.cron;
    const enabled = body.value.enabled ?? row.enabled;
    const s = c.get('signedIn');
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('jobs')
        .set({ cron, enabled, next_run_at: enabled ? nextRun(cron, now()).toISOString() : null })
        .where('name', '=', name)
        .execute();
      await audit(trx, now(), actorOf(c, s.user), {
        action: 'job.update',
        entity: 'job',
        entityId: name,
        before: before ? { cron: before.cron, enabled: before.enabled } : null,
        after: { cron, enabled },
      });
    });
    const item = (await listJobs(db, jobs, now())).find((j) => j.name === name);
    return c.json({ item });
  });

  r.post('/admin/jobs/:name/run', admin, async (c) => {
    const name = c.req.param('name');
    const rt = runtime();
    if (!rt.jobs[name]) return notFoundProblem(c, `定时任务“${name}”不存在`);
    const run = await runJobNow(db, name, rt, now);
    if (!run) return notFoundProblem(c, `定时任务“${name}”不存在`);
    if (run === 'busy')
      return answerProblem(c, {
        status: 409,
        title: '任务正在运行',
        detail: `该任务正在运行（“${rt.jobs[name]?.title ?? name}”），请等它完成后再试`,
      });
    await audit(db, now(), actorOf(c, c.get('signedIn').user), {
      action: 'job.run',
      entity: 'job',
      entityId: name,
      after: { runId: run.id, state: run.state, deliveries: run.deliveries, summary: run.summary },
    });
    return c.json({ run });
  });

  return r;
}
