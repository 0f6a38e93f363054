import type { Kysely } from 'kysely';
import { passwordSchema, usernameSchema } from '../../src/domain/write-api';
import type { Database } from '../db/schema';
import { audit } from '../repositories/audit';
import { createUser } from '../repositories/users';

/**
 * The first admin from ADMIN_USERNAME + ADMIN_PASSWORD, on a start that finds no users at all.
 * Nothing happens when users exist (changing the variables later changes nobody's password), and
 * there is no default: without the variables the first admin comes from `npm run admin`.
 */
export async function ensureFirstAdmin(
  db: Kysely<Database>,
  env: { ADMIN_USERNAME?: string | undefined; ADMIN_PASSWORD?: string | undefined },
  now: Date,
): Promise<string | null> {
  if (!env.ADMIN_USERNAME || !env.ADMIN_PASSWORD) return null;
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const username = usernameSchema.safeParse(env.ADMIN_USERNAME);
  if (!username.success) throw new Error(`ADMIN_USERNAME 无效：${username.error.issues[0]?.message ?? ''}`);
  const password = passwordSchema.safeParse(env.ADMIN_PASSWORD);
  if (!password.success) throw new Error(`ADMIN_PASSWORD 无效：${password.error.issues[0]?.message ?? ''}`);
  return db.transaction().execute(async (trx) => {
    const u = await createUser(
      trx,
      { username: username.data, password: password.data, role: 'admin', departments: [] },
      now,
    );
    await audit(
      trx,
      now,
      { id: null, username: 'system', ip: null },
      {
        action: 'user.create',
        entity: 'user',
        entityId: u.id,
        after: { ...u, via: 'ADMIN_USERNAME/ADMIN_PASSWORD' },
      },
    );
    return u.username;
  });
}
