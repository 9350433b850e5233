import { eq } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/database.js";
import { users, type User } from "./users.table.js";

/** Sets the given profile fields; undefined when there is no such user. */
export async function updateUserProfile(
  db: DbOrTx,
  userId: string,
  changes: { fullName?: string | undefined; bio?: string | undefined },
): Promise<User | undefined> {
  const set = {
    ...(changes.fullName === undefined ? {} : { fullName: changes.fullName }),
    ...(changes.bio === undefined ? {} : { bio: changes.bio }),
  };
  if (Object.keys(set).length === 0) {
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    return user;
  }
  const [user] = await db.update(users).set(set).where(eq(users.id, userId)).returning();
  return user;
}
