/**
 * True when a database error (or one it wraps, as Drizzle does in `cause`) is a unique violation
 * (SQLSTATE 23505); both drivers expose the SQLSTATE as `code`.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; typeof e === "object" && e !== null;) {
    if ((e as { code?: unknown }).code === "23505") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
