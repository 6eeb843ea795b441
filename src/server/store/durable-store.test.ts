import { mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Migration } from './migration.js';
import { createMemoryLogger } from './memory-logger.js';
import { openSqlStore, type OpenSqlStoreOptions } from './open-sql-store.js';
import { listStoreFiles, segmentName } from './store-files.js';
import type { SqlStore } from './sql-store.js';

const migrations: Migration[] = [
  { version: 1, name: 'items', up: 'CREATE TABLE items (id INTEGER PRIMARY KEY, body TEXT NOT NULL, data BLOB);' },
];

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parlance-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(dir: string, extra: Partial<OpenSqlStoreOptions> = {}) {
  const logger = createMemoryLogger();
  return { logger, store: openSqlStore({ dir, migrations, logger, ...extra }) };
}

async function insert(store: SqlStore, id: number, body = `item ${id}`): Promise<void> {
  await store.transaction((db) => db.run('INSERT INTO items (id, body) VALUES (?, ?)', [id, body]));
}

function ids(store: SqlStore): number[] {
  return store.read((db) => db.all<{ id: number }>('SELECT id FROM items ORDER BY id')).map((r) => r.id);
}

describe('durable store', () => {
  it('survives close and reopen through the journal alone', async () => {
    const dir = tempDir();
    const store = await open(dir).store;
    await Promise.all([1, 2, 3, 4, 5].map((i) => insert(store, i)));
    await store.transaction((db) =>
      db.run('INSERT INTO items (id, body, data) VALUES (?, ?, ?)', [6, 'blob', new Uint8Array([9, 8])]),
    );
    expect(store.stats()).toMatchObject({ kind: 'journaled', durable: true, lastSeq: 6 });
    await store.close();

    const again = await open(dir).store;
    expect(ids(again)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(again.stats().lastSeq).toBe(6);
    const blob = again.read((db) => db.get<{ data: Uint8Array }>('SELECT data FROM items WHERE id = 6'));
    expect(Array.from(blob!.data)).toEqual([9, 8]);
    await again.close();
  });

  it('refuses a second process-level open of the same directory', async () => {
    const dir = tempDir();
    const store = await open(dir).store;
    // the lock holds our own pid; a second open from this process is a programming error, but a
    // lock file naming a live foreign pid must refuse:
    await store.close();
    writeFileSync(join(dir, 'store.lock'), String(process.ppid));
    await expect(open(dir).store).rejects.toMatchObject({ code: 'ERR_STORE_LOCKED' });
    rmSync(join(dir, 'store.lock'));
    await (await open(dir).store).close();
  });

  it('rotates snapshots: keeps two, deletes the journal segments they cover, and recovers', async () => {
    const dir = tempDir();
    const store = await open(dir, { snapshotEveryFrames: 10 }).store;
    for (let i = 1; i <= 35; i++) await insert(store, i);
    await (store as SqlStore & { snapshotNow(): Promise<void> }).snapshotNow();
    const files = listStoreFiles(dir);
    expect(files.snapshots.map((s) => s.seq)).toEqual([30, 35]);
    // segments needed to replay from the older kept snapshot onwards only
    expect(files.segments.every((s) => s.seq >= 31)).toBe(true);
    expect(store.stats().snapshot).toMatchObject({ seq: 35 });
    await insert(store, 36);
    await store.close();

    const again = await open(dir).store;
    expect(ids(again)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    await again.close();
  });

  it('falls back to the older snapshot when the newest is damaged', async () => {
    const dir = tempDir();
    const store = await open(dir, { snapshotEveryFrames: 5 }).store;
    for (let i = 1; i <= 12; i++) await insert(store, i);
    await (store as SqlStore & { snapshotNow(): Promise<void> }).snapshotNow();
    await store.close();
    const newest = listStoreFiles(dir).snapshots.at(-1)!;
    const bytes = readFileSync(newest.path);
    bytes[bytes.length - 100]! ^= 0xff;
    writeFileSync(newest.path, bytes);
    const { store: reopening, logger } = open(dir);
    const again = await reopening;
    expect(ids(again)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(logger.records.some((r) => r.level === 'warn' && /snapshot is not usable/.test(r.msg))).toBe(true);
    await again.close();
  });

  it('drops a torn final frame with a warning and keeps appending after it', async () => {
    const dir = tempDir();
    const store = await open(dir).store;
    for (let i = 1; i <= 3; i++) await insert(store, i);
    await store.close();
    const seg = listStoreFiles(dir).segments.at(-1)!;
    const size = readFileSync(seg.path).length;
    truncateSync(seg.path, size - 7);

    const { store: reopening, logger } = open(dir);
    const again = await reopening;
    expect(ids(again)).toEqual([1, 2]);
    expect(logger.records.find((r) => r.level === 'warn' && /torn/.test(r.msg))).toMatchObject({ file: seg.path });
    await insert(again, 4);
    await again.close();
    const third = await open(dir).store;
    expect(ids(third)).toEqual([1, 2, 4]);
    await third.close();
  });

  it('refuses to start on a flipped bit in a middle frame, naming file and offset', async () => {
    const dir = tempDir();
    const store = await open(dir).store;
    for (let i = 1; i <= 5; i++) await insert(store, i, 'x'.repeat(50));
    await store.close();
    const seg = listStoreFiles(dir).segments.at(-1)!;
    const bytes = readFileSync(seg.path);
    const frameLength = bytes.readUInt32LE(0) + 8;
    bytes[frameLength * 2 + 30]! ^= 0x04;
    writeFileSync(seg.path, bytes);
    await expect(open(dir).store).rejects.toMatchObject({
      code: 'ERR_STORE_JOURNAL_CORRUPT',
      details: { file: seg.path, offset: frameLength * 2 },
    });
    expect(readFileSync(seg.path).equals(bytes)).toBe(true); // kept for inspection
  });

  it('on a journal write failure (disk full) rejects, turns read-only, and loses nothing acknowledged', async () => {
    const dir = tempDir();
    const store = await open(dir, { snapshotEveryFrames: 3 }).store;
    for (let i = 1; i <= 2; i++) await insert(store, i);
    // the snapshot after frame 3 rotates the journal to segment 4, which we point at /dev/full
    symlinkSync('/dev/full', join(dir, segmentName(4)));
    await insert(store, 3);
    await (store as SqlStore & { snapshotNow(): Promise<void> }).snapshotNow();
    await expect(insert(store, 4)).rejects.toMatchObject({ code: 'ERR_STORE_JOURNAL_WRITE_FAILED' });
    await expect(insert(store, 5)).rejects.toMatchObject({ code: 'ERR_STORE_READ_ONLY' });
    expect(store.stats().readOnly).toBe(true);
    await store.close();
    rmSync(join(dir, segmentName(4)));
    const again = await open(dir).store;
    expect(ids(again)).toEqual([1, 2, 3]);
    await again.close();
  });

  it('re-initialises after export: statements and pragmas keep working', async () => {
    const dir = tempDir();
    const store = await open(dir).store;
    await insert(store, 1);
    await (store as SqlStore & { snapshotNow(): Promise<void> }).snapshotNow();
    expect(store.read((db) => db.get('PRAGMA foreign_keys'))).toEqual({ foreign_keys: 1 });
    await insert(store, 2);
    expect(ids(store)).toEqual([1, 2]);
    await store.close();
    expect(existsSync(join(dir, 'store.lock'))).toBe(false);
  });
});

describe('crash during a snapshot', () => {
  it('ignores and removes a snapshot temp file left before its rename (complete or partial)', async () => {
    const dir = tempDir();
    const store = await open(dir, { snapshotEveryFrames: 1_000 }).store;
    for (let i = 1; i <= 8; i++) await insert(store, i);
    await (store as SqlStore & { snapshotNow(): Promise<void> }).snapshotNow();
    for (let i = 9; i <= 12; i++) await insert(store, i);
    await store.close();
    const newest = listStoreFiles(dir).snapshots.at(-1)!;
    const image = readFileSync(newest.path);
    // what a kill between write and rename leaves behind: a complete temp and a half-written one
    writeFileSync(join(dir, 'snapshot-0000000000000012.snap.tmp'), image);
    writeFileSync(join(dir, 'snapshot-0000000000000013.snap.tmp'), image.subarray(0, image.length >> 1));
    const { store: reopening, logger } = open(dir);
    const again = await reopening;
    expect(ids(again)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(listStoreFiles(dir).temporary).toEqual([]);
    expect(logger.records.filter((r) => /unfinished snapshot/.test(r.msg))).toHaveLength(2);
    await again.close();
  });
});
