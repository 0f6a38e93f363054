import { z } from 'zod';
import { issueParamsSchema } from './issue-params';
import { CONFIRMATION_CODES } from './issues';

/**
 * A field's problem: `message` in Chinese (the API's language) and, where the check has one, its
 * `code` and `params`, from which a client words it in its own language. The code is a plain string
 * on the wire: a client that does not know it shows the message.
 */
export const fieldIssueSchema = z.object({
  field: z.string(),
  message: z.string(),
  code: z.string().optional(),
  params: issueParamsSchema.optional(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const confirmationSchema = z.object({
  code: z.enum(CONFIRMATION_CODES),
  message: z.string(),
  params: issueParamsSchema.optional(),
});
export type Confirmation = z.infer<typeof confirmationSchema>;

/**
 * Every error answer of `/api/v1`: RFC 9457 problem details, in Chinese (the API's language), with a
 * stable `code` and its `params` from which a client words it in its own language (src/i18n), and
 * what the failure concerns: a read's bad parameter (its value and the values it can take, for an
 * unknown filter), a write's field issues and confirmations, the report a conflict refers to, an
 * import's per-row result.
 */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string().optional(),
  params: issueParamsSchema.optional(),
  param: z.string().optional(),
  value: z.string().optional(),
  allowed: z.array(z.string()).optional(),
  errors: z.array(fieldIssueSchema).optional(),
  confirmations: z.array(confirmationSchema).optional(),
  /** 409 on a report: the report to correct instead. */
  reportId: z.string().optional(),
  /** 422/403 on an import: the dry-run result with every row. */
  result: z.unknown().optional(),
});
export type Problem = z.infer<typeof problemSchema>;
