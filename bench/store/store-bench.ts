import { appendFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createMemoryLogger } from '../../src/server/store/memory-logger.js';
import { buildMessageSearch, lastMessagesQuery, messageSearchDdl } from '../../src/server/store/message-search.js';
import type { Migration } from '../../src/server/store/migration.js';
import { openSqlStore } from '../../src/server/store/open-sql-store.js';
import type { DurableSqlStore } from '../../src/server/store/durable-store.js';

/**
 * Store benchmark (issue 3). Scaled by default so it runs in a few minutes; `--full` is the issue's
 * sizes (1,000,000 messages + 100,000 journal frames). Not a test: no assertions on timings.
 */
const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? undefined : argv[i + 1];
};
const full = argv.includes('--full');
const MESSAGES = Number(flag('messages') ?? (full ? 1_000_000 : 100_000));
const FRAMES = Number(flag('frames') ?? (full ? 100_000 : 10_000));
const ACK_TX = Number(flag('tx') ?? 20_000);
const WRITERS = Number(flag('writers') ?? 64);
const ROOMS = 10;

const migrations: Migration[] = [
  {
    version: 1,
    name: 'messages',
    up:
      `CREATE TABLE messages (id INTEGER PRIMARY KEY, room_id INTEGER NOT NULL, room_seq INTEGER NOT NULL,
  author TEXT NOT NULL, posted_at INTEGER NOT NULL, text TEXT NOT NULL);` + messageSearchDdl(),
  },
];

