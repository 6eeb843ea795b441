// Regenerates the configuration table in README.md from the config schema: `npm run docs:config`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const source = fileURLToPath(new URL('../src/main/config-doc.ts', import.meta.url));
const target = fileURLToPath(new URL('../README.md', import.meta.url));
const { module } = await runnerImport(source, { configFile: false, logLevel: 'error' });
writeFileSync(target, module.withConfigTable(readFileSync(target, 'utf8')));
process.stdout.write(`updated the configuration table in ${target}\n`);
