import { describe, expect, it } from 'vitest';
import { ServerError } from '../errors/server-error.js';
import type { Migration } from './migration.js';
import { createMemoryLogger } from './memory-logger.js';
import { openSqlStore } from './open-sql-store.js';

const migrations: Migration[] = [
  { version: 1, name: 'notes', up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, data BLOB);' },
  { version: 2, name: 'notes-author', up: "ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'nobody';" },
];

describe('openSqlStore (in memory)', () => {
  it('applies migrations in order and records the schema version', async () => {
    const store = await openSqlStore({ migrations: [migrations[1]!, migrations[0]!], logger: createMemoryLogger() });
    expect(store.stats()).toMatchObject({ kind: 'memory', durable: false, schemaVersion: 2, lastSeq: 0 });
    const cols = store.read((db) => db.all<{ name: string }>("SELECT name FROM pragma_table_info('notes')"));
    expect(cols.map((c) => c.name)).toEqual(['id', 'body', 'data', 'author']);
    await store.close();
  });

  it('commits with positional and named parameters and counts sequence numbers', async () => {
    const store = await openSqlStore({ migrations, logger: createMemoryLogger() });
    const changes = await store.transaction((db) => {
      db.run('INSERT INTO notes (id, body) VALUES (?, ?)', [1, 'one']);
      db.run('INSERT INTO notes (id, body, author) VALUES (:id, :body, $author)', {
        id: 2,
        body: 'two',
        author: 'ann',
      });
      return db.run('UPDATE notes SET body = body || ?', ['!']).changes;
    });
    expect(changes).toBe(2);
    expect(store.read((db) => db.all('SELECT id, body, author FROM notes ORDER BY id'))).toEqual([
      { id: 1, body: 'one!', author: 'nobody' },
      { id: 2, body: 'two!', author: 'ann' },
    ]);
    expect(store.stats().lastSeq).toBe(1);
    await store.close();
  });

  it('rolls back and rejects with the same error when fn throws', async () => {
    const store = await openSqlStore({ migrations, logger: createMemoryLogger() });
    const boom = new ServerError('ERR_ROOM_NOT_FOUND');
    await expect(
      store.transaction((db) => {
        db.run('INSERT INTO notes (id, body) VALUES (1, ?)', ['gone']);
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(store.read((db) => db.get('SELECT count(*) AS n FROM notes'))).toEqual({ n: 0 });
    expect(store.stats().lastSeq).toBe(0);
    // and a constraint violation rolls back the whole transaction
    await expect(
      store.transaction((db) => {
        db.run('INSERT INTO notes (id, body) VALUES (1, ?)', ['a']);
        db.run('INSERT INTO notes (id, body) VALUES (1, ?)', ['b']);
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(store.read((db) => db.get('SELECT count(*) AS n FROM notes'))).toEqual({ n: 0 });
    await store.close();
  });

  it('refuses nested transactions, async fns and non-deterministic SQL', async () => {
    const store = await openSqlStore({ migrations, logger: createMemoryLogger() });
    let inner: Promise<unknown> | undefined;
    await store.transaction((db) => {
      db.run("INSERT INTO notes (id, body) VALUES (1, 'x')");
      inner = store.transaction(() => 1);
    });
    await expect(inner).rejects.toThrow(/nested/);
    await expect(store.transaction(async () => 1)).rejects.toThrow(/synchronous/);
    await expect(
      store.transaction((db) => db.run("INSERT INTO notes (id, body) VALUES (2, datetime('now'))")),
    ).rejects.toThrow(/Non-deterministic/);
    expect(store.read((db) => db.all('SELECT id FROM notes'))).toEqual([{ id: 1 }]);
    await store.close();
  });

  it('refuses a writer kept past its transaction (writes outside one would not be journaled)', async () => {
    const store = await openSqlStore({ migrations, logger: createMemoryLogger() });
    let kept: { run(sql: string): unknown } | undefined;
    await store.transaction((db) => {
      kept = db;
      db.run("INSERT INTO notes (id, body) VALUES (1, 'x')");
    });
    expect(() => kept!.run("INSERT INTO notes (id, body) VALUES (2, 'y')")).toThrow(/outside its transaction/);
    expect(store.read((db) => db.all('SELECT id FROM notes'))).toEqual([{ id: 1 }]);
    await store.close();
  });

  it('round-trips blobs and reports a failing migration with a coded error', async () => {
    const store = await openSqlStore({ migrations, logger: createMemoryLogger() });
    await store.transaction((db) =>
      db.run('INSERT INTO notes (id, body, data) VALUES (1, ?, ?)', ['b', new Uint8Array([1, 2, 255])]),
    );
    const row = store.read((db) => db.get<{ data: Uint8Array }>('SELECT data FROM notes'));
    expect(Array.from(row!.data)).toEqual([1, 2, 255]);
    await store.close();

    const bad = openSqlStore({
      migrations: [...migrations, { version: 3, name: 'broken', up: 'CREATE TABLE notes (x);' }],
      logger: createMemoryLogger(),
    });
    await expect(bad).rejects.toMatchObject({ code: 'ERR_STORE_MIGRATION_FAILED', details: { version: 3 } });
  });

  it('refuses growing writes at the size limit and warns at 75 %', async () => {
    const logger = createMemoryLogger();
    const store = await openSqlStore({ migrations, logger, maxDatabaseBytes: 200_000 });
    const chunk = 'x'.repeat(10_000);
    let full: unknown;
    for (let i = 0; i < 40 && full === undefined; i++) {
      await store
        .transaction((db) => db.run('INSERT INTO notes (body) VALUES (?)', [chunk]))
        .catch((e: unknown) => {
          full = e;
        });
    }
    expect(full).toMatchObject({ code: 'ERR_STORE_FULL' });
    expect(store.stats()).toMatchObject({ nearLimit: true, maxDatabaseBytes: 200_000 });
    expect(logger.records.some((r) => r.level === 'warn' && /75%/.test(r.msg))).toBe(true);
    // deleting is still allowed at the limit
    await expect(store.transaction((db) => db.run('DELETE FROM notes'))).resolves.toBeDefined();
    await store.close();
  });
});
