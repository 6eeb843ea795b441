import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBackup } from '../cli/backup-command.js';
import { runDoctor } from '../cli/doctor-command.js';
import { runRestore } from '../cli/restore-command.js';
import { isDurableSqlStore } from './durable-store.js';
import { createMemoryLogger } from './memory-logger.js';
import type { Migration } from './migration.js';
import { openSqlStore } from './open-sql-store.js';
import type { SqlStore } from './sql-store.js';
import { listStoreFiles } from './store-files.js';

const migrations: Migration[] = [{ version: 1, name: 't', up: 'CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT);' }];
const dirs: string[] = [];
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'parlance-backup-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function io() {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (t: string) => lines.push(t), err: (t: string) => errors.push(t) };
}

async function filled(dir: string, n: number): Promise<SqlStore> {
  const store = await openSqlStore({ dir, migrations, logger: createMemoryLogger(), snapshotEveryFrames: 7 });
  for (let i = 1; i <= n; i++) await store.transaction((db) => db.run('INSERT INTO t VALUES (?, ?)', [i, `row ${i}`]));
  return store;
}

const count = (s: SqlStore): unknown => s.read((db) => db.get('SELECT count(*) AS n, max(id) AS top FROM t'));

describe('backup and restore', () => {
  it('backs up a running store online (CLI) and restores it; restore refuses to overwrite without force', async () => {
    const src = temp();
    const store = await filled(src, 20);
    const file = join(temp(), 'parlance.backup');
    const o = io();
    expect(await runBackup({ dir: src, file }, o)).toBe(0); // while the server holds the directory
    expect(o.lines[0]).toContain('seq 20');
    await store.close();

    const target = join(temp(), 'restored');
    expect(await runRestore({ file, dir: target }, io())).toBe(0);
    const restored = await openSqlStore({ dir: target, migrations, logger: createMemoryLogger() });
    expect(count(restored)).toEqual({ n: 20, top: 20 });
    expect(restored.stats().lastSeq).toBe(20);
    await restored.transaction((db) => db.run('INSERT INTO t VALUES (21, ?)', ['after restore']));
    await restored.close();

    const refused = io();
    expect(await runRestore({ file, dir: target }, refused)).toBe(1);
    expect(refused.errors.join('\n')).toContain('ERR_STORE_RESTORE_REFUSED');
    const forced = io();
    expect(await runRestore({ file, dir: target, force: true }, forced)).toBe(0);
    expect(forced.lines.join('\n')).toMatch(/moved to .*replaced-/);
    const again = await openSqlStore({ dir: target, migrations, logger: createMemoryLogger() });
    expect(count(again)).toEqual({ n: 20, top: 20 });
    await again.close();
  });

  it('takes a live backup from the store object and rejects a damaged backup file', async () => {
    const store = await filled(temp(), 5);
    expect(isDurableSqlStore(store)).toBe(true);
    const file = join(temp(), 'live.backup');
    if (!isDurableSqlStore(store)) throw new Error('unreachable');
    expect(store.backupTo(file)).toMatchObject({ seq: 5 });
    await store.transaction((db) => db.run('INSERT INTO t VALUES (6, ?)', ['still writable']));
    await store.close();
    const bytes = readFileSync(file);
    bytes[bytes.length - 10]! ^= 1;
    writeFileSync(file, bytes);
    const o = io();
    expect(await runRestore({ file, dir: join(temp(), 'x') }, o)).toBe(1);
    expect(o.errors.join('\n')).toContain('ERR_STORE_BACKUP_INVALID');
  });
});

describe('doctor', () => {
  it('reports a healthy store, then a corrupt one, and repairs it only with --repair', async () => {
    const dir = temp();
    const store = await filled(dir, 30);
    await store.close();
    const healthy = io();
    expect(await runDoctor({ dir, json: true }, healthy)).toBe(0);
    const report = JSON.parse(healthy.lines[0]!) as { health: string; lastSeq: number; snapshots: unknown[] };
    expect(report).toMatchObject({ health: 'ok', lastSeq: 30 });
    expect(report.snapshots.length).toBeGreaterThan(0);

    const seg = listStoreFiles(dir).segments.find((s) => readFileSync(s.path).length > 0)!;
    const bytes = readFileSync(seg.path);
    const first = bytes.readUInt32LE(0) + 8;
    bytes[first + 20]! ^= 0x40; // second frame of a segment with more after it
    writeFileSync(seg.path, bytes);
    const text = io();
    expect(await runDoctor({ dir }, text)).toBe(1);
    expect(text.lines.join('\n')).toContain(`CORRUPTION:   ${seg.path} at offset ${first}`);
    expect(readFileSync(seg.path).equals(bytes)).toBe(true); // nothing changed without --repair
    await expect(openSqlStore({ dir, migrations, logger: createMemoryLogger() })).rejects.toMatchObject({
      code: 'ERR_STORE_JOURNAL_CORRUPT',
    });

    const fixed = io();
    expect(await runDoctor({ dir, repair: true }, fixed)).toBe(0);
    expect(fixed.lines.join('\n')).toContain('repaired:');
    const aside = readdirSync(dir).find((n) => n.startsWith('damaged-'))!;
    expect(readFileSync(join(dir, aside, seg.name)).equals(bytes)).toBe(true);
    const reopened = await openSqlStore({ dir, migrations, logger: createMemoryLogger() });
    expect((count(reopened) as { n: number }).n).toBeLessThan(30);
    await reopened.close();
  });
});
