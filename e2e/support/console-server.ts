/**
 * The headless server the browser e2e drives: one per run, on a fresh temporary data directory.
 * Values are decided once in the runner process and handed to workers through the environment.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const E2E_ADMIN_USER = 'admin';
export const E2E_ADMIN_PASSWORD = process.env['PARLANCE_E2E_ADMIN_PASSWORD'] ?? 'e2e-console-password';

export function consolePort(): number {
  return Number(process.env['PARLANCE_E2E_PORT'] ?? 18543);
}

export function consoleUrl(): string {
  return `http://127.0.0.1:${consolePort()}`;
}

/** Creates the data directory on first call in the runner; workers see the same path via env. */
export function consoleDataDir(): string {
  process.env['PARLANCE_E2E_DATA_DIR'] ??= mkdtempSync(join(tmpdir(), 'parlance-console-e2e-'));
  return process.env['PARLANCE_E2E_DATA_DIR'];
}
