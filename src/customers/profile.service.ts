import type { Db } from "../platform/db/database.js";
import { customersError } from "./customers.errors.js";
import { updateUserProfile } from "./profile.queries.js";
import { findUserById } from "./users.queries.js";
import type { User } from "./users.table.js";

export interface ProfileChanges {
  readonly fullName?: string | undefined;
  readonly bio?: string | undefined;
}

/** The caller's own profile: name and bio are theirs to edit; the email is not. */
export interface ProfileService {
  get(userId: string): Promise<User>;
  update(userId: string, changes: ProfileChanges): Promise<User>;
}

export function createProfileService(deps: { db: Db }): ProfileService {
  const { db } = deps;
  // The caller is authenticated, so a missing user was removed during the request.
  const gone = () => customersError("not_found", "No such user.");
  return {
    async get(userId) {
      const user = await findUserById(db, userId);
      if (user === undefined) throw gone();
      return user;
    },

    async update(userId, changes) {
      const user = await updateUserProfile(db, userId, changes);
      if (user === undefined) throw gone();
      return user;
    },
  };
}
