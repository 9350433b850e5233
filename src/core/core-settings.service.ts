import { changedFields, recordAudit, type Actor } from "../audit/audit.queries.js";
import type { Config } from "../config.js";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import {
  ensureCoreSettings,
  updateCoreSettings,
  type CoreSettingsPatch,
} from "./core-settings.queries.js";
import type { CoreSettings } from "./core-settings.table.js";

/** How long a read of the settings row is reused, in ms: the hot path reads it on every solve. */
export const CORE_SETTINGS_TTL_MS = 5_000;

export interface CoreSettingsService {
  /** The settings row, at most CORE_SETTINGS_TTL_MS old (fresh after a change on this instance). */
  get(): Promise<CoreSettings>;
  /** Changes the row with its audit entry, in one transaction. */
  update(patch: CoreSettingsPatch, actor: Actor): Promise<CoreSettings>;
  /** Drops the cached row (it was changed in a transaction elsewhere). */
  forget(): void;
}

/**
 * The core_settings singleton through a small in-process cache. A change made on this instance is
 * seen at once; other instances see it within CORE_SETTINGS_TTL_MS.
 */
export function createCoreSettingsService(
  deps: { db: Db; config: Config; clock: Clock },
  ttlMs = CORE_SETTINGS_TTL_MS,
): CoreSettingsService {
  let cached: { value: Promise<CoreSettings>; expiresAt: number } | undefined;
  // Monotonic time for expiry, so a test's fixed clock does not pin the cache forever.
  const now = () => performance.now();

  return {
    get() {
      if (cached !== undefined && cached.expiresAt > now()) return cached.value;
      const value = ensureCoreSettings(deps.db, deps.config);
      const entry = { value, expiresAt: now() + ttlMs };
      cached = entry;
      // A failed read is not cached: the next request tries again.
      value.catch(() => {
        if (cached === entry) cached = undefined;
      });
      return value;
    },
    async update(patch, actor) {
      cached = undefined;
      const row = await deps.db.transaction(async (tx) => {
        const before = await ensureCoreSettings(tx, deps.config);
        const after = await updateCoreSettings(tx, deps.config, patch, deps.clock.now());
        await recordAudit(tx, {
          actor,
          action: "settings.update",
          targetType: "core_settings",
          targetId: "1",
          details: changedFields([
            ["cost_per_request_cents", before.costPerRequestCents, after.costPerRequestCents],
            ["openai_model", before.openaiModel, after.openaiModel],
            ["openai_timeout_s", before.openaiTimeoutS, after.openaiTimeoutS],
          ]),
        });
        return after;
      });
      cached = { value: Promise.resolve(row), expiresAt: now() + ttlMs };
      return row;
    },
    forget() {
      cached = undefined;
    },
  };
}
