import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** Who did it and from where: every audited write carries one. */
export interface Actor {
  id: string | null;
  username: string | null;
  ip: string | null;
}

export interface AuditEvent {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

const asJson = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Appends to the audit log, inside the caller's transaction so that the entry and the change it
 * describes are written together or not at all. The table refuses UPDATE and DELETE (trigger).
 */
export async function audit(
  db: Kysely<Database> | Transaction<Database>,
  at: Date,
  actor: Actor,
  events: AuditEvent | AuditEvent[],
): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0) return;
  const rows = list.map((e) => ({
    at: at.toISOString(),
    actor_id: actor.id,
    actor: actor.username,
    ip: actor.ip,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId ?? null,
    before: asJson(e.before),
    after: asJson(e.after),
  }));
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('audit_log')
      .values(rows.slice(i, i + 500))
      .execute();
}
