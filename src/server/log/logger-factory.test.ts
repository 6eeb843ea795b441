import { describe, expect, it } from 'vitest';
import { createLogger } from './logger-factory.js';
import { createLogRingBuffer } from './log-ring-buffer.js';
import type { LogRecord } from './logger.js';

describe('createLogger', () => {
  it('sends structured records with dotted categories to every sink', () => {
    const seen: LogRecord[] = [];
    const ring = createLogRingBuffer(10);
    const log = createLogger({ level: 'info', sinks: [(r) => seen.push(r), ring.push] });
    const journal = log.child('store', { pool: 'a' }).child('journal');
    journal.info('frame written', { seq: 7 });
    journal.debug('not at this level');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      level: 'info',
      category: 'store.journal',
      msg: 'frame written',
      seq: 7,
      pool: 'a',
    });
    expect(new Date(seen[0]!.time).toISOString()).toBe(seen[0]!.time);
    expect(ring.size).toBe(1);
    expect(journal.isLevelEnabled('debug')).toBe(false);
    expect(journal.isLevelEnabled('warn')).toBe(true);
  });

  it('serializes errors and survives a throwing sink', () => {
    const seen: LogRecord[] = [];
    const log = createLogger({
      level: 'trace',
      sinks: [
        () => {
          throw new Error('sink down');
        },
        (r) => seen.push(r),
      ],
    });
    log.error('boom', { err: new Error('bad thing') });
    expect((seen[0]!.err as { message: string }).message).toBe('bad thing');
  });
});

describe('createLogRingBuffer', () => {
  const rec = (i: number, level: LogRecord['level'], category: string): LogRecord => ({
    time: new Date(i * 1000).toISOString(),
    level,
    category,
    msg: `m${i}`,
  });

  it('keeps only the newest records, oldest first, filtered by level and category prefix', () => {
    const ring = createLogRingBuffer(5);
    for (let i = 0; i < 8; i++)
      ring.push(rec(i, i % 2 === 0 ? 'info' : 'warn', i < 6 ? 'store.journal' : 'storefront'));
    expect(ring.size).toBe(5);
    expect(ring.recent({ limit: 10, minLevel: 'trace' }).map((r) => r.msg)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);
    expect(ring.recent({ limit: 2, minLevel: 'trace' }).map((r) => r.msg)).toEqual(['m6', 'm7']);
    expect(ring.recent({ limit: 10, minLevel: 'warn' }).map((r) => r.msg)).toEqual(['m3', 'm5', 'm7']);
    expect(ring.recent({ limit: 10, minLevel: 'trace', category: 'store' }).map((r) => r.msg)).toEqual([
      'm3',
      'm4',
      'm5',
    ]);
  });
});
