/**
 * Where the CLI writes. Commands take an `io` so they can be exercised without a terminal; the
 * real one writes to the process streams. Results go to stdout, diagnostics to stderr.
 */
import type { AdminError } from '../admin-api/contract-errors.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};

/** `ERR_CODE: message` plus the details, the way every CLI error is printed. */
export function formatError(error: AdminError): string {
  const head = `${error.code}: ${error.message}`;
  if (error.details === undefined || Object.keys(error.details).length === 0) return head;
  return `${head}\n${JSON.stringify(error.details, null, 2)}`;
}
