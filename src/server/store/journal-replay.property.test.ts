import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Migration } from './migration.js';
import { createMemoryLogger } from './memory-logger.js';
import { openSqlStore } from './open-sql-store.js';
import type { SqlStore, SqlValue } from './sql-store.js';

/** Property: for random transaction sequences, the database rebuilt from the journal equals the live one. */
const migrations: Migration[] = [
  {
    version: 1,
    name: 'prop',
    up: `CREATE TABLE kv (k INTEGER PRIMARY KEY, v TEXT, n REAL, b BLOB);
CREATE TABLE log (id INTEGER PRIMARY KEY AUTOINCREMENT, k INTEGER, what TEXT);
CREATE INDEX log_k ON log (k);`,
  },
];

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

function dump(store: SqlStore): unknown {
  return store.read((db) => ({
    kv: db.all('SELECT k, v, n, hex(b) AS b FROM kv ORDER BY k'),
    log: db.all('SELECT id, k, what FROM log ORDER BY id'),
    seq: db.get("SELECT value FROM meta WHERE key = 'last_seq'"),
  }));
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('journal replay property', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`replaying the journal reproduces the live database (seed ${seed})`, async () => {
      const rnd = prng(seed);
      const dir = mkdtempSync(join(tmpdir(), 'parlance-prop-'));
      dirs.push(dir);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
      const value = (): SqlValue =>
        pick([
          () => null,
          () => Math.floor(rnd() * 1e6),
          () => rnd() * 1e3 - 500,
          () => 'tëxt ' + Math.floor(rnd() * 1e9).toString(36) + ' \'"\\ 🙂',
          () => new Uint8Array(Array.from({ length: Math.floor(rnd() * 16) }, () => Math.floor(rnd() * 256))),
        ])();
      // large snapshot thresholds for odd seeds (pure journal replay); small ones for even seeds
      const store = await openSqlStore({
        dir,
        migrations,
        logger: createMemoryLogger(),
        snapshotEveryFrames: seed % 2 === 0 ? 17 : 1_000_000,
      });
      const pending: Promise<unknown>[] = [];
      for (let t = 0; t < 150; t++) {
        const fail = rnd() < 0.1;
        const p = store.transaction((db) => {
          const steps = 1 + Math.floor(rnd() * 5);
          for (let s = 0; s < steps; s++) {
            const k = Math.floor(rnd() * 40);
            switch (pick(['upsert', 'update', 'delete', 'log', 'named'] as const)) {
              case 'upsert':
                db.run('INSERT INTO kv (k, v, n, b) VALUES (?, ?, ?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v', [
                  k,
                  value(),
                  value(),
                  value(),
                ]);
                break;
              case 'update':
                db.run('UPDATE kv SET n = coalesce(n, 0) + ? WHERE k >= ?', [Math.floor(rnd() * 10), k]);
                break;
              case 'delete':
                db.run('DELETE FROM kv WHERE k = ?', [k]);
                break;
              case 'log':
                db.all('INSERT INTO log (k, what) VALUES (?, ?) RETURNING id', [k, 'logged']);
                break;
              case 'named':
                db.run('INSERT INTO log (k, what) SELECT k, :what FROM kv WHERE k < :k', { what: 'copied', k });
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
      const live = dump(store);
      await store.close();
      const replayed = await openSqlStore({ dir, migrations, logger: createMemoryLogger() });
      expect(dump(replayed)).toEqual(live);
      await replayed.close();
    });
  }
});
