// `npm run bench:feeds [-- --full | --messages N --users N]`: bundles feeds-bench.ts with vite
// (like the crash test's fixture) under node_modules/.tmp so that sql.js resolves, then runs it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
mkdirSync(join(root, 'node_modules', '.tmp'), { recursive: true });
const outDir = mkdtempSync(join(root, 'node_modules', '.tmp', 'bench-feeds-'));
try {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: join(here, 'feeds-bench.ts'),
      outDir,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'feeds-bench.mjs' } },
    },
  });
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', join(outDir, 'feeds-bench.mjs'), ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
