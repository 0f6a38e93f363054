import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobDefinition } from '../../server/jobs/registry';
import { route, type StoredChannel } from '../../server/notify/channels';
import type { OutgoingMessage } from '../../server/notify/message';
import { deliverDue } from '../../server/notify/outbox';
import { redactUrl, scrub } from '../../server/notify/redact';
import { configureNotify } from '../../server/notify/runtime';
import { dingtalkSign, truncateBytes, WECOM_MAX_BYTES } from '../../server/notify/senders';
import { channelsResponseSchema, deliveriesResponseSchema, deliverySchema } from '../../src/domain/notify-api';
import {
  attachmentsOf,
  DINGTALK_SECRET,
  DINGTALK_TOKEN,
  HOOK_TOKEN,
  SMTP_PASS,
  SMTP_USER,
  startReceiver,
  startSmtp,
  WECOM_KEY,
} from './fixtures/notify-receivers';
import { type Backend, backends, TEST_NOW, testApp } from './test-db';
import { call, DEPT_A, DEPT_A_NAME, DEPT_B, DEPT_B_NAME, seedAccounts, signIn, type Who } from './write-helpers';

const ENV_TOKEN = 'env-hook-token-77aa88bb99cc';
const SECRETS = [WECOM_KEY, DINGTALK_TOKEN, DINGTALK_SECRET, HOOK_TOKEN, SMTP_PASS, ENV_TOKEN];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Every text the console printed during the file. */
const printed: string[] = [];

/**
 * Delivery channels against real local receivers (a robot-like HTTP server and an SMTP server):
 * each channel's wire format, routing by audience, retries until exactly one success, and secrets
 * that never come back out of the server.
 */
