import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";

const dialect = new PgDialect();

/** A value as an SQL literal; strings in the E'' form, so backslashes are safe whatever the settings. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === "string"
        ? value
        : JSON.stringify(value);
  if (text.includes("\u0000")) throw new RangeError("text with a NUL character");
  return `E'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

/**
 * The statements as one text with their parameters written in as literals, for the simple query
 * protocol: Postgres runs several statements sent in one message as one transaction (each with
 * a fresh snapshot under READ COMMITTED), so a short transaction costs one round trip instead of
 * one per statement plus BEGIN and COMMIT. Each parameter becomes a literal in one pass, so text
 * inside a value is never read as a placeholder.
 */
export function renderScript(statements: readonly SQL[]): string {
  return statements
    .map((statement) => {
      const query = dialect.sqlToQuery(statement);
      return query.sql.replace(/\$(\d+)/g, (_, index: string) =>
        literal(query.params[Number(index) - 1]),
      );
    })
    .join(";\n");
}
