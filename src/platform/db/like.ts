/** `text` with the LIKE wildcards %, _ and the escape \ taken literally. */
function escapeLike(text: string): string {
  return text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An ILIKE pattern matching `text` anywhere, with its own %, _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** An ILIKE pattern matching text that starts with `text`, its %, _ and \ taken literally. */
export function startsWithPattern(text: string): string {
  return `${escapeLike(text)}%`;
}
