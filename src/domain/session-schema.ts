import { z } from 'zod';

/**
 * Who is signed in (`/session`): what every page reads, apart from the rest of the write side
 * (write-api.ts), so that the session check loads a few hundred bytes rather than every write schema.
 */

export const ROLES = ['viewer', 'reporter', 'reviewer', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const READ_ACCESS = ['open', 'signed-in'] as const;
export type ReadAccess = (typeof READ_ACCESS)[number];

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** Departments a reporter may report for (empty for viewers; admins may write everything). */
  departments: z.array(z.string()),
  /** Plans a reviewer reviews whole (the city's target office); their departments bound the rest. */
  plans: z.array(z.string()).default([]),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const sessionResponseSchema = z.object({
  user: userSchema.nullable(),
  /** Send back as the `X-CSRF-Token` header on every write. */
  csrfToken: z.string().nullable(),
  readAccess: z.enum(READ_ACCESS),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
