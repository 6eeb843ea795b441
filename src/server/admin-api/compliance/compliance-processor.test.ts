import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComplianceAdapter } from '../../services/compliance/compliance-adapter.js';
import { MAX_TIMER_MS } from '../../services/compliance/compliance-timers-port.js';
import { ADMIN, startComplianceHarness, type ComplianceHarness } from './compliance-harness.test-support.js';

let h: ComplianceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const MIN = 60_000;

function jsonlIds(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { eventId: string }).eventId),
    );
}

function expectExactlyOnce(found: string[], expected: string[]) {
  const counts = new Map<string, number>();
  for (const id of found) counts.set(id, (counts.get(id) ?? 0) + 1);
  const dupes = [...counts].filter(([, n]) => n > 1);
  expect(dupes, 'duplicated events').toEqual([]);
  expect([...counts.keys()].sort()).toEqual([...expected].sort());
}

describe('compliance processor (fake clock)', () => {
  it('runs every RunInterval once enabled, delivers everything, records and audits the run', async () => {
    h = await startComplianceHarness();
    await h.service.updateConfig(
      { enabled: true, adapter: 'jsonl', outputDir: h.outputDir, runIntervalMinutes: 15 },
      ADMIN,
    );
    expect(h.service.getStatus().nextRunAt).toBe(new Date(h.time.now().getTime() + 15 * MIN).toISOString());
    const ids = await h.insert(12);
    expect(h.service.getStatus().queueDepth).toBe(12);

    h.time.advance(15 * MIN - 1);
    expect(h.service.getStatus().running).toBeNull();
    const done = h.nextCompletion();
    h.time.advance(1);
    const run = await done;
    expect(run).toMatchObject({
      outcome: 'succeeded',
      trigger: 'schedule',
      eventsProcessed: 12,
      batches: 1,
      actor: 'system',
    });
    expectExactlyOnce(jsonlIds(h.outputDir), ids);

    const status = h.service.getStatus();
    expect(status.queueDepth).toBe(0);
    expect(status.lastSuccessAt).toBe(run.finishedAt);
    expect(status.lastError).toBeNull();
    expect(status.nextRunAt).toBe(new Date(h.time.now().getTime() + 15 * MIN).toISOString());
    expect(status.history.at(-1)).toMatchObject({ eventsProcessed: 12, queueDepth: 0, outcome: 'succeeded' });
    const audited = h.data.read((r) => r.audit.list({ limit: 10, action: 'compliance.' }));
    expect(audited.map((a) => a.action)).toEqual(['compliance.run', 'compliance.config.update']);
    expect(h.events.filter((e) => e.name === 'compliance.run.progressed')).toHaveLength(1);
  });

  it('streams a long queue in bounded batches with deterministic names', async () => {
    h = await startComplianceHarness({ chunkSize: 5 });
    await h.service.updateConfig({ enabled: true, adapter: 'jsonl', outputDir: h.outputDir }, ADMIN);
    const ids = await h.insert(23);
    const { run } = await h.service.runNow({ wait: true }, ADMIN);
    expect(run).toMatchObject({ outcome: 'succeeded', trigger: 'manual', batches: 5, eventsProcessed: 23 });
    expect(readdirSync(h.outputDir).sort()).toEqual([
      'parlance-compliance-00000001-1-5.jsonl',
      'parlance-compliance-00000002-6-10.jsonl',
      'parlance-compliance-00000003-11-15.jsonl',
      'parlance-compliance-00000004-16-20.jsonl',
      'parlance-compliance-00000005-21-23.jsonl',
    ]);
    expectExactlyOnce(jsonlIds(h.outputDir), ids);
    // events recorded during a run are left for the next one (the run ends at the queue's end when it started)
    const more = await h.insert(3);
    await h.service.runNow({ wait: true }, ADMIN);
    expectExactlyOnce(jsonlIds(h.outputDir), [...ids, ...more]);
  });

  it('retries a failing adapter with exponential backoff and then delivers exactly once', async () => {
    let failures = 2;
    h = await startComplianceHarness({
      chunkSize: 4,
      wrapAdapter: (adapter): ComplianceAdapter => ({
        name: adapter.name,
        translate: async (batch, conversations, out) => {
          const files = await adapter.translate(batch, conversations, out); // written…
          if (batch.no === 2 && failures-- > 0) throw new Error('archive share offline'); // …but not acknowledged
          return files;
        },
      }),
    });
    await h.service.updateConfig({ enabled: true, adapter: 'jsonl', outputDir: h.outputDir }, ADMIN);
    const ids = await h.insert(10);
    const first = await h.service.runNow({ wait: true }, ADMIN);
    expect(first.run).toMatchObject({
      outcome: 'failed',
      errorCode: 'ERR_COMPLIANCE_ADAPTER_FAILED',
      eventsProcessed: 4,
    });
    let status = h.service.getStatus();
    expect(status.lastError).toMatchObject({ code: 'ERR_COMPLIANCE_ADAPTER_FAILED', message: 'archive share offline' });
    expect(status.consecutiveFailures).toBe(1);
    expect(status.pendingBatches).toBe(1);
    expect(status.nextRunAt).toBe(new Date(h.time.now().getTime() + 30_000).toISOString());

    let done = h.nextCompletion();
    h.time.advance(30_000);
    expect((await done).outcome).toBe('failed');
    status = h.service.getStatus();
    expect(status.consecutiveFailures).toBe(2);
    expect(status.nextRunAt).toBe(new Date(h.time.now().getTime() + 60_000).toISOString());

    done = h.nextCompletion();
    h.time.advance(60_000);
    const last = await done;
    expect(last).toMatchObject({ outcome: 'succeeded', trigger: 'retry', eventsProcessed: 6 });
    expectExactlyOnce(jsonlIds(h.outputDir), ids);
    status = h.service.getStatus();
    expect(status).toMatchObject({ consecutiveFailures: 0, lastError: null, pendingBatches: 0, queueDepth: 0 });
    expect(h.service.listRuns(10).map((r) => r.outcome)).toEqual(['succeeded', 'failed', 'failed']);
  });

  it('keeps a failed batch frozen: a config change applies to new batches only', async () => {
    let fail = true;
    h = await startComplianceHarness({
      wrapAdapter: (adapter) => ({
        name: adapter.name,
        translate: async (b, c, out) => {
          if (fail) throw new Error('boom');
          return adapter.translate(b, c, out);
        },
      }),
    });
    await h.service.updateConfig({ enabled: true, adapter: 'jsonl', outputDir: h.outputDir }, ADMIN);
    const ids = await h.insert(3);
    await h.service.runNow({ wait: true }, ADMIN);
    await h.service.updateConfig({ adapter: 'csv' }, ADMIN);
    fail = false;
    const more = await h.insert(2);
    await h.service.runNow({ wait: true }, ADMIN);
    expect(readdirSync(h.outputDir).sort()).toEqual([
      'parlance-compliance-00000001-1-3.jsonl',
      'parlance-compliance-00000002-4-5.csv',
    ]);
    expectExactlyOnce(jsonlIds(h.outputDir), ids);
    expect(readFileSync(join(h.outputDir, 'parlance-compliance-00000002-4-5.csv'), 'utf8')).toContain(more[1]);
  });

  it('purges delivered events after the retention window, never the newest row', async () => {
    h = await startComplianceHarness();
    await h.service.updateConfig({ enabled: true, adapter: 'jsonl', outputDir: h.outputDir, retentionHours: 1 }, ADMIN);
    await h.insert(5);
    await h.service.runNow({ wait: true }, ADMIN);
    expect(h.service.searchEvents({ state: 'delivered', offset: 0, limit: 50 }).total).toBe(5);
    h.time.advance(61 * MIN);
    const { run } = await h.service.runNow({ wait: true }, ADMIN);
    expect(run.purged).toBe(4);
    expect(h.service.searchEvents({ state: 'all', offset: 0, limit: 50 }).items.map((e) => e.seq)).toEqual([5]);
    const next = await h.insert(1);
    expect(h.service.searchEvents({ state: 'pending', offset: 0, limit: 5 }).items.map((e) => [e.id, e.seq])).toEqual([
      [next[0], 6],
    ]);
  });

  it('accepts RunInterval up to 30 days with timers capped below the Node overflow, and refuses outside', async () => {
    h = await startComplianceHarness();
    await h.service.updateConfig(
      { enabled: true, adapter: 'jsonl', outputDir: h.outputDir, runIntervalMinutes: 43200 },
      ADMIN,
    );
    expect(Math.max(...h.time.requested)).toBeLessThanOrEqual(MAX_TIMER_MS);
    await h.insert(1);
    h.time.advance(29 * 24 * 60 * MIN);
    expect(h.service.listRuns(5)).toHaveLength(0);
    const done = h.nextCompletion();
    h.time.advance(24 * 60 * MIN);
    expect((await done).eventsProcessed).toBe(1);
    await expect(h.service.updateConfig({ runIntervalMinutes: 43201 }, ADMIN)).rejects.toMatchObject({
      code: 'ERR_ADMIN_VALIDATION',
    });
    await expect(h.service.updateConfig({ runIntervalMinutes: 0 }, ADMIN)).rejects.toMatchObject({
      code: 'ERR_ADMIN_VALIDATION',
    });
  });

  it('stops scheduling when disabled and refuses runNow', async () => {
    h = await startComplianceHarness();
    await h.service.updateConfig({ enabled: true, outputDir: h.outputDir }, ADMIN);
    await h.service.updateConfig({ enabled: false }, ADMIN);
    expect(h.service.getStatus().nextRunAt).toBeNull();
    expect(h.time.pending).toBe(0);
    await expect(h.service.runNow({ wait: true }, ADMIN)).rejects.toMatchObject({ code: 'ERR_COMPLIANCE_DISABLED' });
  });

  it('writes one file per room, an .ATTACH manifest, and copies transferred files', async () => {
    const source = mkdtempSync(join(tmpdir(), 'parlance-files-'));
    writeFileSync(join(source, 'file-4.txt'), 'attached bytes');
    h = await startComplianceHarness({
      fileSource: {
        pathOf: ({ name }) => (name === 'file-4.txt' || name === 'file-5.txt' ? join(source, name) : null),
      },
    });
    await h.service.updateConfig(
      {
        enabled: true,
        adapter: 'xml',
        outputDir: h.outputDir,
        oneChatRoomPerOutputFile: true,
        createFileAttachmentsManifest: true,
      },
      ADMIN,
    );
    await h.insert(7);
    const { run } = await h.service.runNow({ wait: true }, ADMIN);
    const files = readdirSync(h.outputDir).sort();
    expect(files.filter((f) => f.endsWith('.xml'))).toHaveLength(3);
    expect(files).toContain('parlance-compliance-00000001-1-7.ATTACH');
    expect(run.files).toBe(4);
    const manifest = readFileSync(join(h.outputDir, 'parlance-compliance-00000001-1-7.ATTACH'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { fileName: string; stored: string | null; type: string });
    expect(manifest.map((m) => [m.type, m.fileName, m.stored])).toEqual([
      ['FILEUPLOAD', 'file-4.txt', 'files/file-4.txt'],
      ['FILEDOWNLOAD', 'file-5.txt', null],
    ]);
    expect(readFileSync(join(h.outputDir, 'files', 'file-4.txt'), 'utf8')).toBe('attached bytes');
    const listed = await h.service.listOutputs();
    expect(listed.items.map((f) => f.name)).toContain('files/file-4.txt');
    const preview = await h.service.previewOutput(
      files.find((f) => f.endsWith('.xml'))!,
      0,
      40,
    );
    expect(preview.content.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(preview.truncated).toBe(true);
    await expect(h.service.previewOutput('../etc/passwd', 0, 10)).rejects.toMatchObject({
      code: 'ERR_COMPLIANCE_OUTPUT_NOT_FOUND',
    });
  });

  it('loads a custom adapter module and refuses one that does not implement the interface', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parlance-custom-adapter-'));
    const good = join(dir, 'count-adapter.mjs');
    writeFileSync(
      good,
      `export function createComplianceAdapter(config) {
         return { name: 'count', async translate(batch, conversations, out) {
           const lines = conversations.flatMap((c) => c.events.map((e) => c.room.uri + ' ' + e.type + ' ' + e.id + '\\n'));
           await out.writeFile(batch.baseName + '.txt', [config.domain + '\\n', ...lines]);
           return [batch.baseName + '.txt'];
         } };
       }`,
    );
    const bad = join(dir, 'bad.mjs');
    writeFileSync(bad, 'export const nothing = 1;');
    h = await startComplianceHarness();
    await expect(
      h.service.updateConfig({ enabled: true, adapter: 'custom', customModule: bad, outputDir: h.outputDir }, ADMIN),
    ).rejects.toMatchObject({ code: 'ERR_COMPLIANCE_ADAPTER_INVALID' });
    await h.service.updateConfig(
      { enabled: true, adapter: 'custom', customModule: good, outputDir: h.outputDir },
      ADMIN,
    );
    const ids = await h.insert(4);
    await h.service.runNow({ wait: true }, ADMIN);
    const text = readFileSync(join(h.outputDir, 'parlance-compliance-00000001-1-4.txt'), 'utf8');
    expect(text.split('\n')[0]).toBe('example.com');
    for (const id of ids) expect(text).toContain(id);
  });

  it('searches events by room, user, type, date and text with paging', async () => {
    h = await startComplianceHarness();
    await h.insert(30);
    const q = { state: 'all' as const, offset: 0, limit: 50 };
    expect(h.service.searchEvents({ ...q, room: 'room-1' }).total).toBe(10);
    expect(
      h.service.searchEvents({ ...q, user: 'user2@' }).items.every((e) => e.user.uri === 'sip:user2@example.com'),
    ).toBe(true);
    expect(h.service.searchEvents({ ...q, types: ['CHAT'] }).total).toBe(10);
    expect(h.service.searchEvents({ ...q, text: 'event-8' }).items.map((e) => e.id)).toEqual(['event-8']);
    const at = h.service.searchEvents({ ...q }).items;
    const from = at.find((e) => e.seq === 11)!.at;
    expect(h.service.searchEvents({ ...q, from, to: at.find((e) => e.seq === 21)!.at }).total).toBe(10);
    const page2 = h.service.searchEvents({ ...q, offset: 10, limit: 10 });
    expect(page2.total).toBe(30);
    expect(page2.items.map((e) => e.seq)).toEqual([20, 19, 18, 17, 16, 15, 14, 13, 12, 11]);
  });
});
