/**
 * Which statements inside a write transaction go into the journal, and the determinism guard.
 * Every statement is recorded except plain reads (`SELECT …`, `VALUES …`): replaying a read is
 * harmless, missing a write is not, so anything that is not obviously a read is recorded.
 */
const PLAIN_READ = /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(?:select|values)\b/i;

const NON_DETERMINISTIC =
  /\b(?:random|randomblob|sqlite_version)\s*\(|\bcurrent_(?:timestamp|date|time)\b|['"]now['"]/i;

export function isPlainRead(sql: string): boolean {
  return PLAIN_READ.test(sql);
}

/** Throws for SQL whose effect would differ on replay (STYLE.md §8.2). */
export function assertDeterministic(sql: string): void {
  if (NON_DETERMINISTIC.test(sql)) {
    throw new Error(
      `Non-deterministic SQL cannot be journaled (pass values as parameters from the service): ${sql.slice(0, 200)}`,
    );
  }
}
