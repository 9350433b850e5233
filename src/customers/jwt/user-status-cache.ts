import { eq } from "drizzle-orm";
import type { Clock } from "../../platform/clock.js";
import type { Db } from "../../platform/db/database.js";
import { users } from "../users.table.js";

/**
 * How long a user's status is trusted without asking the database. Deactivation does not wait
 * for it: it is broadcast to every instance (see forgetUser in tokens.service.ts).
 */
export const USER_STATUS_TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

export interface UserStatus {
  readonly active: boolean;
  readonly email: string;
  readonly isStaff: boolean;
}

/**
 * What an access token's user is now, for every request made with one: a JWT stays valid until it
 * expires, so whether its user may still act is asked here.
 */
export interface UserStatusCache {
  /** Undefined for an unknown user. */
  get(userId: string): Promise<UserStatus | undefined>;
  forgetUser(userId: string): void;
  clear(): void;
}

interface Entry {
  readonly status: UserStatus | undefined;
  readonly expiresAt: number;
}

export function createUserStatusCache(deps: { db: Db; clock: Clock }): UserStatusCache {
  const { db, clock } = deps;
  const cache = new Map<string, Entry>();
  /** Bumped on every invalidation; a read that raced one is not cached. */
  let invalidations = 0;

  return {
    async get(userId) {
      const now = clock.now().getTime();
      const cached = cache.get(userId);
      if (cached !== undefined && cached.expiresAt > now) return cached.status;
      cache.delete(userId);
      const generation = invalidations;
      const [row] = await db
        .select({ active: users.isActive, email: users.email, isStaff: users.isStaff })
        .from(users)
        .where(eq(users.id, userId));
      if (generation === invalidations) {
        if (cache.size >= MAX_ENTRIES) {
          const oldest = cache.keys().next();
          if (oldest.done !== true) cache.delete(oldest.value);
        }
        cache.set(userId, { status: row, expiresAt: now + USER_STATUS_TTL_MS });
      }
      return row;
    },

    forgetUser(userId) {
      invalidations += 1;
      cache.delete(userId);
    },

    clear() {
      invalidations += 1;
      cache.clear();
    },
  };
}