describe.each(backends())('notification channels on %s', (backend: Backend) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let admin: Who;
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let docx: Buffer;
  const ids: Record<string, string> = {};
  const settings = () => ({
    envWebhookUrl: `${rx.base}/hook/env?token=${ENV_TOKEN}`,
    baseUrl: 'https://board.example.gov.cn',
    timeoutMs: 5000,
    backoffMs: [20],
    maxAttempts: 4,
  });
  let messages: OutgoingMessage[] = [];
  const jobs: Record<string, JobDefinition> = {
    'weekly-brief': {
      title: '督查通报',
      defaultCron: '0 17 * * 5',
      handler: async () => ({ summary: `${messages.length} 条消息`, messages }),
    },
  };
  const spies: ReturnType<typeof vi.spyOn>[] = [];

  beforeAll(async () => {
    for (const m of ['log', 'warn', 'error', 'info', 'debug'] as const)
      spies.push(
        vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
          printed.push(args.map(String).join(' '));
        }),
      );
    ctx = await testApp(backend);
    await seedAccounts(ctx.db.db, TEST_NOW);
    admin = await signIn(ctx.app, 'admin');
    rx = await startReceiver();
    smtp = await startSmtp();
    configureNotify(ctx.db.db, { settings: settings(), jobs });
    docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('督查通报（测试）')] }] }));
  });
  afterAll(async () => {
    await ctx?.close();
    await rx?.close();
    await smtp?.close();
    for (const s of spies) s.mockRestore();
  });

  /** Sends whatever is due until nothing is pending (the fast backoff makes retries due at once). */
  async function drain() {
    for (let i = 0; i < 50; i++) {
      await deliverDue(ctx.db.db, { ...settings(), sendLeaseMs: 60_000 }, () => new Date());
      const left = await ctx.db.db.selectFrom('deliveries').select('id').where('state', '=', 'pending').execute();
      if (left.length === 0) return;
      await new Promise((r) => setTimeout(r, 30));
    }
    throw new Error('deliveries still pending');
  }

  it('creates a channel of each kind and never answers its secrets', async () => {
    const inputs = {
      wecom: {
        kind: 'wecom',
        name: '目标办企业微信群',
        audience: 'all',
        url: `${rx.base}/cgi-bin/webhook/send?key=${WECOM_KEY}`,
      },
      dingtalk: {
        kind: 'dingtalk',
        name: '测试牵头局甲钉钉群',
        audience: 'department',
        department: DEPT_A,
        url: `${rx.base}/robot/send?access_token=${DINGTALK_TOKEN}`,
        secret: DINGTALK_SECRET,
      },
      webhook: {
        kind: 'webhook',
        name: '领导督办系统',
        audience: 'leaders',
        url: `${rx.base}/hook/leaders?token=${HOOK_TOKEN}`,
      },
      email: {
        kind: 'email',
        name: '目标办邮箱',
        audience: 'office',
        host: '127.0.0.1',
        port: smtp.port,
        // No login: the test server offers no TLS, and a login is never sent in the clear (see below).
        secure: false,
        from: 'board@example.gov.cn',
        to: ['office@example.gov.cn'],
      },
    };
    for (const [k, body] of Object.entries(inputs)) {
      const res = await call(ctx.app, 'POST', '/admin/channels', admin, body);
      expect(res.status, await res.clone().text()).toBe(201);
      const { item } = (await res.json()) as { item: { id: string; hasSecret: boolean; source: string } };
      expect(item).toMatchObject({ hasSecret: k !== 'email', source: 'admin' });
      ids[k] = item.id;
    }
    const res = await call(ctx.app, 'GET', '/admin/channels', admin);
    const text = await res.text();
    for (const s of SECRETS) expect(text).not.toContain(s);
    const { items } = channelsResponseSchema.parse(JSON.parse(text));
    const byId = new Map(items.map((c) => [c.id, c]));
    expect(byId.get(ids.wecom ?? '')?.target).toBe(`127.0.0.1:${rx.port}/cgi-bin/webhook/send?key=…`);
    expect(byId.get(ids.dingtalk ?? '')).toMatchObject({
      target: `127.0.0.1:${rx.port}/robot/send?access_token=…`,
      department: DEPT_A,
      departmentName: DEPT_A_NAME,
    });
    expect(byId.get(ids.email ?? '')?.target).toBe(`127.0.0.1:${smtp.port} → office@example.gov.cn`);
    // NOTIFY_WEBHOOK_URL: listed, read-only.
    expect(byId.get('env-webhook')).toMatchObject({ source: 'env', audience: 'all', kind: 'webhook', hasSecret: true });
    const patchEnv = await call(ctx.app, 'PATCH', '/admin/channels/env-webhook', admin, { ...inputs.webhook });
    expect(patchEnv.status).toBe(403);
  });

  it('sends a test message in each robot’s format, signed for DingTalk', async () => {
    for (const k of ['wecom', 'dingtalk', 'webhook', 'email', 'env-webhook']) {
      const id = k === 'env-webhook' ? k : (ids[k] ?? '');
      const res = await call(ctx.app, 'POST', `/admin/channels/${id}/test`, admin);
      expect(res.status).toBe(200);
      const { delivery } = (await res.json()) as { delivery: unknown };
      expect(deliverySchema.parse(delivery), k).toMatchObject({ state: 'sent', attempts: 1, messageKind: 'test' });
    }
    const wecom = rx.got('/cgi-bin/webhook/send');
    expect(wecom).toHaveLength(1);
    expect(wecom[0]?.body).toEqual({ msgtype: 'markdown', markdown: { content: expect.stringContaining('测试消息') } });
    const ding = rx.got('/robot/send');
    expect(ding).toHaveLength(1);
    expect(ding[0]?.body).toMatchObject({ msgtype: 'markdown', markdown: { title: '目标进度看板 · 测试消息' } });
    expect(ding[0]?.query.get('sign')).toBeTruthy();
    expect(rx.got('/hook/leaders')[0]?.body).toMatchObject({ kind: 'test', title: '目标进度看板 · 测试消息' });
    expect(rx.got('/hook/env')).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]?.to).toEqual(['office@example.gov.cn']);
  });

  it('a wrong DingTalk secret fails with the robot’s error and no secret in it', async () => {
    const res = await call(ctx.app, 'POST', '/admin/channels', admin, {
      kind: 'dingtalk',
      name: '签名错误的钉钉群',
      audience: 'office',
      url: `${rx.base}/robot/send?access_token=${DINGTALK_TOKEN}`,
      secret: 'SECwrong-secret-0000',
    });
    const { item } = (await res.json()) as { item: { id: string } };
    const test = await call(ctx.app, 'POST', `/admin/channels/${item.id}/test`, admin);
    const { delivery } = (await test.json()) as { delivery: { state: string; lastError: string } };
    expect(delivery.state).toBe('failed');
    expect(delivery.lastError).toContain('errcode=310000');
    for (const s of [...SECRETS, 'SECwrong-secret-0000']) expect(delivery.lastError).not.toContain(s);
    expect((await call(ctx.app, 'DELETE', `/admin/channels/${item.id}`, admin)).status).toBe(204);
    expect((await call(ctx.app, 'DELETE', `/admin/channels/${item.id}`, admin)).status).toBe(404);
  });

  it('a robot that echoes its key in an error does not put it in the delivery', async () => {
    const res = await call(ctx.app, 'POST', '/admin/channels', admin, {
      kind: 'wecom',
      name: '密钥错误的企业微信群',
      audience: 'office',
      url: `${rx.base}/cgi-bin/webhook/send?key=wrong-wecom-key-123456`,
    });
    const { item } = (await res.json()) as { item: { id: string } };
    const { delivery } = (await (await call(ctx.app, 'POST', `/admin/channels/${item.id}/test`, admin)).json()) as {
      delivery: { state: string; lastError: string };
    };
    expect(delivery.state).toBe('failed');
    expect(delivery.lastError).toContain('errcode=93000');
    expect(delivery.lastError).not.toContain('wrong-wecom-key-123456');
    await call(ctx.app, 'DELETE', `/admin/channels/${item.id}`, admin);
  });

  it('routes a run’s messages by audience and mails the brief with its .docx', async () => {
    messages = [
      {
        kind: 'weekly-brief',
        key: 'brief',
        audience: { kind: 'office' },
        title: '督查通报（2026年第1周）',
        markdown: '# 督查通报\n- **滞后** 3 项',
        text: '督查通报\n滞后 3 项',
        attachments: [
          {
            filename: '督查通报-2026-W01.docx',
            contentType: DOCX,
            content: docx,
            url: 'https://board.example.gov.cn/api/v1/review.docx?asOf=2026-01-04',
          },
        ],
      },
      {
        kind: 'reminder',
        key: `reminder:${DEPT_A}`,
        audience: { kind: 'department', id: DEPT_A, name: DEPT_A_NAME },
        title: '催报：请填报',
        markdown: '请填报',
        text: '请填报',
      },
      {
        kind: 'reminder',
        key: `reminder:${DEPT_B}`,
        audience: { kind: 'department', id: DEPT_B, name: DEPT_B_NAME },
        title: '催报：请填报',
        markdown: '请填报',
        text: '请填报',
      },
      {
        kind: 'escalation',
        key: 'escalation',
        audience: { kind: 'leaders' },
        title: '催报升级',
        markdown: '升级',
        text: '升级',
      },
    ];
    const res = await call(ctx.app, 'POST', '/admin/jobs/weekly-brief/run', admin);
    expect(res.status).toBe(200);
    const { run } = (await res.json()) as { run: { id: string; state: string; deliveries: number } };
    // brief: email + wecom(all) + env(all); A: dingtalk + all×2; B (no channel: the office's) email + all×2;
    // leaders: webhook only (the escalation's office copy is what the `all` channels get).
    expect(run).toMatchObject({ state: 'done', deliveries: 10 });
    await drain();
    const list = deliveriesResponseSchema.parse(
      await (await call(ctx.app, 'GET', '/admin/deliveries?limit=500', admin)).json(),
    );
    const ofRun = list.items.filter((d) => d.jobRunId === run.id);
    expect(ofRun.every((d) => d.state === 'sent')).toBe(true);
    expect(ofRun.filter((d) => d.channelId === ids.dingtalk).map((d) => d.recipient)).toEqual([DEPT_A_NAME]);
    expect(
      ofRun
        .filter((d) => d.channelId === ids.email)
        .map((d) => d.recipient)
        .sort(),
    ).toEqual([DEPT_B_NAME, '目标办'].sort());
    expect(ofRun.filter((d) => d.channelId === ids.webhook).map((d) => d.recipient)).toEqual(['分管领导']);

    const brief = smtp.mails.find((m) => m.raw.includes('docx'));
    if (!brief) throw new Error('no mail with the brief');
    const [att] = attachmentsOf(brief.raw);
    expect(att?.filename).toBe('督查通报-2026-W01.docx');
    expect(att?.contentType).toBe(DOCX);
    expect(att?.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(att?.bytes.equals(docx)).toBe(true);
    // Robots get the link; the webhook the attachment's name and link, not its bytes.
    const wecomBrief = rx.got('/cgi-bin/webhook/send').find((r) => JSON.stringify(r.body).includes('督查通报（2026'));
    expect(JSON.stringify(wecomBrief?.body)).toContain(
      '](https://board.example.gov.cn/api/v1/review.docx?asOf=2026-01-04)',
    );
    const envBrief = rx.got('/hook/env').find((r) => r.body.kind === 'weekly-brief');
    expect(envBrief?.body).toMatchObject({
      recipient: '目标办',
      attachments: [
        { filename: '督查通报-2026-W01.docx', contentType: DOCX, url: expect.stringContaining('review.docx') },
      ],
    });
    expect(JSON.stringify(envBrief?.body)).not.toContain(docx.toString('base64').slice(0, 40));
    // Once sent, the stored message keeps the attachment's name and link, not its bytes.
    const stored = await ctx.db.db
      .selectFrom('deliveries')
      .select('payload')
      .where('run_id', '=', run.id)
      .where('message_key', '=', 'brief')
      .execute();
    expect(stored.length).toBe(3);
    for (const d of stored)
      expect((d.payload as { attachments: Record<string, unknown>[] }).attachments).toEqual([
        { filename: '督查通报-2026-W01.docx', contentType: DOCX, url: expect.stringContaining('review.docx') },
      ]);
  });

  it('a receiver that fails twice gets the message exactly once, after retries', async () => {
    const create = await call(ctx.app, 'POST', '/admin/channels', admin, {
      kind: 'webhook',
      name: '不稳定的接收端',
      audience: 'department',
      department: DEPT_B,
      url: `${rx.base}/flaky/b?token=${HOOK_TOKEN}`,
    });
    const flakyId = ((await create.json()) as { item: { id: string } }).item.id;
    rx.failNext('/flaky/b', 2);
    messages = [
      {
        kind: 'reminder',
        key: `reminder:${DEPT_B}`,
        audience: { kind: 'department', id: DEPT_B, name: DEPT_B_NAME },
        title: '催报：乙局',
        markdown: '请填报',
        text: '请填报',
      },
    ];
    const { run } = (await (await call(ctx.app, 'POST', '/admin/jobs/weekly-brief/run', admin)).json()) as {
      run: { id: string; deliveries: number };
    };
    expect(run.deliveries).toBe(3); // the flaky one, and the two `all` channels
    await drain();
    expect(rx.received.filter((r) => r.path === '/flaky/b').map((r) => r.status)).toEqual([500, 500, 200]);
    const d = await ctx.db.db
      .selectFrom('deliveries')
      .selectAll()
      .where('run_id', '=', run.id)
      .where('channel_id', '=', flakyId)
      .executeTakeFirstOrThrow();
    expect(d).toMatchObject({ state: 'sent', attempts: 3 });
    expect(d.last_error).toBeNull();
  });

  it('gives up after the last attempt and says why, without the secret', async () => {
    const create = await call(ctx.app, 'POST', '/admin/channels', admin, {
      kind: 'webhook',
      name: '停机的接收端',
      audience: 'leaders',
      url: `${rx.base}/down/x?token=${HOOK_TOKEN}`,
    });
    const downId = ((await create.json()) as { item: { id: string } }).item.id;
    messages = [
      { kind: 'escalation', key: 'esc', audience: { kind: 'leaders' }, title: '升级', markdown: '升级', text: '升级' },
    ];
    await call(ctx.app, 'POST', '/admin/jobs/weekly-brief/run', admin);
    await drain();
    const failed = deliveriesResponseSchema
      .parse(await (await call(ctx.app, 'GET', '/admin/deliveries?state=failed', admin)).json())
      .items.filter((d) => d.channelId === downId);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ attempts: 4, nextAttemptAt: null });
    expect(failed[0]?.lastError).toMatch(/HTTP 503/);
    // The status only: the body of a non-2xx answer is not echoed (an inward-pointing URL reads nothing out).
    expect(failed[0]?.lastError).not.toContain('down');
    expect(rx.received.filter((r) => r.path === '/down/x')).toHaveLength(4);
    await call(ctx.app, 'DELETE', `/admin/channels/${downId}`, admin);
  });

  it('PATCH without the URL and secret keeps them (DingTalk still signs)', async () => {
    const res = await call(ctx.app, 'PATCH', `/admin/channels/${ids.dingtalk}`, admin, {
      kind: 'dingtalk',
      name: '甲局钉钉群（改名）',
      audience: 'department',
      department: DEPT_A_NAME,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as { item: { name: string; hasSecret: boolean } }).item).toMatchObject({
      name: '甲局钉钉群（改名）',
      hasSecret: true,
    });
    const { delivery } = (await (
      await call(ctx.app, 'POST', `/admin/channels/${ids.dingtalk}/test`, admin)
    ).json()) as {
      delivery: { state: string };
    };
    expect(delivery.state).toBe('sent');
  });

  it('an e-mail login is never sent without TLS; pointing the channel elsewhere drops the kept password', async () => {
    const input = {
      kind: 'email',
      name: '需登录的邮箱',
      audience: 'office',
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      user: SMTP_USER,
      pass: SMTP_PASS,
      from: 'board@example.gov.cn',
      to: ['login@example.gov.cn'],
    };
    const created = await call(ctx.app, 'POST', '/admin/channels', admin, input);
    const { item } = (await created.json()) as { item: { id: string; hasSecret: boolean } };
    expect(item.hasSecret).toBe(true);
    // The test server offers no STARTTLS: the login (and the mail) is refused, not sent in the clear.
    const mailsBefore = smtp.mails.length;
    const { delivery } = (await (await call(ctx.app, 'POST', `/admin/channels/${item.id}/test`, admin)).json()) as {
      delivery: { state: string; lastError: string };
    };
    expect(delivery.state).toBe('failed');
    expect(delivery.lastError).toMatch(/STARTTLS/i);
    expect(delivery.lastError).not.toContain(SMTP_PASS);
    expect(smtp.mails.length).toBe(mailsBefore);
    const { pass: _pass, ...withoutPass } = input;
    const secretsOf = async () =>
      (
        await ctx.db.db
          .selectFrom('notify_channels')
          .select('secrets')
          .where('id', '=', item.id)
          .executeTakeFirstOrThrow()
      ).secrets as Record<string, unknown>;
    // Same server and account, password left out: kept.
    const same = await call(ctx.app, 'PATCH', `/admin/channels/${item.id}`, admin, { ...withoutPass, name: '改名' });
    expect(((await same.json()) as { item: { hasSecret: boolean } }).item.hasSecret).toBe(true);
    expect(await secretsOf()).toEqual({ pass: SMTP_PASS });
    // Another host, port or account without the password: dropped, and the answer says so.
    for (const change of [{ host: 'localhost' }, { port: smtp.port + 1 }, { user: 'someone-else' }]) {
      await call(ctx.app, 'PATCH', `/admin/channels/${item.id}`, admin, input);
      const moved = await call(ctx.app, 'PATCH', `/admin/channels/${item.id}`, admin, { ...withoutPass, ...change });
      expect(moved.status).toBe(200);
      expect(((await moved.json()) as { item: { hasSecret: boolean } }).item.hasSecret, JSON.stringify(change)).toBe(
        false,
      );
      expect(await secretsOf()).toEqual({});
    }
    expect((await call(ctx.app, 'DELETE', `/admin/channels/${item.id}`, admin)).status).toBe(204);
  });

  it('a DingTalk URL moved to another host without its secret drops the kept secret', async () => {
    const secretOf = async () =>
      (
        (
          await ctx.db.db
            .selectFrom('notify_channels')
            .select('secrets')
            .where('id', '=', ids.dingtalk ?? '')
            .executeTakeFirstOrThrow()
        ).secrets as { secret?: string }
      ).secret;
    const base = { kind: 'dingtalk', name: '甲局钉钉群', audience: 'department', department: DEPT_A_NAME };
    const url = `${rx.base}/robot/send?access_token=${DINGTALK_TOKEN}`;
    // Same host, another path: kept.
    await call(ctx.app, 'PATCH', `/admin/channels/${ids.dingtalk}`, admin, { ...base, url: `${url}&x=1` });
    expect(await secretOf()).toBe(DINGTALK_SECRET);
    const moved = await call(ctx.app, 'PATCH', `/admin/channels/${ids.dingtalk}`, admin, {
      ...base,
      url: `http://localhost:${rx.port}/robot/send?access_token=${DINGTALK_TOKEN}`,
    });
    expect(moved.status).toBe(200);
    expect(await secretOf()).toBeUndefined();
    // Given again, it signs again.
    await call(ctx.app, 'PATCH', `/admin/channels/${ids.dingtalk}`, admin, { ...base, url, secret: DINGTALK_SECRET });
    const { delivery } = (await (
      await call(ctx.app, 'POST', `/admin/channels/${ids.dingtalk}/test`, admin)
    ).json()) as {
      delivery: { state: string };
    };
    expect(delivery.state).toBe('sent');
  });

  it('a paused channel, or NOTIFY_WEBHOOK_URL unset on this instance, keeps its deliveries pending until it can send', async () => {
    messages = [
      {
        kind: 'reminder',
        key: 'paused',
        audience: { kind: 'office' },
        title: '暂停期间的消息',
        markdown: '暂停',
        text: '暂停',
      },
    ];
    const { run } = (await (await call(ctx.app, 'POST', '/admin/jobs/weekly-brief/run', admin)).json()) as {
      run: { id: string; deliveries: number };
    };
    expect(run.deliveries).toBe(3); // email (office), wecom (all), env (all)
    const wecom = { kind: 'wecom', name: '目标办企业微信群', audience: 'all' };
    const paused = await call(ctx.app, 'PATCH', `/admin/channels/${ids.wecom}`, admin, { ...wecom, enabled: false });
    expect(paused.status).toBe(200);
    // An instance without NOTIFY_WEBHOOK_URL sends: the office's mail goes, the other two wait.
    const elsewhere = { ...settings(), envWebhookUrl: null, sendLeaseMs: 60_000 };
    for (let i = 0; i < 3; i++) {
      await deliverDue(ctx.db.db, elsewhere, () => new Date());
      await new Promise((r) => setTimeout(r, 30));
    }
    const rows = await ctx.db.db
      .selectFrom('deliveries')
      .select(['channel_id', 'state', 'attempts', 'last_error'])
      .where('run_id', '=', run.id)
      .execute();
    const byChannel = new Map(rows.map((r) => [r.channel_id, r]));
    expect(byChannel.get(ids.email ?? '')).toMatchObject({ state: 'sent' });
    expect(byChannel.get(ids.wecom ?? '')).toMatchObject({ state: 'pending', attempts: 0 });
    expect(byChannel.get(ids.wecom ?? '')?.last_error).toMatch(/停用/);
    expect(byChannel.get('env-webhook')).toMatchObject({ state: 'pending', attempts: 0 });
    expect(byChannel.get('env-webhook')?.last_error).toMatch(/NOTIFY_WEBHOOK_URL/);
    // Enabled again, and sent by an instance that has the setting: each once.
    await call(ctx.app, 'PATCH', `/admin/channels/${ids.wecom}`, admin, { ...wecom, enabled: true });
    await drain();
    const after = await ctx.db.db.selectFrom('deliveries').select('state').where('run_id', '=', run.id).execute();
    expect(after.map((r) => r.state)).toEqual(['sent', 'sent', 'sent']);
    expect(
      rx.got('/cgi-bin/webhook/send').filter((r) => JSON.stringify(r.body).includes('暂停期间的消息')),
    ).toHaveLength(1);
    expect(rx.got('/hook/env').filter((r) => r.body.title === '暂停期间的消息')).toHaveLength(1);
  });

  it('a sender whose claim was taken over (its lease ran out mid-send) records nothing', async () => {
    const create = await call(ctx.app, 'POST', '/admin/channels', admin, {
      kind: 'webhook',
      name: '很慢的接收端',
      audience: 'department',
      department: DEPT_B,
      url: `${rx.base}/slow/b`,
    });
    const slowId = ((await create.json()) as { item: { id: string } }).item.id;
    messages = [
      {
        kind: 'reminder',
        key: 'slow',
        audience: { kind: 'department', id: DEPT_B, name: DEPT_B_NAME },
        title: '慢',
        markdown: '慢',
        text: '慢',
      },
    ];
    const { run } = (await (await call(ctx.app, 'POST', '/admin/jobs/weekly-brief/run', admin)).json()) as {
      run: { id: string };
    };
    const hold = rx.hold('/slow/b');
    const sending = deliverDue(ctx.db.db, { ...settings(), sendLeaseMs: 60_000 }, () => new Date(), { owner: 'old' });
    for (let i = 0; i < 400 && hold.arrived() === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(hold.arrived()).toBe(1);
    const row = () =>
      ctx.db.db
        .selectFrom('deliveries')
        .selectAll()
        .where('run_id', '=', run.id)
        .where('channel_id', '=', slowId)
        .executeTakeFirstOrThrow();
    expect((await row()).claimed_by).toMatch(/^old:/);
    // Meanwhile another instance took the delivery over (as after an expired lease).
    await ctx.db.db
      .updateTable('deliveries')
      .set({ claimed_by: 'new:nonce' })
      .where('run_id', '=', run.id)
      .where('channel_id', '=', slowId)
      .execute();
    hold.release();
    await sending;
    // The old sender's success is not recorded: the row is the new holder's to finish.
    expect(await row()).toMatchObject({ state: 'pending', claimed_by: 'new:nonce', sent_at: null });
    await ctx.db.db.deleteFrom('deliveries').where('run_id', '=', run.id).execute();
    await call(ctx.app, 'DELETE', `/admin/channels/${slowId}`, admin);
  });

  it.each([
    [
      'a URL that is not http(s)',
      { kind: 'wecom', name: '群', audience: 'office', url: 'ftp://example.com/x' },
      /地址应以 http/,
    ],
    ['no name', { kind: 'webhook', name: '  ', audience: 'office', url: 'https://example.com/h' }, /请填写通道名称/],
    [
      'a bad mail address',
      {
        kind: 'email',
        name: '邮箱',
        audience: 'office',
        host: 'smtp.example.com',
        port: 25,
        from: 'a@example.com',
        to: ['不是邮箱'],
      },
      /收件地址格式不正确/,
    ],
    [
      'a department channel without its department',
      { kind: 'webhook', name: '部门', audience: 'department', url: 'https://example.com/h' },
      /须选择部门/,
    ],
    [
      'an unknown department',
      { kind: 'webhook', name: '部门', audience: 'department', department: '不存在的局', url: 'https://example.com/h' },
      /不存在的局/,
    ],
    ['an unknown kind', { kind: 'sms', name: '短信', audience: 'office' }, /[\u4e00-\u9fff]/],
    ['a robot without its URL', { kind: 'wecom', name: '群', audience: 'office' }, /地址：缺少此项/],
  ])('refuses %s with a Chinese message and writes nothing', async (_name, body, message) => {
    const before = await ctx.db.db.selectFrom('notify_channels').select('id').execute();
    const res = await call(ctx.app, 'POST', '/admin/channels', admin, body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toMatch(message);
    expect(await ctx.db.db.selectFrom('notify_channels').select('id').execute()).toHaveLength(before.length);
  });

  it('keeps every secret out of the deliveries, the audit log and the console', async () => {
    const deliveries = await (await call(ctx.app, 'GET', '/admin/deliveries?limit=500', admin)).text();
    const audit = await (await call(ctx.app, 'GET', '/admin/audit?entity=channel', admin)).text();
    const auditRows = JSON.stringify(
      await ctx.db.db.selectFrom('audit_log').selectAll().where('entity', 'in', ['channel', 'job']).execute(),
    );
    expect(auditRows).toContain('channel.create');
    expect(auditRows).toContain('channel.test');
    for (const s of SECRETS) {
      expect(deliveries).not.toContain(s);
      expect(audit).not.toContain(s);
      expect(auditRows).not.toContain(s);
      for (const line of printed) expect(line).not.toContain(s);
    }
    // Failures were logged (so the scan above looked at something).
    expect(printed.some((l) => l.includes('通知发送失败'))).toBe(true);
  });
});

