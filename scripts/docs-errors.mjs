// Regenerates docs/errors.md from the error catalogue: `npm run docs:errors`.
// Uses Vite's module runner to load the TypeScript source (no extra tooling).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const source = fileURLToPath(new URL('../src/server/errors/errors-doc.ts', import.meta.url));
const target = fileURLToPath(new URL('../docs/errors.md', import.meta.url));
const { module } = await runnerImport(source, { configFile: false, logLevel: 'error' });
writeFileSync(target, module.renderErrorsDoc());
process.stdout.write(`wrote ${target}\n`);