let seed = 42;
const rnd = (): number => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const VOCAB = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}${'aeiou'[i % 5]}`);
const word = (): string => VOCAB[Math.floor(Math.pow(rnd(), 2) * VOCAB.length)]!;
const sentence = (): string => Array.from({ length: 8 + Math.floor(rnd() * 12) }, word).join(' ');

function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

let maxRss = 0;
const sampleRss = (): void => {
  maxRss = Math.max(maxRss, process.memoryUsage().rss);
};

class Poster {
  nextId = 1;
  seqs = new Map<number, number>();
  row(room: number): [number, number, number, string, number, string] {
    const seq = (this.seqs.get(room) ?? 0) + 1;
    this.seqs.set(room, seq);
    const id = this.nextId++;
    return [id, room, seq, `user${id % 97}@example.com`, 1_700_000_000_000 + id * 1000, sentence()];
  }
}
const INSERT = 'INSERT INTO messages (id, room_id, room_seq, author, posted_at, text) VALUES (?, ?, ?, ?, ?, ?)';
// room 1 holds 90 % of the messages ("a room with 1,000,000 messages" at full scale ≈ 900,000)
const pickRoom = (): number => (rnd() < 0.9 ? 1 : 2 + Math.floor(rnd() * (ROOMS - 1)));

async function ackedThroughput(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'parlance-bench-ack-'));
  try {
    const store = await openSqlStore({ dir, migrations, logger: createMemoryLogger() });
    const poster = new Poster();
    let issued = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (issued < ACK_TX) {
          issued++;
          const row = poster.row(pickRoom());
          await store.transaction((db) => db.run(INSERT, row));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    sampleRss();
    await store.close();
    return ACK_TX / seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(
    `store benchmark: ${MESSAGES} messages, ${FRAMES} journal frames, ${ACK_TX} acked tx with ${WRITERS} writers`,
  );

  const ackedTxPerSec = await ackedThroughput();
  console.log(`acknowledged single-message transactions: ${ackedTxPerSec.toFixed(0)} tx/s`);

  const dir = mkdtempSync(join(tmpdir(), 'parlance-bench-'));
  try {
    let store = (await openSqlStore({
      dir,
      migrations,
      logger: createMemoryLogger(),
      snapshotEveryFrames: Number.MAX_SAFE_INTEGER,
      snapshotEveryBytes: Number.MAX_SAFE_INTEGER,
      snapshotEveryMs: 0,
    })) as DurableSqlStore;
    const poster = new Poster();
    const loadStart = performance.now();
    const BATCH = 5000;
    for (let done = 0; done < MESSAGES; done += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, MESSAGES - done) }, () => poster.row(pickRoom()));
      await store.transaction((db) => rows.forEach((r) => db.run(INSERT, r)));
    }
    console.log(`loaded ${MESSAGES} messages in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
    sampleRss();

    const snapStart = performance.now();
    await store.snapshotNow();
    const snapshotMs = performance.now() - snapStart;
    const dbBytes = store.stats().sizeBytes;
    const snapshotMsPer100MB = snapshotMs / (dbBytes / 100 / 1024 / 1024);
    console.log(
      `snapshot: ${(dbBytes / 1024 / 1024).toFixed(1)} MB in ${snapshotMs.toFixed(0)} ms (${snapshotMsPer100MB.toFixed(0)} ms per 100 MB)`,
    );

    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < FRAMES; i++) {
      const row = poster.row(pickRoom());
      pending.push(store.transaction((db) => db.run(INSERT, row)));
      if (pending.length >= 256) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    sampleRss();
    await store.close();

    const recStart = performance.now();
    const recoveryLogger = createMemoryLogger();
    store = (await openSqlStore({
      dir,
      migrations,
      logger: recoveryLogger,
      snapshotEveryMs: 0,
    })) as DurableSqlStore;
    const recoverySeconds = (performance.now() - recStart) / 1000;
    const recovered = recoveryLogger.records.find((r) => r.msg === 'store recovered') ?? {};
    const phase = (k: string): number => Number((recovered as Record<string, unknown>)[k] ?? NaN);
    console.log(
      `recovery: snapshot of ${MESSAGES} messages + ${FRAMES} journal frames in ${recoverySeconds.toFixed(2)} s ` +
        `(snapshot load ${phase('snapshotMs')} ms, journal scan ${phase('scanMs')} ms, replay ${phase('replayMs')} ms, ` +
        `FTS deferred: ${String((recovered as Record<string, unknown>).ftsDeferred)})`,
    );
    sampleRss();

    const history: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const q = lastMessagesQuery(i % 4 === 0 ? 2 + (i % (ROOMS - 1)) : 1, 30);
      const t = performance.now();
      const rows = store.read((db) => db.all(q.sql, q.params));
      history.push(performance.now() - t);
      if (rows.length !== 30) throw new Error('history query returned too few rows');
    }
    const historyP99Ms = percentile(history, 99);
    console.log(
      `last 30 messages of a room: p50 ${percentile(history, 50).toFixed(3)} ms, p99 ${historyP99Ms.toFixed(3)} ms`,
    );

    const searches: number[] = [];
    const modes = ['all', 'any', 'phrase'] as const;
    for (let i = 0; i < 300; i++) {
      const mode = modes[i % 3]!;
      const text = mode === 'phrase' ? `${word()} ${word()}` : `${word()} ${word()}`;
      const q = buildMessageSearch({ text, mode, limit: 50, ...(i % 5 === 0 ? { roomIds: [1] } : {}) })!;
      const t = performance.now();
      store.read((db) => db.all(q.sql, q.params));
      searches.push(performance.now() - t);
    }
    const searchP99Ms = percentile(searches, 99);
    console.log(
      `full-text search (limit 50): p50 ${percentile(searches, 50).toFixed(2)} ms, p99 ${searchP99Ms.toFixed(2)} ms`,
    );
    sampleRss();
    await store.close();

    const rssMB = maxRss / 1024 / 1024;
    console.log(`peak RSS: ${rssMB.toFixed(0)} MB`);
    const figures = {
      ackedTxPerSec: Math.round(ackedTxPerSec),
      recoverySeconds: Number(recoverySeconds.toFixed(3)),
      recoverySnapshotMs: phase('snapshotMs'),
      recoveryScanMs: phase('scanMs'),
      recoveryReplayMs: phase('replayMs'),
      snapshotMsPer100MB: Math.round(snapshotMsPer100MB),
      historyP99Ms: Number(historyP99Ms.toFixed(3)),
      searchP99Ms: Number(searchP99Ms.toFixed(3)),
      rssMB: Math.round(rssMB),
      messages: MESSAGES,
      frames: FRAMES,
      databaseMB: Number((dbBytes / 1024 / 1024).toFixed(1)),
    };
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, Node ${process.version}, ${process.platform}`;
    const docs = resolve('docs/benchmarks.md');
    if (!existsSync(docs) || statSync(docs).size === 0)
      writeFileSync(docs, '# Benchmarks\n\nAppended by `npm run bench:*`.\n');
    appendFileSync(
      docs,
      `\n## store — ${new Date().toISOString()}${full ? ' (full size)' : ' (scaled)'}\n\n` +
        `Machine: ${machine}\n\n` +
        `| figure | value |\n|---|---|\n` +
        Object.entries(figures)
          .map(([k, v]) => `| ${k} | ${v} |`)
          .join('\n') +
        '\n',
    );
    console.log(JSON.stringify(figures));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
