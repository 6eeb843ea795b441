#!/usr/bin/env node
// The `parlance` command: a tiny launcher for the bundled CLI (src/server/cli/index.ts → out/main/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('parlance: the CLI is not built yet: run `npm run build` first\n');
  process.exit(1);
}
await import(cli.href);
