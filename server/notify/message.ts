import type { Kysely } from 'kysely';
import type { MessageKind } from '../../src/domain/notify-api';
import type { Database } from '../db/schema';

/** Who a message is for; routing picks the channels (see server/notify/routing.ts). */
export type Audience = { kind: 'office' } | { kind: 'leaders' } | { kind: 'department'; id: string; name: string };

export interface Attachment {
  filename: string;
  contentType: string;
  content: Buffer;
  /** Where the same file can be downloaded (absolute, built from JobContext.baseUrl): robots and webhooks get this link. */
  url?: string;
}

export interface OutgoingMessage {
  kind: MessageKind;
  /** Unique within one job run (e.g. `reminder:${departmentId}`): with the run and channel it makes a delivery exactly-once. */
  key: string;
  audience: Audience;
  /** One line: mail subject, DingTalk title. */
  title: string;
  /** For robots: the markdown subset both 企业微信 and 钉钉 render (#-headings, **bold**, - lists, [links](url), > quotes). */
  markdown: string;
  /** Plain text: the mail body. */
  text: string;
  /** E.g. the weekly brief .docx: mail attaches it; robots and webhooks get a link in markdown. */
  attachments?: Attachment[];
}

export interface JobContext {
  db: Kysely<Database>;
  now: Date;
  scheduledFor: Date;
  /** PUBLIC_URL, for links in messages */
  baseUrl: string | null;
}

export type JobHandler = (ctx: JobContext) => Promise<{ summary: string; messages: OutgoingMessage[] }>;
