import { closeSync, fsyncSync, openSync, ftruncateSync, rmSync } from 'node:fs';
import type { SqlJsStatic } from 'sql.js';
import { ServerError } from '../errors/server-error.js';
import type { Logger } from '../log/logger.js';
import { SqlConnection } from './sql-connection.js';
import { readSnapshotFile } from './snapshot-file.js';
import { listStoreFiles } from './store-files.js';
import { inspectJournal } from './store-inspection.js';
import { ensureMeta, readLastSeq, readSchemaVersion, rollbackQuietly, SET_LAST_SEQ_SQL } from './store-meta.js';

export interface RecoveryResult {
  conn: SqlConnection;
  lastSeq: number;
  schemaVersion: number;
  snapshotSeq: number;
  snapshotPath: string | null;
  replayedFrames: number;
  truncated?: { file: string; offset: number; droppedBytes: number };
}

/**
 * Start-up recovery (STYLE.md §8.4): the newest valid snapshot, then every journal frame after its
 * sequence. A torn final frame is truncated with a warning; any other bad frame refuses to start.
 */
export function recoverStore(
  sqlJs: SqlJsStatic,
  dir: string,
  logger: Logger,
  pragmas: readonly string[],
  options: { modifyFiles?: boolean } = {},
): RecoveryResult {
  const modify = options.modifyFiles ?? true;
  const listing = listStoreFiles(dir);
  for (const tmp of modify ? listing.temporary : []) {
    logger.warn('removing an unfinished snapshot left by a crash', { file: tmp });
    rmSync(tmp, { force: true });
  }

  let conn: SqlConnection | undefined;
  let snapshotSeq = 0;
  let snapshotPath: string | null = null;
  for (const snap of [...listing.snapshots].reverse()) {
    try {
      const { header, image } = readSnapshotFile(snap.path);
      const candidate = SqlConnection.create(sqlJs, image, pragmas);
      const inside = readLastSeq(candidate);
      if (inside !== header.seq || header.seq !== snap.seq) {
        candidate.close();
        throw new Error(`meta.last_seq ${inside} does not match the snapshot header ${header.seq}`);
      }
      conn = candidate;
      snapshotSeq = header.seq;
      snapshotPath = snap.path;
      break;
    } catch (error) {
      logger.warn('snapshot is not usable; trying an older one', { file: snap.path, error: (error as Error).message });
    }
  }

  const journal = inspectJournal(listing);
  if (journal.corruption) {
    conn?.close();
    throw new ServerError(
      'ERR_STORE_JOURNAL_CORRUPT',
      `The journal is corrupt at ${journal.corruption.file} offset ${journal.corruption.offset} (${journal.corruption.reason}); run \`parlance doctor\``,
      { ...journal.corruption },
    );
  }

  if (!conn) {
    const firstSeq = journal.frames[0]?.payload.seq;
    if (listing.snapshots.length > 0 && firstSeq !== 1) {
      throw new ServerError('ERR_STORE_SNAPSHOT_CORRUPT', undefined, {
        snapshots: listing.snapshots.map((s) => s.path),
      });
    }
    conn = SqlConnection.create(sqlJs, undefined, pragmas);
    ensureMeta(conn);
  }

  let lastSeq = snapshotSeq;
  let replayed = 0;
  for (const frame of journal.frames) {
    const { seq, schemaVersion, ops } = frame.payload;
    if (seq <= lastSeq) continue;
    const fail = (reason: string, cause?: unknown): never => {
      conn.close();
      throw new ServerError(
        'ERR_STORE_JOURNAL_CORRUPT',
        `Journal frame ${seq} in ${frame.file} at offset ${frame.offset} cannot be replayed: ${reason}`,
        { file: frame.file, offset: frame.offset, seq, reason },
        { cause },
      );
    };
    if (seq !== lastSeq + 1) fail(`expected sequence ${lastSeq + 1}`);
    const dbVersion = readSchemaVersion(conn);
    if (schemaVersion !== dbVersion) fail(`frame schema version ${schemaVersion} but database is at ${dbVersion}`);
    try {
      conn.exec('BEGIN');
      for (const op of ops) conn.run(op.sql, op.params);
      conn.run(SET_LAST_SEQ_SQL, [seq]);
      conn.exec('COMMIT');
    } catch (error) {
      rollbackQuietly(conn);
      fail((error as Error).message, error);
    }
    lastSeq = seq;
    replayed++;
  }

  let truncated: RecoveryResult['truncated'];
  if (journal.tornTail) {
    const { file, offset, droppedBytes, reason } = journal.tornTail;
    logger.warn('dropping a torn final journal frame (never acknowledged)', { file, offset, droppedBytes, reason });
    truncated = { file, offset, droppedBytes };
  }
  if (journal.tornTail && modify) {
    const { file, offset } = journal.tornTail;
    const fd = openSync(file, 'r+');
    try {
      ftruncateSync(fd, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  return {
    conn,
    lastSeq,
    schemaVersion: readSchemaVersion(conn),
    snapshotSeq,
    snapshotPath,
    replayedFrames: replayed,
    ...(truncated ? { truncated } : {}),
  };
}
