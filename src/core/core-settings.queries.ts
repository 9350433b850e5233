import { eq } from "drizzle-orm";
import type { Config } from "../config.js";
import type { DbOrTx } from "../platform/db/database.js";
import { coreSettings, type CoreSettings } from "./core-settings.table.js";

/**
 * The settings row, created from the environment (COST_PER_REQUEST_CENTS, OPENAI_MODEL,
 * OPENAI_TIMEOUT_S) on first use; afterwards the row is the source of truth.
 */
export async function ensureCoreSettings(db: DbOrTx, config: Config): Promise<CoreSettings> {
  await db
    .insert(coreSettings)
    .values({
      id: 1,
      costPerRequestCents: config.costPerRequestCents,
      openaiModel: config.openai.model,
      openaiTimeoutS: config.openai.timeoutS,
    })
    .onConflictDoNothing();
  const [row] = await db.select().from(coreSettings).where(eq(coreSettings.id, 1));
  if (row === undefined) throw new Error("core_settings row missing after insert");
  return row;
}

export interface CoreSettingsPatch {
  readonly costPerRequestCents?: number;
  readonly openaiModel?: string;
  readonly openaiTimeoutS?: number;
}

/** Changes the given fields of the settings row (creating it first if missing) and returns it. */
export async function updateCoreSettings(
  db: DbOrTx,
  config: Config,
  patch: CoreSettingsPatch,
  now: Date,
): Promise<CoreSettings> {
  await ensureCoreSettings(db, config);
  const [row] = await db
    .update(coreSettings)
    .set({ ...patch, updatedAt: now })
    .where(eq(coreSettings.id, 1))
    .returning();
  if (row === undefined) throw new Error("core_settings row missing after update");
  return row;
}
