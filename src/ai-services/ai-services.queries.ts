import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/database.js";
import { aiServices, type AiServiceRow } from "./ai-services.table.js";

export async function listServiceRows(db: DbOrTx): Promise<AiServiceRow[]> {
  return db.select().from(aiServices).orderBy(asc(aiServices.name));
}

/** Creates the rows that are missing (from the code's defaults); returns the names created. */
export async function insertMissingServiceRows(
  db: DbOrTx,
  rows: readonly {
    name: string;
    description: string;
    creditCostMilli: number;
    priceCents: number;
  }[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const created = await db
    .insert(aiServices)
    .values([...rows])
    .onConflictDoNothing({ target: aiServices.name })
    .returning({ name: aiServices.name });
  return created.map((r) => r.name);
}

export interface ServiceRowPatch {
  readonly description?: string | undefined;
  readonly creditCostMilli?: number | undefined;
  readonly priceCents?: number | undefined;
  readonly isActive?: boolean | undefined;
}

/** Changes a row (locked for the caller's transaction); undefined when there is none. */
export async function updateServiceRow(
  tx: DbOrTx,
  name: string,
  patch: ServiceRowPatch,
  now: Date,
): Promise<{ before: AiServiceRow; after: AiServiceRow } | undefined> {
  const [before] = await tx
    .select()
    .from(aiServices)
    .where(eq(aiServices.name, name))
    .for("update");
  if (before === undefined) return undefined;
  const [after] = await tx
    .update(aiServices)
    .set({
      ...(patch.description === undefined ? {} : { description: patch.description }),
      ...(patch.creditCostMilli === undefined ? {} : { creditCostMilli: patch.creditCostMilli }),
      ...(patch.priceCents === undefined ? {} : { priceCents: patch.priceCents }),
      ...(patch.isActive === undefined ? {} : { isActive: patch.isActive }),
      updatedAt: sql`${now.toISOString()}::timestamptz`,
    })
    .where(eq(aiServices.id, before.id))
    .returning();
  if (after === undefined) throw new Error("ai_services row vanished under its lock");
  return { before, after };
}
