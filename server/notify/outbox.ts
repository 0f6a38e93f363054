import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Delivery } from '../../src/domain/notify-api';
import type { Database, DeliveriesTable } from '../db/schema';
import { ENV_CHANNEL_ID, getChannel, listChannels, recipientOf, route, type StoredChannel } from './channels';
import type { OutgoingMessage } from './message';
import { type DeliveryPayload, payloadOf, SendError, send } from './senders';

type Db = Kysely<Database> | Transaction<Database>;

/** How deliveries are sent and retried (NOTIFY_WEBHOOK_URL, timeouts, backoff). */
export interface NotifySettings {
  /** NOTIFY_WEBHOOK_URL: an implicit `all` webhook channel. */
  envWebhookUrl: string | null;
  /** PUBLIC_URL, for links in messages. */
  baseUrl: string | null;
  /** Each HTTP call / SMTP stage. */
  timeoutMs: number;
  /** Wait before the 2nd, 3rd… attempt; the last value repeats. */
  backoffMs: number[];
  /** Attempts before a delivery is given up (failed). */
  maxAttempts: number;
  /** A claimed delivery is not claimed again for this long: a sender that died mid-send is retried after it. */
  sendLeaseMs: number;
}

export const DEFAULT_NOTIFY_SETTINGS: NotifySettings = {
  envWebhookUrl: null,
  baseUrl: null,
  timeoutMs: 10_000,
  backoffMs: [30_000, 120_000, 600_000, 3_600_000, 6 * 3_600_000],
  maxAttempts: 6,
  sendLeaseMs: 120_000,
};

const plus = (d: Date, ms: number) => new Date(d.getTime() + ms).toISOString();

/**
 * The deliveries of a run's messages: one per message and channel it is routed to, inserted in the
 * caller's transaction (the one that marks the run done). A run finished twice inserts nothing the
 * second time (unique run, channel, key).
 */
export async function enqueue(
  trx: Db,
  runId: string | null,
  messages: readonly OutgoingMessage[],
  channels: readonly StoredChannel[],
  now: Date,
): Promise<number> {
  const rows = messages.flatMap((m) => {
    const recipient = recipientOf(m.audience);
    const payload = JSON.stringify(payloadOf(m, recipient));
    return route(channels, m.audience).map((c) => ({
      id: randomUUID(),
      run_id: runId,
      channel_id: c.id,
      channel_name: c.name,
      channel_kind: c.kind,
      message_kind: m.kind,
      message_key: m.key,
      title: m.title,
      recipient,
      payload,
      state: 'pending' as const,
      attempts: 0,
      next_attempt_at: now.toISOString(),
      created_at: now.toISOString(),
    }));
  });
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const r = await trx
      .insertInto('deliveries')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['run_id', 'channel_id', 'message_key']).doNothing())
      .executeTakeFirst();
    inserted += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/** Enqueues with the channels as they are now (configured ones and NOTIFY_WEBHOOK_URL's). */
export async function enqueueRouted(
  trx: Db,
  settings: NotifySettings,
  runId: string | null,
  messages: readonly OutgoingMessage[],
  now: Date,
): Promise<number> {
  if (messages.length === 0) return 0;
  return enqueue(trx, runId, messages, await listChannels(trx, settings.envWebhookUrl), now);
}

type Row = Selectable<DeliveriesTable>;

/**
 * Claims one due delivery (`for update skip locked`: two senders never claim the same one) for the
 * claim token `token`, pushes its next attempt forward by the send lease and counts the attempt.
 * One at a time, by a free worker: a claimed row is being sent at once, so its lease cannot run out
 * while it waits in a queue (and another instance send it too).
 */
async function claimOne(db: Kysely<Database>, s: NotifySettings, now: Date, token: string): Promise<Row | null> {
  const row = await db
    .updateTable('deliveries')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: plus(now, s.sendLeaseMs), claimed_by: token }))
    .where('id', 'in', (eb) => {
      return eb
        .selectFrom('deliveries')
        .select('id')
        .where('state', '=', 'pending')
        .where('next_attempt_at', '<=', now.toISOString())
        .where('attempts', '<', s.maxAttempts)
        .orderBy('next_attempt_at')
        .limit(1)
        .forUpdate()
        .skipLocked();
    })
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

async function giveUpInterrupted(db: Kysely<Database>, s: NotifySettings, now: Date): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ state: 'failed', next_attempt_at: null, claimed_by: null, last_error: '发送多次中断，已放弃' })
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', now.toISOString())
    .where('attempts', '>=', s.maxAttempts)
    .execute();
}

/** How long a delivery whose channel is paused (or whose NOTIFY_WEBHOOK_URL is not set here) waits. */
const parkedWait = (s: NotifySettings) => Math.min(600_000, s.backoffMs[s.backoffMs.length - 1] ?? 60_000);

