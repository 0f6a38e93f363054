import { z } from 'zod';
import { isoDateTime } from './schemas';
import { text } from './text-field';

/**
 * Notifications and scheduled jobs (issue 24): delivery channels an administrator configures (or
 * NOTIFY_WEBHOOK_URL for a headless install), every delivery recorded and retried, and the jobs
 * the server runs on a cron-style schedule (Asia/Shanghai) exactly once across instances.
 *
 * Secrets (a robot's webhook URL carries its key; DingTalk's signing secret; the SMTP password) are
 * written, never read back: a channel answers with `target`, a redacted description, and `hasSecret`.
 */

export const CHANNEL_KINDS = ['webhook', 'wecom', 'dingtalk', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * Who a channel reaches: `office` the target office (escalations, the weekly brief, every overdue
 * 督办), `leaders` 分管领导 (escalations), `department` one department (its own reminders and 督办),
 * `all` every message (what NOTIFY_WEBHOOK_URL is).
 */
export const CHANNEL_AUDIENCES = ['office', 'leaders', 'department', 'all'] as const;
export type ChannelAudience = (typeof CHANNEL_AUDIENCES)[number];

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), { message: '地址应以 http:// 或 https:// 开头' });

const common = {
  name: text(100, '通道名称').trim().min(1, { message: '请填写通道名称' }),
  audience: z.enum(CHANNEL_AUDIENCES),
  /** With audience `department`: its registry id. */
  department: z.string().trim().min(1).max(200).nullable().optional(),
  enabled: z.boolean().optional(),
};

/** POST /admin/channels (and PATCH with the same fields, a secret left out keeps the stored one). */
export const channelInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('webhook'), ...common, url: httpUrl }).strict(),
  /** 企业微信群机器人: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… */
  z.object({ kind: z.literal('wecom'), ...common, url: httpUrl }).strict(),
  /** 钉钉自定义机器人: https://oapi.dingtalk.com/robot/send?access_token=…, with its 加签 secret if set. */
  z.object({ kind: z.literal('dingtalk'), ...common, url: httpUrl, secret: z.string().max(200).optional() }).strict(),
  z
    .object({
      kind: z.literal('email'),
      ...common,
      host: z.string().trim().min(1).max(255),
      port: z.number().int().min(1).max(65535),
      /** TLS from the start (465); otherwise STARTTLS when the server offers it. */
      secure: z.boolean().optional(),
      user: z.string().max(255).optional(),
      pass: z.string().max(255).optional(),
      from: z.string().trim().min(3).max(255),
      to: z
        .array(z.string().trim().email({ message: '收件地址格式不正确' }))
        .min(1)
        .max(50),
    })
    .strict(),
]);
export type ChannelInput = z.infer<typeof channelInputSchema>;

export const channelSchema = z.object({
  id: z.string(),
  kind: z.enum(CHANNEL_KINDS),
  name: z.string(),
  audience: z.enum(CHANNEL_AUDIENCES),
  department: z.string().nullable(),
  departmentName: z.string().nullable(),
  enabled: z.boolean(),
  /** Where it goes, secrets removed: `qyapi.weixin.qq.com/…`, `smtp.example.gov.cn:465 → a@x, b@y`. */
  target: z.string(),
  /** A secret is stored (shown as 已设置, never returned). */
  hasSecret: z.boolean(),
  /** An e-mail channel's settings that are not secret (the form edits them); null for other kinds. */
  email: z
    .object({
      host: z.string(),
      port: z.number().int(),
      secure: z.boolean(),
      user: z.string().nullable(),
      from: z.string(),
      to: z.array(z.string()),
    })
    .nullable()
    .optional(),
  /** `admin`: configured in the app; `env`: NOTIFY_WEBHOOK_URL (read-only). */
  source: z.enum(['admin', 'env']),
  createdAt: isoDateTime.nullable(),
  updatedAt: isoDateTime.nullable(),
});
export type Channel = z.infer<typeof channelSchema>;
export const channelsResponseSchema = z.object({ items: z.array(channelSchema) });
export const channelResponseSchema = z.object({ item: channelSchema });

export const MESSAGE_KINDS = ['reminder', 'escalation', 'supervision', 'weekly-brief', 'test'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const DELIVERY_STATES = ['pending', 'sent', 'failed'] as const;

/** One message to one channel: recorded before it is sent, retried with backoff, then sent or failed. */
export const deliverySchema = z.object({
  id: z.string(),
  channelId: z.string(),
  channelName: z.string(),
  channelKind: z.enum(CHANNEL_KINDS),
  messageKind: z.enum(MESSAGE_KINDS),
  title: z.string(),
  /** Who it is for, as people read it (a department's name, 目标办, 分管领导). */
  recipient: z.string(),
  /** pending: waiting or retrying · sent · failed: gave up after the last attempt. */
  state: z.enum(DELIVERY_STATES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: isoDateTime,
  nextAttemptAt: isoDateTime.nullable(),
  sentAt: isoDateTime.nullable(),
  /** The job run that produced it (null for a test message). */
  jobRunId: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;
export const deliveriesQuerySchema = z.object({
  state: z.enum(DELIVERY_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export const deliveriesResponseSchema = z.object({ items: z.array(deliverySchema) });

export const JOB_NAMES = ['reminders', 'weekly-brief'] as const;
export type JobName = (typeof JOB_NAMES)[number];
export const JOB_RUN_STATES = ['running', 'done', 'failed'] as const;

export const jobRunSchema = z.object({
  id: z.string(),
  job: z.string(),
  /** The scheduled instant it runs for (a manual run: when it was asked). */
  scheduledFor: isoDateTime,
  manual: z.boolean(),
  state: z.enum(JOB_RUN_STATES),
  attempts: z.number().int(),
  startedAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
  /** What it did, in words (e.g. 向 12 个部门发送催报 · 3 条升级). */
  summary: z.string().nullable(),
  error: z.string().nullable(),
  /** Deliveries it produced. */
  deliveries: z.number().int(),
});
export type JobRun = z.infer<typeof jobRunSchema>;

export const jobSchema = z.object({
  name: z.string(),
  title: z.string(),
  /** Five-field cron, read in Asia/Shanghai (e.g. `0 9 * * 1` 每周一 9:00). */
  cron: z.string(),
  timezone: z.literal('Asia/Shanghai'),
  enabled: z.boolean(),
  nextRunAt: isoDateTime.nullable(),
  lastRun: jobRunSchema.nullable(),
});
export type Job = z.infer<typeof jobSchema>;
export const jobsResponseSchema = z.object({ items: z.array(jobSchema), runs: z.array(jobRunSchema) });
export const jobPatchSchema = z
  .object({ cron: z.string().trim().min(9).max(100).optional(), enabled: z.boolean().optional() })
  .strict();
export const jobRunResponseSchema = z.object({ run: jobRunSchema });
