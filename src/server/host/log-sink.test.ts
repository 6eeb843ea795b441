import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogRecord } from '../log/logger.js';
import { formatLogLine } from './format-log-line.js';
import { openLogSink } from './log-sink.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'parlance-logs-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const record = (i: number, extra: Record<string, unknown> = {}): LogRecord => ({
  time: '2025-01-02T03:04:05.678Z',
  level: 'info',
  category: 'test',
  msg: `record ${i}`,
  ...extra,
});

describe('openLogSink', () => {
  it('writes one JSON line per record to logs/parlance.log', async () => {
    const sink = openLogSink({ dataDir, rotateMB: 10, keepFiles: 3 });
    sink.write(record(1, { port: 8080 }));
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    sink.write(record(2, { circular }));
    await sink.close();
    expect(sink.file).toBe(join(dataDir, 'logs', 'parlance.log'));
    const lines = (await readFile(sink.file, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([
      record(1, { port: 8080 }),
      { time: '2025-01-02T03:04:05.678Z', level: 'info', category: 'test', msg: 'record 2', unserializable: true },
    ]);
  });

  it('rotates by size and keeps only the configured number of old files', async () => {
    const sink = openLogSink({ dataDir, rotateMB: 1, keepFiles: 2, rotateBytes: 2000 });
    const padding = 'x'.repeat(400);
    for (let i = 0; i < 40; i++) {
      sink.write(record(i, { padding }));
      await new Promise((r) => setImmediate(r));
    }
    await sink.close();
    const files = (await readdir(join(dataDir, 'logs'))).sort();
    expect(files).toEqual(['parlance.log', 'parlance.log.1', 'parlance.log.2']);
    const newest = await readFile(join(dataDir, 'logs', 'parlance.log'), 'utf8');
    expect(newest).toContain('"msg":"record 39"');
    const older = await readFile(join(dataDir, 'logs', 'parlance.log.1'), 'utf8');
    expect(older).not.toContain('"msg":"record 39"');
    expect(older).toContain('"msg":"record');
  });

  it('ignores writes after close', async () => {
    const sink = openLogSink({ dataDir, rotateMB: 1, keepFiles: 1 });
    sink.write(record(1));
    await sink.close();
    sink.write(record(2));
    expect((await readFile(sink.file, 'utf8')).trim().split('\n')).toHaveLength(1);
  });
});

describe('formatLogLine', () => {
  it('renders time, level, category, message and fields on one line', () => {
    expect(formatLogLine(record(1, { port: 8080, url: 'http://x', note: 'two words' }))).toBe(
      '03:04:05.678 INFO  test  record 1 port=8080 url=http://x note="two words"',
    );
  });
});