describe('the senders’ pure parts', () => {
  it('routes by audience: a department without a channel to the office, the leaders only to their own', () => {
    const ch = (id: string, audience: StoredChannel['audience'], department: string | null = null): StoredChannel => ({
      id,
      kind: 'webhook',
      name: id,
      audience,
      department,
      departmentName: null,
      enabled: true,
      source: 'admin',
      config: {},
      secrets: {},
      createdAt: null,
      updatedAt: null,
    });
    const ids = (list: StoredChannel[]) => list.map((c) => c.id);
    const office = ch('office', 'office');
    const all = ch('all', 'all');
    const a = ch('a', 'department', 'dept-a');
    const channels = [office, all, a, { ...ch('off', 'office'), enabled: false }];
    expect(ids(route(channels, { kind: 'department', id: 'dept-a', name: '甲' }))).toEqual(['a', 'all']);
    expect(ids(route(channels, { kind: 'department', id: 'dept-b', name: '乙' }))).toEqual(['office', 'all']);
    // An escalation has an office copy of its own: with no leaders' channel, the leaders' copy goes nowhere but `all`.
    // The leaders' copy never goes to `all` channels (they get the office copy): no leaders' channel, nowhere.
    expect(ids(route(channels, { kind: 'leaders' }))).toEqual([]);
    expect(ids(route([...channels, ch('l', 'leaders')], { kind: 'leaders' }))).toEqual(['l']);
    expect(ids(route(channels, { kind: 'office' }))).toEqual(['office', 'all']);
  });
  it('cuts a long 企业微信 message to 4096 bytes on a character boundary, saying so', () => {
    const long = '督查通报'.repeat(2000); // 24,000 bytes of three-byte characters
    const cut = truncateBytes(long, WECOM_MAX_BYTES);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(WECOM_MAX_BYTES);
    expect(Buffer.from(cut).toString('utf8')).toBe(cut);
    expect(cut).toMatch(/已截断/);
    expect(truncateBytes('短消息', WECOM_MAX_BYTES)).toBe('短消息');
  });
  it('signs as DingTalk documents it (base64 HmacSHA256 of timestamp and secret)', () => {
    // The worked example's shape: 44 base64 characters, and the same input gives the same sign.
    const sign = dingtalkSign('SEC000', 1700000000000);
    expect(sign).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(dingtalkSign('SEC000', 1700000000000)).toBe(sign);
    expect(dingtalkSign('SEC001', 1700000000000)).not.toBe(sign);
  });
  it('redacts URLs to host and path, and scrubs secrets out of any text', () => {
    expect(redactUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc-123')).toBe(
      'qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
    );
    expect(redactUrl('https://oapi.dingtalk.com/robot/send?access_token=abc')).toBe(
      'oapi.dingtalk.com/robot/send?access_token=…',
    );
    // Any other URL: its host only, however short its path's token.
    expect(redactUrl('https://open.feishu.cn/open-apis/bot/v2/hook/0123456789abcdef0123')).toBe('open.feishu.cn/…');
    expect(redactUrl('https://hooks.example.com/t/ab12')).toBe('hooks.example.com/…');
    expect(redactUrl('https://hooks.example.com/')).toBe('hooks.example.com');
    const text = scrub('POST https://u:p@x.example/send?key=K1234567 failed: token K1234567', ['K1234567']);
    expect(text).not.toContain('K1234567');
    expect(text).not.toContain('u:p@');
  });
});
