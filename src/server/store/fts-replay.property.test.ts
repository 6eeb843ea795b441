import { appendFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DurableSqlStore } from './durable-store.js';
import { encodeFrame } from './journal-frame.js';
import { createMemoryLogger } from './memory-logger.js';
import { messageSearchDdl } from './message-search.js';
import type { Migration } from './migration.js';
import { openSqlStore, STORE_PRAGMAS } from './open-sql-store.js';
import type { SqlConnection } from './sql-connection.js';
import { loadSqlJs } from './sql-js-loader.js';
import { listStoreFiles } from './store-files.js';
import { recoverStore } from './store-recovery.js';

/**
 * Property: with full-text search, the database rebuilt from snapshot + journal equals the live
 * one — rows, schema, and the FTS index's logical content (every term's documents and positions,
 * fts4aux counts, docsize and stat rows) — whether replay defers FTS maintenance, falls back from
 * it (a rowid change), or cannot use it (REPLACE), and for any chunk size.
 */
const migrations: Migration[] = [
  {
    version: 1,
    name: 'fts-prop',
    up:
      `CREATE TABLE rooms (id INTEGER PRIMARY KEY);
INSERT INTO rooms (id) VALUES (1), (2), (3);
CREATE TABLE messages (id INTEGER PRIMARY KEY, room_id INTEGER NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  room_seq INTEGER NOT NULL, author TEXT NOT NULL, posted_at INTEGER NOT NULL, text TEXT);
CREATE TABLE room_log (id INTEGER PRIMARY KEY AUTOINCREMENT, room_id INTEGER, what TEXT);` + messageSearchDdl(),
  },
];

const WORDS = ['alpha', 'bêta', 'beta', 'gamma', 'délta', 'omega', 'zeta', 'été', 'ete', 'kappa'];

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dump(conn: SqlConnection): unknown {
  conn.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts4aux(main, message_fts)');
  const terms = conn.all('SELECT term, col, documents, occurrences FROM temp.fts_terms ORDER BY term, col');
  conn.exec('DROP TABLE temp.fts_terms');
  return {
    messages: conn.all('SELECT * FROM messages ORDER BY id'),
    rooms: conn.all('SELECT * FROM rooms ORDER BY id'),
    roomLog: conn.all('SELECT * FROM room_log ORDER BY id'),
    meta: conn.all('SELECT * FROM meta ORDER BY key'),
    schema: conn.all(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name <> 'sqlite_sequence' ORDER BY name",
    ),
    terms,
    matches: [...WORDS, 'alpha beta', '"gamma omega"', 'ete OR kappa'].map((q) => ({
      q,
      rows: conn.all(
        'SELECT docid, offsets(message_fts) AS o FROM message_fts WHERE message_fts MATCH ? ORDER BY docid',
        [q],
      ),
    })),
    docsize: conn.all('SELECT docid, hex(size) AS size FROM message_fts_docsize ORDER BY docid'),
    stat: conn.all('SELECT id, hex(value) AS value FROM message_fts_stat ORDER BY id'),
  };
}

