/**
 * Configuration flags from the Electron command line (`--http-port 9000`, `--data-dir=/srv/p`).
 * Electron's argv also carries Chromium and Node switches (`--inspect=0`,
 * `--remote-debugging-port=0`) and the app path; those are ignored, not rejected.
 */
import { parseArgs } from 'node:util';
import { CONFIG_KEYS, flagNameFor, type ConfigKey } from '../server/config/config-schema.js';

export function parseConfigFlags(argv: readonly string[]): Partial<Record<ConfigKey, string>> {
  const options = Object.fromEntries(
    CONFIG_KEYS.map((key) => [flagNameFor(key).slice(2), { type: 'string' as const }]),
  );
  const { values } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true });
  const flags: Partial<Record<ConfigKey, string>> = {};
  for (const key of CONFIG_KEYS) {
    const value = values[flagNameFor(key).slice(2)];
    // A bare `--open-browser` (no value) means true; the schema coerces the string.
    if (value === true) flags[key] = 'true';
    else if (typeof value === 'string') flags[key] = value;
  }
  return flags;
}