async function finish(db: Kysely<Database>, s: NotifySettings, row: Row, now: () => Date): Promise<void> {
  const channel = await getChannel(db, row.channel_id, s.envWebhookUrl);
  const payload = row.payload as unknown as DeliveryPayload;
  // Only while this claim is the current one: a sender whose lease ran out records nothing.
  const claimed = () => {
    const q = db.updateTable('deliveries').where('id', '=', row.id).where('state', '=', 'pending');
    return row.claimed_by === null ? q.where('claimed_by', 'is', null) : q.where('claimed_by', '=', row.claimed_by);
  };
  // A channel paused for a while, or NOTIFY_WEBHOOK_URL's channel on an instance without that setting:
  // not this delivery's failure. It stays pending (the attempt not counted) and is looked at again later.
  const parked =
    (!channel && row.channel_id === ENV_CHANNEL_ID && !s.envWebhookUrl) ||
    (channel !== null && !channel.enabled && payload.kind !== 'test');
  if (parked) {
    await claimed()
      .set((eb) => ({
        attempts: eb('attempts', '-', 1),
        claimed_by: null,
        last_error: channel ? '通道已停用，恢复后发送' : '本实例未设置 NOTIFY_WEBHOOK_URL，稍后再试',
        next_attempt_at: plus(now(), parkedWait(s)),
      }))
      .execute();
    return;
  }
  let error: string | null = null;
  if (!channel) error = '通道已删除，未发送';
  else {
    try {
      await send(channel, payload, { timeoutMs: s.timeoutMs }, now());
    } catch (e) {
      error = e instanceof SendError ? e.message : '发送失败';
    }
  }
  const at = now();
  // Between a send that succeeded and this update is the only window in which a crash sends a
  // message twice (the claim expires and it is sent again): one statement, nothing in between.
  if (error === null) {
    await claimed()
      .set({
        state: 'sent',
        sent_at: at.toISOString(),
        last_error: null,
        next_attempt_at: null,
        claimed_by: null,
        // The attachments' bytes were only kept for a retry: a weekly .docx per channel adds up.
        payload: sql`jsonb_set(payload, '{attachments}', (select coalesce(jsonb_agg(a - 'base64'), '[]'::jsonb) from jsonb_array_elements(payload -> 'attachments') a))`,
      })
      .execute();
    return;
  }
  const final = !channel || row.attempts >= s.maxAttempts;
  const wait = s.backoffMs[Math.min(row.attempts - 1, s.backoffMs.length - 1)] ?? 60_000;
  console.warn(`通知发送失败（${row.channel_name}，第 ${row.attempts} 次）：${error}`);
  await claimed()
    .set({
      state: final ? 'failed' : 'pending',
      last_error: error,
      claimed_by: null,
      next_attempt_at: final ? null : plus(at, wait),
    })
    .execute();
}

export interface DeliverOptions {
  /** Names the claims (default a random one); each claim adds a nonce. */
  owner?: string;
  /** Sends at once (default 4). */
  workers?: number;
  /** Most deliveries this call attempts (default 20). */
  limit?: number;
  /** Checked before each claim: when it says true, no further delivery is taken. */
  stopped?: () => boolean;
}

/** Sends what is due (four workers, each claiming one delivery when it is free); returns how many were attempted. */
export async function deliverDue(
  db: Kysely<Database>,
  s: NotifySettings,
  now: () => Date,
  o: DeliverOptions = {},
): Promise<number> {
  const owner = o.owner ?? `sender:${randomUUID().slice(0, 8)}`;
  const limit = o.limit ?? 20;
  await giveUpInterrupted(db, s, now());
  let taken = 0;
  let empty = false;
  const worker = async () => {
    while (!empty && taken < limit && !o.stopped?.()) {
      taken++;
      const row = await claimOne(db, s, now(), `${owner}:${randomUUID().slice(0, 8)}`);
      if (!row) {
        taken--;
        empty = true;
        return;
      }
      await finish(db, s, row, now);
    }
  };
  await Promise.all(Array.from({ length: o.workers ?? 4 }, worker));
  return taken;
}

/** A test message to one channel, sent now (one attempt, no retry); answers the delivery. */
export async function sendTestMessage(
  db: Kysely<Database>,
  s: NotifySettings,
  channel: StoredChannel,
  now: () => Date,
): Promise<Delivery> {
  const at = now();
  const message: OutgoingMessage = {
    kind: 'test',
    key: `test:${randomUUID()}`,
    audience: { kind: 'office' },
    title: '目标进度看板 · 测试消息',
    markdown: `**这是一条测试消息**\n\n通道“${channel.name}”已能收到目标进度看板的通知。`,
    text: `这是一条测试消息。\n通道“${channel.name}”已能收到目标进度看板的通知。`,
  };
  const id = randomUUID();
  const recipient = channel.departmentName ?? recipientOf(message.audience);
  // Inserted already claimed (one attempt, under the send lease): no sender elsewhere takes it meanwhile.
  const row = await db
    .insertInto('deliveries')
    .values({
      id,
      run_id: null,
      channel_id: channel.id,
      channel_name: channel.name,
      channel_kind: channel.kind,
      message_kind: 'test',
      message_key: message.key,
      title: message.title,
      recipient,
      payload: JSON.stringify(payloadOf(message, recipient)),
      state: 'pending',
      attempts: 1,
      next_attempt_at: plus(at, s.sendLeaseMs),
      claimed_by: `test:${id}`,
      created_at: at.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await finish(db, { ...s, maxAttempts: 1 }, row, now);
  const out = await listDeliveries(db, { id });
  if (!out[0]) throw new Error('delivery vanished');
  return out[0];
}

export function deliveryToApi(r: Row): Delivery {
  return {
    id: r.id,
    channelId: r.channel_id,
    channelName: r.channel_name,
    channelKind: r.channel_kind,
    messageKind: r.message_kind,
    title: r.title,
    recipient: r.recipient,
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    nextAttemptAt: r.state === 'pending' ? r.next_attempt_at : null,
    sentAt: r.sent_at,
    jobRunId: r.run_id,
  };
}

export async function listDeliveries(
  db: Db,
  q: { state?: Row['state'] | undefined; limit?: number | undefined; id?: string; runId?: string },
): Promise<Delivery[]> {
  let query = db.selectFrom('deliveries').selectAll();
  if (q.state) query = query.where('state', '=', q.state);
  if (q.id) query = query.where('id', '=', q.id);
  if (q.runId) query = query.where('run_id', '=', q.runId);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit ?? 100)
    .execute();
  return rows.map(deliveryToApi);
}
