import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONFIG_KEYS, envNameFor, flagNameFor } from '../server/config/config-schema.js';
import { renderConfigTable, withConfigTable } from './config-doc.js';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));

describe('README configuration table', () => {
  it('is current with the config schema', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme, 'README.md configuration table is out of date: run `npm run docs:config` and commit').toBe(
      withConfigTable(readme),
    );
  });

  it('has one row per key with its environment variable and flag', () => {
    const table = renderConfigTable();
    const rows = table.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(CONFIG_KEYS.length);
    for (const key of CONFIG_KEYS) {
      expect(table).toContain(`| \`${key}\` | \`${envNameFor(key)}\` | \`${flagNameFor(key)}\` |`);
    }
    expect(table).toContain('`PARLANCE_HTTP_PORT` | `--http-port` | `8080`');
    expect(table).toContain('`PARLANCE_BIND` | `--bind` | `127.0.0.1`');
    // A run of capitals is one word: logRotateMB → LOG_ROTATE_MB, --log-rotate-mb.
    expect(table).toContain('| `logRotateMB` | `PARLANCE_LOG_ROTATE_MB` | `--log-rotate-mb` |');
  });
});
