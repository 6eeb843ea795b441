import { rmSync } from 'node:fs';

/** Removes the temporary data directory of the headless server (after the web server stopped). */
export default function globalTeardown(): void {
  const dir = process.env['PARLANCE_E2E_DATA_DIR'];
  if (dir && dir.includes('parlance-console-e2e-')) rmSync(dir, { recursive: true, force: true });
}
