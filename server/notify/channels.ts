import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Channel, ChannelAudience, ChannelInput, ChannelKind } from '../../src/domain/notify-api';
import type { Database } from '../db/schema';
import type { Audience } from './message';
import { redactUrl, urlHasSecret } from './redact';

type Db = Kysely<Database> | Transaction<Database>;

/** What a sender needs: a channel with its secrets. Never answered as is: see channelToApi. */
export interface StoredChannel {
  id: string;
  kind: ChannelKind;
  name: string;
  audience: ChannelAudience;
  department: string | null;
  departmentName: string | null;
  enabled: boolean;
  source: 'admin' | 'env';
  /** Shown: SMTP host, port, secure, user, from, to. */
  config: EmailConfig | Record<string, never>;
  /** Never shown: a robot's or webhook's URL, DingTalk's signing secret, the SMTP password. */
  secrets: { url?: string; secret?: string; pass?: string };
  createdAt: string | null;
  updatedAt: string | null;
}

export interface EmailConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  from: string;
  to: string[];
}

/** The implicit channel of NOTIFY_WEBHOOK_URL: every message, as a generic webhook; read-only. */
export const ENV_CHANNEL_ID = 'env-webhook';

export function envChannel(url: string | null | undefined): StoredChannel | null {
  if (!url) return null;
  return {
    id: ENV_CHANNEL_ID,
    kind: 'webhook',
    name: 'NOTIFY_WEBHOOK_URL',
    audience: 'all',
    department: null,
    departmentName: null,
    enabled: true,
    source: 'env',
    config: {},
    secrets: { url },
    createdAt: null,
    updatedAt: null,
  };
}

export function channelTarget(c: StoredChannel): string {
  if (c.kind === 'email') {
    const e = c.config as EmailConfig;
    return `${e.host}:${e.port} → ${e.to.join(', ')}`;
  }
  return c.secrets.url ? redactUrl(c.secrets.url) : '（未设置地址）';
}

