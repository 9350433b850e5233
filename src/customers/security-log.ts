import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { DbOrTx } from "../platform/db/database.js";
import { pageWindow, type Listed } from "../platform/pagination.js";
import { currentRequestId } from "../platform/request-context.js";
import {
  securityEvents,
  type SecurityEvent,
  type SecurityEventType,
} from "./security-events.table.js";
import { users } from "./users.table.js";

const USER_AGENT_MAX = 256;

/** Who was on the other end of a request, for the security log and the sessions list. */
export interface ClientMeta {
  /** As seen through TRUST_PROXY; null for the CLI. */
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** The CLI, a timer: no client. */
export const NO_CLIENT: ClientMeta = { ip: null, userAgent: null };

export function clientMetaOf(request: FastifyRequest): ClientMeta {
  const agent = request.headers["user-agent"];
  return {
    ip: request.ip,
    userAgent: typeof agent === "string" && agent !== "" ? agent.slice(0, USER_AGENT_MAX) : null,
  };
}

export interface SecurityEventRecord {
  readonly userId: string;
  readonly type: SecurityEventType;
  readonly client: ClientMeta;
  readonly at: Date;
  /** Non-secret context only: never a password, token or email body. */
  readonly details?: Record<string, unknown>;
}

/** Appends an event; call it in the transaction of the change it records, where there is one. */
export async function recordSecurityEvent(db: DbOrTx, event: SecurityEventRecord): Promise<void> {
  await db.insert(securityEvents).values({
    userId: event.userId,
    type: event.type,
    ip: event.client.ip,
    userAgent: event.client.userAgent,
    requestId: currentRequestId() ?? null,
    details: event.details ?? {},
    createdAt: event.at,
  });
}

export interface SecurityLogFilters {
  readonly userId?: string | undefined;
  readonly type?: SecurityEventType | undefined;
  readonly page?: number | undefined;
}

export type SecurityEventWithEmail = SecurityEvent & { userEmail: string };

/** Events with their user's email (for staff), newest first. */
export async function listSecurityEvents(
  db: DbOrTx,
  filters: SecurityLogFilters,
): Promise<Listed<SecurityEventWithEmail>> {
  const window = pageWindow(filters.page);
  const conditions: SQL[] = [];
  if (filters.userId !== undefined) conditions.push(eq(securityEvents.userId, filters.userId));
  if (filters.type !== undefined) conditions.push(eq(securityEvents.type, filters.type));
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(securityEvents).where(where);
  const rows = await db
    .select({ event: securityEvents, userEmail: users.email })
    .from(securityEvents)
    .innerJoin(users, eq(users.id, securityEvents.userId))
    .where(where)
    .orderBy(desc(securityEvents.createdAt), desc(securityEvents.id))
    .limit(window.limit)
    .offset(window.offset);
  return {
    page: window.page,
    count: total?.n ?? 0,
    rows: rows.map((row) => ({ ...row.event, userEmail: row.userEmail })),
  };
}
