import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { Principal } from "../platform/auth.js";
import type { DbOrTx } from "../platform/db/database.js";
import { currentRequestId } from "../platform/request-context.js";
import { auditLog, type AuditEntry } from "./audit-log.table.js";

/** Who made a change: a staff user, or an operator at the CLI (null). */
export type Actor = { readonly id: string; readonly email: string } | null;

/** The staff member behind an authenticated request. */
export function actorOf(principal: Principal): Actor {
  return { id: principal.userId, email: principal.email };
}

export interface AuditRecord {
  readonly actor: Actor;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly details?: Record<string, unknown>;
  /** Without an actor, what made the change (default `cli`: an operator's command). */
  readonly via?: string;
}

/** Writes an audit entry; call it in the transaction that makes the change. */
export async function recordAudit(tx: DbOrTx, record: AuditRecord): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: record.actor?.id ?? null,
    actorEmail: record.actor?.email ?? null,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId,
    details:
      record.actor === null
        ? { ...record.details, via: record.via ?? "cli" }
        : (record.details ?? {}),
    requestId: currentRequestId() ?? null,
  });
}

export interface AuditFilters {
  readonly actorId?: string | undefined;
  readonly action?: string | undefined;
  readonly targetId?: string | undefined;
}

/** Audit entries, newest first. */
export async function listAudit(
  db: DbOrTx,
  filters: AuditFilters & { limit: number; offset: number },
): Promise<{ count: number; rows: AuditEntry[] }> {
  const conditions: SQL[] = [];
  if (filters.actorId !== undefined) conditions.push(eq(auditLog.actorId, filters.actorId));
  if (filters.action !== undefined) conditions.push(eq(auditLog.action, filters.action));
  if (filters.targetId !== undefined) conditions.push(eq(auditLog.targetId, filters.targetId));
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(auditLog).where(where);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(filters.limit)
    .offset(filters.offset);
  return { count: total?.n ?? 0, rows };
}

/** The fields a change touched, as `{field: {from, to}}` for an audit entry's details. */
export function changedFields(
  fields: readonly (readonly [field: string, from: unknown, to: unknown])[],
): Record<string, { from: unknown; to: unknown }> {
  return Object.fromEntries(
    fields.filter(([, from, to]) => from !== to).map(([field, from, to]) => [field, { from, to }]),
  );
}
