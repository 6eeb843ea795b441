import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ServerError } from '../errors/server-error.js';
import type { Logger } from '../log/logger.js';
import { SqlConnection } from './sql-connection.js';
import { loadSqlJs } from './sql-js-loader.js';
import { SqlStoreEngine } from './sql-store-engine.js';
import type { SqlStore } from './sql-store.js';
import { decodeSnapshot, encodeSnapshot, writeFileDurablySync, type SnapshotHeader } from './snapshot-file.js';
import { fsyncDir, listStoreFiles, snapshotName } from './store-files.js';
import { storeLockHolder } from './store-lock.js';
import { readLastSeq } from './store-meta.js';
import { STORE_PRAGMAS } from './store-pragmas.js';
import { recoverStore } from './store-recovery.js';

/**
 * Backups are snapshot files (image + the sequence it covers, checksummed). They are taken online:
 * from the live store (an export between transactions), or from a data directory that a running
 * server is writing (newest snapshot + the durable journal prefix, read without touching a file).
 */
export interface BackupResult {
  file: string;
  seq: number;
  schemaVersion: number;
  bytes: number;
}

export function backupLiveStore(engine: SqlStoreEngine, file: string): BackupResult {
  const image = engine.conn.export();
  const seq = engine.lastSeq;
  const schemaVersion = engine.currentSchemaVersion;
  writeFileDurablySync(file, encodeSnapshot(image, seq, schemaVersion));
  return { file, seq, schemaVersion, bytes: image.byteLength };
}

/**
 * An online backup of the store this process owns (journaled or in-memory): an export between
 * transactions, written durably to `file`. The parent directory is created if needed.
 */
export function backupOpenStore(store: SqlStore, file: string): BackupResult {
  if (!(store instanceof SqlStoreEngine)) {
    throw new ServerError('ERR_STORE_BACKUP_UNSUPPORTED', 'This store cannot be backed up online');
  }
  mkdirSync(dirname(file), { recursive: true });
  return backupLiveStore(store, file);
}

export async function backupDataDir(dir: string, file: string, logger: Logger): Promise<BackupResult> {
  const sqlJs = await loadSqlJs();
  const recovered = recoverStore(sqlJs, dir, logger, STORE_PRAGMAS, { modifyFiles: false });
  try {
    const image = recovered.conn.export();
    writeFileDurablySync(file, encodeSnapshot(image, recovered.lastSeq, recovered.schemaVersion));
    return { file, seq: recovered.lastSeq, schemaVersion: recovered.schemaVersion, bytes: image.byteLength };
  } finally {
    recovered.conn.close();
  }
}

/** Checks a backup file completely: header, checksums, and that SQLite opens the image. */
export async function verifyBackup(file: string): Promise<SnapshotHeader> {
  let decoded;
  try {
    decoded = decodeSnapshot(readFileSync(file));
  } catch (error) {
    throw new ServerError(
      'ERR_STORE_BACKUP_INVALID',
      `${file}: ${(error as Error).message}`,
      { file },
      { cause: error },
    );
  }
  const sqlJs = await loadSqlJs();
  let conn: SqlConnection | undefined;
  try {
    conn = SqlConnection.create(sqlJs, decoded.image);
    const check = conn.get<{ integrity_check: string }>('PRAGMA integrity_check');
    if (check?.integrity_check !== 'ok') throw new Error(`integrity check: ${String(check?.integrity_check)}`);
    const inside = readLastSeq(conn);
    if (inside !== decoded.header.seq) throw new Error(`meta.last_seq ${inside} != header seq ${decoded.header.seq}`);
  } catch (error) {
    throw new ServerError(
      'ERR_STORE_BACKUP_INVALID',
      `${file}: ${(error as Error).message}`,
      { file },
      { cause: error },
    );
  } finally {
    conn?.close();
  }
  return decoded.header;
}

export interface RestoreResult {
  seq: number;
  schemaVersion: number;
  /** Where the replaced store files were moved (force only). */
  movedAsideTo?: string;
}

/**
 * Restores a backup into `dir` (the server must be stopped). Refuses a directory that holds a
 * store unless `force`; with `force` the old files are moved aside, never deleted.
 */
export async function restoreBackup(
  file: string,
  dir: string,
  force: boolean,
  now = new Date(),
): Promise<RestoreResult> {
  const header = await verifyBackup(file);
  mkdirSync(dir, { recursive: true });
  const holder = storeLockHolder(dir);
  if (holder !== undefined) throw new ServerError('ERR_STORE_LOCKED', undefined, { dir, pid: holder });
  const listing = listStoreFiles(dir);
  const existing = [...listing.snapshots, ...listing.segments].map((f) => f.path).concat(listing.temporary);
  let movedAsideTo: string | undefined;
  if (existing.length > 0) {
    if (!force) throw new ServerError('ERR_STORE_RESTORE_REFUSED', undefined, { dir, files: existing.length });
    movedAsideTo = join(dir, `replaced-${now.toISOString().replace(/[:.]/g, '-')}`);
    mkdirSync(movedAsideTo);
    for (const path of existing) renameSync(path, join(movedAsideTo, path.slice(dir.length + 1)));
    fsyncDir(dir);
  }
  const target = join(dir, snapshotName(header.seq));
  writeFileDurablySync(target, [readFileSync(file)]);
  return { seq: header.seq, schemaVersion: header.schemaVersion, ...(movedAsideTo ? { movedAsideTo } : {}) };
}
