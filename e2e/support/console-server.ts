/**
 * The headless server the browser e2e drives: one per run, on a fresh temporary data directory.
 * Values are decided once in the runner process and handed to workers through the environment.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const E2E_ADMIN_USER = 'admin';
export const E2E_ADMIN_PASSWORD = process.env['PARLANCE_E2E_ADMIN_PASSWORD'] ?? 'e2e-console-password';

/** A port the kernel just handed out (listen on 0), so parallel runs do not collide. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Picks the port once in the runner (or takes PARLANCE_E2E_PORT); workers inherit it via env. */
export async function chooseConsolePort(): Promise<number> {
  process.env['PARLANCE_E2E_PORT'] ??= String(await findFreePort());
  return consolePort();
}

export function consolePort(): number {
  const port = Number(process.env['PARLANCE_E2E_PORT']);
  if (!Number.isInteger(port) || port <= 0) throw new Error('PARLANCE_E2E_PORT is not set: load playwright.config.ts');
  return port;
}

export function consoleUrl(): string {
  return `http://127.0.0.1:${consolePort()}`;
}

/** Creates the data directory on first call in the runner; workers see the same path via env. */
export function consoleDataDir(): string {
  process.env['PARLANCE_E2E_DATA_DIR'] ??= mkdtempSync(join(tmpdir(), 'parlance-console-e2e-'));
  return process.env['PARLANCE_E2E_DATA_DIR'];
}