type Mode = 'deferred' | 'rowid-change' | 'replace';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('journal replay with full-text search', () => {
  const cases: [number, Mode][] = [
    [1, 'deferred'],
    [2, 'deferred'],
    [3, 'deferred'],
    [4, 'deferred'],
    [5, 'rowid-change'],
    [6, 'rowid-change'],
    [7, 'replace'],
    [8, 'replace'],
  ];
  for (const [seed, mode] of cases) {
    it(`reproduces the live database and its FTS index (seed ${seed}, ${mode})`, async () => {
      const rnd = prng(seed);
      const dir = mkdtempSync(join(tmpdir(), 'parlance-fts-prop-'));
      dirs.push(dir);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
      const text = (): string | null =>
        rnd() < 0.05 ? null : Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pick(WORDS)).join(' ');
      const store = (await openSqlStore({
        dir,
        migrations,
        logger: createMemoryLogger(),
        // even seeds: snapshots along the way (replay starts from a snapshot's index)
        snapshotEveryFrames: seed % 2 === 0 ? 23 : 1_000_000,
      })) as DurableSqlStore;
      let nextSeq = 1;
      const ids = (): number => 1 + Math.floor(rnd() * 60);
      const pending: Promise<unknown>[] = [];
      for (let t = 0; t < 220; t++) {
        const fail = rnd() < 0.08;
        const p = store.transaction((db) => {
          const steps = 1 + Math.floor(rnd() * 4);
          for (let s = 0; s < steps; s++) {
            const kinds = [
              'insert',
              'insert',
              'insert',
              'auto',
              'text',
              'room',
              'delete',
              'range',
              'upsert',
              'cascade',
            ];
            if (mode === 'rowid-change' && t > 150) kinds.push('rowid');
            if (mode === 'replace') kinds.push('replace');
            switch (pick(kinds)) {
              case 'insert':
                db.run(
                  'INSERT OR IGNORE INTO messages (id, room_id, room_seq, author, posted_at, text) VALUES (?, ?, ?, ?, ?, ?)',
                  [ids(), 1 + Math.floor(rnd() * 3), nextSeq++, 'a', t, text()],
                );
                break;
              case 'auto':
                db.run(
                  'INSERT INTO messages (room_id, room_seq, author, posted_at, text) SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM rooms WHERE id = ?)',
                  [2, nextSeq++, 'b', t, text(), 2],
                );
                break;
              case 'text':
                db.run('UPDATE messages SET text = ? WHERE id = ?', [text(), ids()]);
                break;
              case 'room':
                db.run('UPDATE messages SET author = ?, posted_at = posted_at + 1 WHERE id % 5 = ?', ['c', ids() % 5]);
                break;
              case 'delete':
                db.run('DELETE FROM messages WHERE id = ?', [ids()]);
                break;
              case 'range':
                db.run('DELETE FROM messages WHERE id % 11 = ? AND posted_at < ?', [ids() % 11, t - 20]);
                break;
              case 'upsert':
                db.run(
                  'INSERT INTO messages (id, room_id, room_seq, author, posted_at, text) VALUES (?, 1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET text = excluded.text',
                  [ids(), nextSeq++, 'd', t, text()],
                );
                break;
              case 'cascade': {
                const room = 1 + Math.floor(rnd() * 3);
                db.run('INSERT INTO room_log (room_id, what) SELECT id, ? FROM rooms WHERE id = ?', ['dropped', room]);
                db.run('DELETE FROM rooms WHERE id = ?', [room]);
                db.run('INSERT INTO rooms (id) VALUES (?)', [room]);
                break;
              }
              case 'rowid':
                db.run('UPDATE OR IGNORE messages SET id = id + 100 WHERE id = ?', [ids()]);
                break;
              case 'replace':
                db.run(
                  'INSERT OR REPLACE INTO messages (id, room_id, room_seq, author, posted_at, text) VALUES (?, 3, ?, ?, ?, ?)',
                  [ids(), nextSeq++, 'e', t, text()],
                );
                break;
            }
          }
          if (fail) throw new Error('rolled back on purpose');
        });
        pending.push(
          fail
            ? p.then(
                () => Promise.reject(new Error('should have failed')),
                () => undefined,
              )
            : p,
        );
        if (rnd() < 0.2) await Promise.all(pending.splice(0));
      }
      await Promise.all(pending);
      const live = dump(store.conn);
      await store.close();

      const sqlJs = await loadSqlJs();
      const recover = (options: { chunkFrames?: number; deferFts?: boolean }) => {
        const logger = createMemoryLogger();
        const r = recoverStore(sqlJs, dir, logger, STORE_PRAGMAS, { modifyFiles: false, ...options });
        try {
          return { replayed: r.replayedFrames, deferred: r.ftsDeferred, records: logger.records, db: dump(r.conn) };
        } finally {
          r.conn.close();
        }
      };
      const normal = recover({});
      const chunked = recover({ chunkFrames: 7 });
      const plain = recover({ deferFts: false });
      expect(normal.replayed).toBeGreaterThan(0);
      expect(normal.db).toEqual(live);
      expect(chunked.db).toEqual(live);
      expect(plain.db).toEqual(live);
      expect(plain.deferred).toBe(false);
      expect(normal.deferred).toBe(mode === 'deferred');
      expect(chunked.deferred).toBe(mode === 'deferred');
      const fellBack = normal.records.some((r) => r.msg.startsWith('deferred full-text replay failed'));
      expect(fellBack).toBe(mode === 'rowid-change');

      // and the store opens on the recovered state and goes on from there
      const reopened = (await openSqlStore({ dir, migrations, logger: createMemoryLogger() })) as DurableSqlStore;
      expect(dump(reopened.conn)).toEqual(live);
      await reopened.close();
    });
  }
});

describe('deferred full-text replay failures', () => {
  it('still refuse with the failing frame, its file and its offset (from the ordinary replay)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parlance-fts-fail-'));
    dirs.push(dir);
    const store = (await openSqlStore({ dir, migrations, logger: createMemoryLogger() })) as DurableSqlStore;
    for (let i = 1; i <= 5; i++) {
      await store.transaction((db) =>
        db.run('INSERT INTO messages (id, room_id, room_seq, author, posted_at, text) VALUES (?, 1, ?, ?, ?, ?)', [
          i,
          i,
          'a',
          i,
          `alpha ${i}`,
        ]),
      );
    }
    const schemaVersion = store.currentSchemaVersion;
    await store.close();
    const segment = listStoreFiles(dir).segments.at(-1)!.path;
    const offset = statSync(segment).size;
    const bad = {
      sql: 'INSERT INTO messages (id, room_id, room_seq, author, posted_at, text) VALUES (?, 1, ?, ?, ?, ?)',
    };
    // frame 6 inserts a duplicate id (fails at replay), frame 7 is fine
    appendFileSync(segment, encodeFrame({ seq: 6, schemaVersion, ops: [{ ...bad, params: [2, 6, 'a', 6, 'dup'] }] }));
    appendFileSync(segment, encodeFrame({ seq: 7, schemaVersion, ops: [{ ...bad, params: [7, 7, 'a', 7, 'ok'] }] }));
    const sqlJs = await loadSqlJs();
    const logger = createMemoryLogger();
    let caught: unknown;
    try {
      recoverStore(sqlJs, dir, logger, STORE_PRAGMAS, { modifyFiles: false });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      code: 'ERR_STORE_JOURNAL_CORRUPT',
      details: { file: segment, offset, seq: 6 },
    });
    expect(logger.records.some((r) => r.msg.startsWith('deferred full-text replay failed'))).toBe(true);
  });
});
