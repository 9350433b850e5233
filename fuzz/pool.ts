import type { Random } from "./random.js";

/**
 * Values the server has answered with (ids, names, emails), so that generated path and query
 * parameters sometimes name things that exist: a fuzzer that only sends random UUIDs never gets
 * past the 404. Values are kept by property name, and also by the collection they were listed
 * or created at (REST paths: the {id} of /api/admin/users/{id} is looked up among the ids that
 * /api/admin/users answered with). An object member with an id (`"user": {"id": …}`) also gives
 * its id under the member's name, for parameters such as `user`.
 */
export interface Pool {
  /** Takes every string member of a JSON reply from the operation at `collection`. */
  harvest(body: unknown, collection: string): void;
  /** A known value for a parameter `name` (or `name_id`), from its collection when there is one. */
  valueFor(name: string, random: Random, collection?: string): string | undefined;
  /** A generated body with some of its top-level members replaced by known values. */
  fill(value: unknown, random: Random): unknown;
}

const PER_KEY = 25;

/** The collection a path parameter names a member of: the path before "/{name}". */
export function collectionOf(path: string, name: string): string | undefined {
  const at = path.indexOf(`/{${name}}`);
  return at > 0 ? path.slice(0, at) : undefined;
}

export function createPool(): Pool {
  const values = new Map<string, string[]>();
  const add = (key: string, value: string) => {
    const list = values.get(key) ?? [];
    if (list.includes(value) || value.length > 200) return;
    // Keep the newest: objects made later in the run are likelier to still exist.
    if (list.length >= PER_KEY) list.shift();
    list.push(value);
    values.set(key, list);
  };
  const pick = (key: string, random: Random) => {
    const list = values.get(key);
    return list === undefined || list.length === 0 ? undefined : random.pick(list);
  };
  const valueFor = (name: string, random: Random, collection?: string) =>
    (collection === undefined ? undefined : pick(`${collection}#${name}`, random)) ??
    pick(name, random) ??
    pick(`${name}_id`, random);
  return {
    harvest(body, collection) {
      const stack: unknown[] = [body];
      for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
        if (Array.isArray(item)) stack.push(...(item as unknown[]));
        else if (item !== null && typeof item === "object") {
          for (const [key, member] of Object.entries(item)) {
            if (typeof member === "string") {
              add(key, member);
              add(`${collection}#${key}`, member);
            } else {
              const id = (member as { id?: unknown } | null)?.id;
              if (typeof id === "string") add(key, id);
              stack.push(member);
            }
          }
        }
      }
    },
    valueFor,
    fill(value, random) {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
      const filled: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const [key, member] of Object.entries(filled)) {
        const known = typeof member === "string" ? valueFor(key, random) : undefined;
        if (known !== undefined && random.chance(0.3)) filled[key] = known;
      }
      return filled;
    },
  };
}
