/**
 * Where the store commands (doctor, backup, restore) write. Structurally the same as the CLI's
 * `CliIo` ({ out, err }), so the CLI passes its own io; tests pass an array-backed one.
 */
export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export function describeError(error: unknown): string {
  const e = error as { code?: string; message?: string; details?: Record<string, unknown> };
  const head = e.code ? `${e.code}: ${e.message ?? ''}` : String(e.message ?? error);
  return e.details && Object.keys(e.details).length > 0 ? `${head}\n${JSON.stringify(e.details, null, 2)}` : head;
}
