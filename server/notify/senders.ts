import { createHmac } from 'node:crypto';
import type { MessageKind } from '../../src/domain/notify-api';
import type { EmailConfig, StoredChannel } from './channels';
import type { Audience, OutgoingMessage } from './message';
import { scrub } from './redact';

/** A delivery's message as stored (deliveries.payload): everything a retry after a crash needs. */
export interface DeliveryPayload {
  kind: MessageKind;
  title: string;
  markdown: string;
  text: string;
  recipient: string;
  audience: Audience;
  attachments: { filename: string; contentType: string; base64: string; url?: string }[];
}

export function payloadOf(m: OutgoingMessage, recipient: string): DeliveryPayload {
  return {
    kind: m.kind,
    title: m.title,
    markdown: m.markdown,
    text: m.text,
    recipient,
    audience: m.audience,
    attachments: (m.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      base64: a.content.toString('base64'),
      ...(a.url ? { url: a.url } : {}),
    })),
  };
}

/** A failed send, its message already free of secrets (it is stored as the delivery's last error). */
export class SendError extends Error {}

export interface SendOptions {
  /** Each HTTP call and each SMTP stage gives up after this long. */
  timeoutMs: number;
}

/** 企业微信: a markdown message's content is at most 4096 bytes (UTF-8). */
export const WECOM_MAX_BYTES = 4096;
/** 钉钉 documents no exact limit for markdown; 20000 bytes stays well under what it accepts. */
export const DINGTALK_MAX_BYTES = 20000;
const CUT_NOTE = '\n\n> 内容过长，已截断，请登录系统查看全文';

/** `text` cut to at most `max` UTF-8 bytes, on a character boundary, with a note when cut. */
export function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  const budget = max - Buffer.byteLength(CUT_NOTE);
  let used = 0;
  let out = '';
  for (const ch of text) {
    const n = Buffer.byteLength(ch);
    if (used + n > budget) break;
    used += n;
    out += ch;
  }
  return out + CUT_NOTE;
}

/** The robots' markdown: the message's, with its attachments as links (robots carry no files). */
export function robotMarkdown(p: DeliveryPayload): string {
  if (p.attachments.length === 0) return p.markdown;
  const lines = p.attachments.map((a) =>
    a.url ? `- [${a.filename}](${a.url})` : `- ${a.filename}（请登录系统下载，或查收邮件）`,
  );
  return `${p.markdown}\n\n**附件**\n${lines.join('\n')}`;
}

/** DingTalk's 加签: base64(HmacSHA256(secret, `${timestamp}\n${secret}`)), sent URL-encoded with the timestamp. */
export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

function secretsOf(c: StoredChannel): string[] {
  const out: string[] = [];
  const { url, secret, pass } = c.secrets;
  if (secret) out.push(secret);
  if (pass) out.push(pass);
  if (url) {
    out.push(url);
    try {
      const u = new URL(url);
      for (const v of u.searchParams.values()) out.push(v);
      for (const seg of u.pathname.split('/')) if (seg.length >= 16) out.push(seg);
      if (u.password) out.push(decodeURIComponent(u.password));
    } catch {
      // an invalid URL fails below with a message of our own
    }
  }
  return out;
}

async function post(url: string, body: unknown, o: SendOptions): Promise<{ status: number; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(o.timeoutMs),
    redirect: 'error',
  });
  const text = await res.text();
  return { status: res.status, text };
}

function robotReply(kind: string, r: { status: number; text: string }): void {
  if (r.status !== 200) throw new Error(`${kind}返回 HTTP ${r.status}`);
  let body: { errcode?: unknown; errmsg?: unknown };
  try {
    body = JSON.parse(r.text) as typeof body;
  } catch {
    throw new Error(`${kind}的回复不是 JSON（HTTP ${r.status}）`);
  }
  if (body.errcode !== 0)
    throw new Error(`${kind}返回错误 errcode=${String(body.errcode)}：${String(body.errmsg ?? '').slice(0, 200)}`);
}

async function sendHttp(c: StoredChannel, p: DeliveryPayload, o: SendOptions, sentAt: Date): Promise<void> {
  const url = c.secrets.url;
  if (!url) throw new Error('通道未设置地址');
  if (c.kind === 'webhook') {
    const r = await post(
      url,
      {
        kind: p.kind,
        title: p.title,
        markdown: p.markdown,
        text: p.text,
        recipient: p.recipient,
        audience: p.audience,
        sentAt: sentAt.toISOString(),
        attachments: p.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          ...(a.url ? { url: a.url } : {}),
        })),
      },
      o,
    );
    // The status only: an answer's body is not echoed (a webhook URL pointed inward must not read pages out).
    if (r.status < 200 || r.status >= 300) throw new Error(`Webhook 返回 HTTP ${r.status}`);
    return;
  }
  if (c.kind === 'wecom') {
    const content = truncateBytes(`# ${p.title}\n${robotMarkdown(p)}`, WECOM_MAX_BYTES);
    robotReply('企业微信', await post(url, { msgtype: 'markdown', markdown: { content } }, o));
    return;
  }
  // dingtalk
  let target = url;
  if (c.secrets.secret) {
    const u = new URL(url);
    const timestamp = Date.now(); // DingTalk's own clock checks it: the real time, not an injected one
    u.searchParams.set('timestamp', String(timestamp));
    u.searchParams.set('sign', dingtalkSign(c.secrets.secret, timestamp));
    target = u.toString();
  }
  const text = truncateBytes(`### ${p.title}\n${robotMarkdown(p)}`, DINGTALK_MAX_BYTES);
  robotReply('钉钉', await post(target, { msgtype: 'markdown', markdown: { title: p.title, text } }, o));
}

async function sendMail(c: StoredChannel, p: DeliveryPayload, o: SendOptions): Promise<void> {
  const e = c.config as EmailConfig;
  // Loaded on the first mail sent, not at every start (~3 MB of heap a server without e-mail would hold).
  const { createTransport } = await import('nodemailer');
  const transport = createTransport({
    host: e.host,
    port: e.port,
    secure: e.secure,
    // Credentials never go out in the clear: without implicit TLS, STARTTLS is required when logging in.
    ...(e.user ? { auth: { user: e.user, pass: c.secrets.pass ?? '' }, requireTLS: !e.secure } : {}),
    connectionTimeout: o.timeoutMs,
    greetingTimeout: o.timeoutMs,
    socketTimeout: o.timeoutMs,
  });
  try {
    await transport.sendMail({
      from: e.from,
      to: e.to,
      subject: p.title,
      text: p.text,
      attachments: p.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.base64, 'base64'),
      })),
    });
  } finally {
    transport.close();
  }
}

/** Sends one delivery's message through one channel; a failure is a SendError with every secret removed. */
export async function send(c: StoredChannel, p: DeliveryPayload, o: SendOptions, sentAt: Date): Promise<void> {
  try {
    if (c.kind === 'email') await sendMail(c, p, o);
    else await sendHttp(c, p, o, sentAt);
  } catch (e) {
    const raw =
      e instanceof Error
        ? e.name === 'TimeoutError'
          ? `发送超时（${Math.round(o.timeoutMs / 1000)} 秒）`
          : `${e.message}${e.cause instanceof Error ? `（${e.cause.message}）` : ''}`
        : String(e);
    throw new SendError(scrub(raw, secretsOf(c)));
  }
}
