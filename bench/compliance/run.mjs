// `npm run bench:compliance [-- --events N --memory]`: bundles compliance-bench.ts with vite
// (like the crash test's fixture) under node_modules/.tmp so that sql.js resolves, then runs it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
mkdirSync(join(root, 'node_modules', '.tmp'), { recursive: true });
const outDir = mkdtempSync(join(root, 'node_modules', '.tmp', 'bench-compliance-'));
try {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: join(here, 'compliance-bench.ts'),
      outDir,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'compliance-bench.mjs' } },
    },
  });
  const result = spawnSync(
    process.execPath,
    ['--max-old-space-size=384', join(outDir, 'compliance-bench.mjs'), ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
