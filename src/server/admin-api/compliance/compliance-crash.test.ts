/**
 * Exactly once across crashes (issue 6): a child process records events and runs the real
 * processor + XML adapter on a durable store while adapters fail at random (before and after
 * writing); we SIGKILL it at random moments, ≥ 10 times, then let it drain. Every acknowledged
 * event must be in the XML output exactly once, and no event at all may appear twice.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { XMLParser } from 'fast-xml-parser';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../../..');
let work: string;
let binDir: string;
let fixture: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'parlance-compliance-crash-'));
  mkdirSync(join(repoRoot, 'node_modules', '.tmp'), { recursive: true });
  binDir = mkdtempSync(join(repoRoot, 'node_modules', '.tmp', 'compliance-crash-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: resolve(import.meta.dirname, 'compliance-crash-fixture.ts'),
      outDir: binDir,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'fixture.mjs' } },
    },
  });
  fixture = join(binDir, 'fixture.mjs');
}, 60_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(binDir, { recursive: true, force: true });
});

function runChild(
  args: string[],
  killAfterMs: number | null,
): Promise<{ acked: string[]; drained: boolean; killed: boolean }> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [fixture, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let drained = false;
    let stderr = '';
    let error = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('ack ')) acked.push(line.slice(4));
      else if (line === 'ready' && killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      else if (line.startsWith('drained ')) drained = true;
      else if (line.startsWith('error ')) error = line;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (error) reject(new Error(`${error}\n${stderr}`));
      else if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child exited ${code}: ${stderr}`));
      else done({ acked, drained, killed: signal === 'SIGKILL' });
    });
  });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  htmlEntities: true,
  isArray: (n) => n === 'Conversation' || n === 'Message',
});

function contentsInOutput(dir: string): string[] {
  const found: string[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.xml'))) {
    const doc = parser.parse(readFileSync(join(dir, f), 'utf8')) as {
      Conversations: {
        Conversation?: { FirstMessage: { content: string }; Messages: { Message?: { content: string }[] } | '' }[];
      };
    };
    for (const c of doc.Conversations.Conversation ?? []) {
      found.push(c.FirstMessage.content);
      if (typeof c.Messages === 'object') for (const m of c.Messages.Message ?? []) found.push(m.content);
    }
  }
  return found;
}

describe('compliance exactly once across SIGKILL and adapter failures', () => {
  it('delivers every acknowledged event exactly once after 12 random kills', async () => {
    const storeDir = join(work, 'store');
    const outputDir = join(work, 'out');
    const acked = new Set<string>();
    let killed = 0;
    for (let cycle = 0; cycle < 12; cycle++) {
      const run = await runChild(
        [storeDir, outputDir, String(cycle * 100_000 + 1), 'chaos'],
        30 + Math.floor(Math.random() * 400),
      );
      for (const id of run.acked) acked.add(id);
      if (run.killed) killed++;
    }
    expect(killed).toBeGreaterThanOrEqual(10);
    expect(acked.size).toBeGreaterThan(100);
    const final = await runChild([storeDir, outputDir, '9999999', 'drain'], null);
    expect(final.drained).toBe(true);

    const found = contentsInOutput(outputDir);
    const counts = new Map<string, number>();
    for (const c of found) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(
      [...counts].filter(([, n]) => n > 1),
      'events written twice',
    ).toEqual([]);
    const missing = [...acked].filter((id) => !counts.has(id));
    expect(missing, 'acknowledged events missing from the output').toEqual([]);
    // no torn or temp files are left that a reader could mistake for output
    expect(
      readdirSync(outputDir).filter((n) => !/^parlance-compliance-\d{8}-\d+-\d+\.xml(\.tmp-.*)?$/.test(n)),
    ).toEqual([]);
  }, 180_000);
});
