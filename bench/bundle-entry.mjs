// Shared by the bench runners: bundles one TypeScript entry with vite (like the crash test's
// fixture) under node_modules/.tmp, so that sql.js and the project's imports resolve, for plain
// Node to run. `bundleEntry` gives the bundled file and a `dispose()` that removes it;
// `runBundled` bundles, runs it with `nodeArgs` (stdio inherited, the runner's own arguments
// passed on) and sets the runner's exit code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function bundleEntry(entryPath) {
  const { build } = await import('vite');
  const name = basename(entryPath).replace(/\.ts$/, '');
  mkdirSync(join(repoRoot, 'node_modules', '.tmp'), { recursive: true });
  const outDir = mkdtempSync(join(repoRoot, 'node_modules', '.tmp', `bench-${name}-`));
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        ssr: entryPath,
        outDir,
        target: 'node20',
        minify: false,
        rollupOptions: { output: { format: 'es', entryFileNames: `${name}.mjs` } },
      },
    });
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  return { file: join(outDir, `${name}.mjs`), dispose: () => rmSync(outDir, { recursive: true, force: true }) };
}

export async function runBundled(entryPath, nodeArgs = []) {
  const bundle = await bundleEntry(entryPath);
  try {
    const result = spawnSync(process.execPath, [...nodeArgs, bundle.file, ...process.argv.slice(2)], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    process.exitCode = result.status ?? 1;
  } finally {
    bundle.dispose();
  }
}
