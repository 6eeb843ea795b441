import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listStoreFiles } from './store-files.js';

/**
 * Crash test (issue 3): a child process runs the real store and acknowledges writes over a pipe
 * only after the promise resolved; we SIGKILL it at random moments, restart it and check that
 * every acknowledged write is present exactly once and no transaction is half-applied.
 */
let work: string;
let binDir: string;
let fixture: string;
const repoRoot = resolve(import.meta.dirname, '../../..');

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'parlance-crash-'));
  // the bundle must live under the repository so that `sql.js` resolves from node_modules
  mkdirSync(join(repoRoot, 'node_modules', '.tmp'), { recursive: true });
  binDir = mkdtempSync(join(repoRoot, 'node_modules', '.tmp', 'crash-fixture-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: resolve(import.meta.dirname, 'crash-fixture.ts'),
      outDir: binDir,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'crash-fixture.mjs' } },
    },
  });
  fixture = join(binDir, 'crash-fixture.mjs');
}, 60_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(binDir, { recursive: true, force: true });
});

interface Recovered {
  ids: number[];
  checks: number[];
  total: number;
  warnings: string[];
}

interface Run {
  recovered?: Recovered;
  error?: { code?: string; message: string };
  acked: number[];
}

/** Starts the child; kills it `killAfterMs` after it reported its recovered state. */
function runChild(dir: string, firstId: number, killAfterMs: number): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [fixture, dir, String(firstId), '4'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: Run = { acked: [] };
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.startsWith('ack ')) run.acked.push(Number(line.slice(4)));
      else if (line.startsWith('recovered ')) {
        run.recovered = JSON.parse(line.slice(10)) as Recovered;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      } else if (line.startsWith('error ')) run.error = JSON.parse(line.slice(6)) as Run['error'];
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (!run.recovered && !run.error) reject(new Error(`child exited ${code ?? signal}: ${stderr}`));
      else resolvePromise(run);
    });
  });
}

function checkConsistent(state: Recovered, acked: Set<number>): void {
  const seen = new Set<number>();
  for (const id of state.ids) {
    expect(seen.has(id), `id ${id} present twice`).toBe(false);
    seen.add(id);
  }
  for (const id of acked) expect(seen.has(id), `acknowledged id ${id} lost`).toBe(true);
  // all-or-nothing: every transaction wrote an item, a check row and bumped the total
  expect(state.checks).toEqual(state.ids);
  expect(state.total).toBe(state.ids.length);
}

describe('crash safety (SIGKILL at random moments)', () => {
  it('keeps every acknowledged write across 24 kill/restart cycles, then refuses a mid-journal bit flip', async () => {
    const dir = join(work, 'data');
    const acked = new Set<number>();
    let nextId = 1;
    let totalAcks = 0;
    for (let cycle = 0; cycle < 24; cycle++) {
      const killAfter = 5 + Math.floor(Math.random() * 250);
      const run = await runChild(dir, nextId, killAfter);
      expect(run.error).toBeUndefined();
      checkConsistent(run.recovered!, acked);
      for (const id of run.acked) acked.add(id);
      totalAcks += run.acked.length;
      nextId += 1_000_000;
    }
    expect(totalAcks).toBeGreaterThan(24);
    const final = await runChild(dir, nextId, 0);
    checkConsistent(final.recovered!, acked);

    // flip a bit in the middle of the largest journal segment: the store must refuse to start
    const seg = listStoreFiles(dir)
      .segments.map((s) => ({ ...s, size: readFileSync(s.path).length }))
      .sort((a, b) => b.size - a.size)[0]!;
    expect(seg.size).toBeGreaterThan(1000);
    const bytes = readFileSync(seg.path);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x08;
    writeFileSync(seg.path, bytes);
    const refused = await runChild(dir, nextId, 0);
    expect(refused.error).toMatchObject({ code: 'ERR_STORE_JOURNAL_CORRUPT' });
    expect(refused.error!.message).toContain(seg.name);
  }, 120_000);
});