export function channelToApi(c: StoredChannel): Channel {
  const hasSecret =
    c.kind === 'email'
      ? Boolean(c.secrets.pass)
      : Boolean(c.secrets.secret) || (c.secrets.url ? urlHasSecret(c.secrets.url) : false);
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    audience: c.audience,
    department: c.department,
    departmentName: c.departmentName,
    enabled: c.enabled,
    target: channelTarget(c),
    hasSecret,
    email: c.kind === 'email' && 'host' in c.config ? { ...(c.config as EmailConfig) } : null,
    source: c.source,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

async function selectChannels(db: Db, id?: string): Promise<StoredChannel[]> {
  let q = db
    .selectFrom('notify_channels as c')
    .leftJoin('departments as d', 'd.id', 'c.department')
    .select([
      'c.id',
      'c.kind',
      'c.name',
      'c.audience',
      'c.department',
      'd.name as department_name',
      'c.enabled',
      'c.config',
      'c.secrets',
      'c.created_at',
      'c.updated_at',
    ])
    .orderBy('c.created_at')
    .orderBy('c.id');
  if (id !== undefined) q = q.where('c.id', '=', id);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    audience: r.audience,
    department: r.department,
    departmentName: r.department_name ?? null,
    enabled: r.enabled,
    source: 'admin',
    config: r.config as StoredChannel['config'],
    secrets: r.secrets as StoredChannel['secrets'],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** Every channel: the configured ones, then NOTIFY_WEBHOOK_URL's when set. */
export async function listChannels(db: Db, envUrl: string | null): Promise<StoredChannel[]> {
  const env = envChannel(envUrl);
  return [...(await selectChannels(db)), ...(env ? [env] : [])];
}

export async function getChannel(db: Db, id: string, envUrl: string | null): Promise<StoredChannel | null> {
  if (id === ENV_CHANNEL_ID) return envChannel(envUrl);
  return (await selectChannels(db, id))[0] ?? null;
}

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** The rows to write for an input; `previous` supplies the secrets the input leaves out (a PATCH). */
export function channelColumns(input: ChannelInput, previous: StoredChannel | null) {
  const keep = previous && previous.kind === input.kind ? previous.secrets : {};
  let config: StoredChannel['config'] = {};
  let secrets: StoredChannel['secrets'] = {};
  switch (input.kind) {
    case 'webhook':
    case 'wecom':
      secrets = { url: input.url };
      break;
    case 'dingtalk': {
      // The 加签 secret is kept only for the same host: pointed elsewhere (an admin's own server and
      // 测试), a kept secret would sign for it, so it has to be given again.
      const sameHost = hostOf(input.url) !== null && hostOf(input.url) === hostOf(keep.url);
      const secret = input.secret === undefined ? (sameHost ? keep.secret : undefined) : input.secret.trim();
      secrets = { url: input.url, ...(secret ? { secret } : {}) };
      break;
    }
    case 'email': {
      config = {
        host: input.host,
        port: input.port,
        secure: input.secure ?? input.port === 465,
        user: input.user?.trim() ? input.user.trim() : null,
        from: input.from,
        to: input.to,
      };
      // The password is kept only for the same server and account: a PATCH that points the channel at
      // another host, port or user without giving it again drops it (hasSecret answers false).
      const was = previous?.kind === 'email' ? (previous.config as EmailConfig) : null;
      const sameServer =
        was !== null && was.host === config.host && was.port === config.port && was.user === config.user;
      const pass = input.pass === undefined ? (sameServer ? keep.pass : undefined) : input.pass;
      secrets = pass ? { pass } : {};
      break;
    }
  }
  return {
    kind: input.kind,
    name: input.name,
    audience: input.audience,
    department: input.audience === 'department' ? (input.department ?? null) : null,
    enabled: input.enabled ?? previous?.enabled ?? true,
    config: JSON.stringify(config),
    secrets: JSON.stringify(secrets),
  };
}

export async function createChannel(db: Db, input: ChannelInput, now: Date): Promise<StoredChannel> {
  const id = randomUUID();
  await db
    .insertInto('notify_channels')
    .values({ id, ...channelColumns(input, null), created_at: now.toISOString(), updated_at: now.toISOString() })
    .execute();
  const created = await getChannel(db, id, null);
  if (!created) throw new Error('channel vanished');
  return created;
}

export async function updateChannel(
  db: Db,
  previous: StoredChannel,
  input: ChannelInput,
  now: Date,
): Promise<StoredChannel> {
  await db
    .updateTable('notify_channels')
    .set({ ...channelColumns(input, previous), updated_at: now.toISOString() })
    .where('id', '=', previous.id)
    .execute();
  const updated = await getChannel(db, previous.id, null);
  if (!updated) throw new Error('channel vanished');
  return updated;
}

export const RECIPIENT_OFFICE = '目标办';
export const RECIPIENT_LEADERS = '分管领导';

export function recipientOf(audience: Audience): string {
  switch (audience.kind) {
    case 'office':
      return RECIPIENT_OFFICE;
    case 'leaders':
      return RECIPIENT_LEADERS;
    case 'department':
      return audience.name;
  }
}

/**
 * The enabled channels a message for `audience` goes to: a department's own channels, else the
 * office's (the office passes it on: a city often has one group of every department's liaisons);
 * the leaders' channels only (every message to the leaders has an office copy of its own, so a
 * fallback would send the office the same message twice); the office's; and every `all` channel
 * (NOTIFY_WEBHOOK_URL's among them) for every message but the leaders' copies.
 */
export function route(channels: readonly StoredChannel[], audience: Audience): StoredChannel[] {
  const on = channels.filter((c) => c.enabled);
  const of = (a: ChannelAudience) => on.filter((c) => c.audience === a);
  let primary: StoredChannel[];
  if (audience.kind === 'department') {
    primary = on.filter((c) => c.audience === 'department' && c.department === audience.id);
    if (primary.length === 0) primary = of('office');
  } else if (audience.kind === 'leaders') primary = of('leaders');
  else primary = of('office');
  // The leaders' messages are copies (each has an office copy of its own): `all` channels get the
  // office copy only, so they see every message once.
  return audience.kind === 'leaders' ? primary : [...primary, ...of('all')];
}
