import { closeSync, fsyncSync, openSync, ftruncateSync, rmSync } from 'node:fs';
import type { SqlJsStatic } from 'sql.js';
import { ServerError } from '../errors/server-error.js';
import type { Logger } from '../log/logger.js';
import { SqlConnection } from './sql-connection.js';
import { readSnapshotFile } from './snapshot-file.js';
import { listStoreFiles } from './store-files.js';
import { inspectJournal } from './store-inspection.js';
import { replayFrames } from './journal-replay.js';
import { ensureMeta, readLastSeq, readSchemaVersion } from './store-meta.js';

export interface RecoveryResult {
  conn: SqlConnection;
  lastSeq: number;
  schemaVersion: number;
  snapshotSeq: number;
  snapshotPath: string | null;
  replayedFrames: number;
  /** True when replay deferred full-text maintenance to its end (fts-replay.ts). */
  ftsDeferred: boolean;
  /** Where the time went (milliseconds): snapshot load, journal scan (read + checksum + decode), replay. */
  phases: { snapshotMs: number; scanMs: number; replayMs: number };
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
  options: { modifyFiles?: boolean; chunkFrames?: number; deferFts?: boolean } = {},
): RecoveryResult {
  const modify = options.modifyFiles ?? true;
  const listing = listStoreFiles(dir);
  for (const tmp of modify ? listing.temporary : []) {
    logger.warn('removing an unfinished snapshot left by a crash', { file: tmp });
    rmSync(tmp, { force: true });
  }

  const t0 = performance.now();
  let conn: SqlConnection | undefined;
  let reopen: (() => SqlConnection) | undefined;
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
      reopen = () => SqlConnection.create(sqlJs, image, pragmas);
      snapshotSeq = header.seq;
      snapshotPath = snap.path;
      break;
    } catch (error) {
      logger.warn('snapshot is not usable; trying an older one', { file: snap.path, error: (error as Error).message });
    }
  }

  const t1 = performance.now();
  // Frames the snapshot already contains are verified (length, checksum) but not decoded.
  const journal = inspectJournal(listing, { decodeAbove: snapshotSeq });
  const t2 = performance.now();
  if (journal.corruption) {
    conn?.close();
    throw new ServerError(
      'ERR_STORE_JOURNAL_CORRUPT',
      `The journal is corrupt at ${journal.corruption.file} offset ${journal.corruption.offset} (${journal.corruption.reason}); run \`parlance doctor\``,
      { ...journal.corruption },
    );
  }

  if (!conn) {
    const firstSeq = journal.frames[0]?.seq;
    if (listing.snapshots.length > 0 && firstSeq !== 1) {
      throw new ServerError('ERR_STORE_SNAPSHOT_CORRUPT', undefined, {
        snapshots: listing.snapshots.map((s) => s.path),
      });
    }
    reopen = () => {
      const fresh = SqlConnection.create(sqlJs, undefined, pragmas);
      ensureMeta(fresh);
      return fresh;
    };
    conn = reopen();
  }

  const replay = replayFrames(conn, journal.frames, snapshotSeq, {
    ...(options.chunkFrames === undefined ? {} : { chunkFrames: options.chunkFrames }),
    ...(options.deferFts === false ? {} : { reopen }),
    logger,
  });
  conn = replay.conn;
  const { lastSeq, replayed, ftsDeferred } = replay;

  const t3 = performance.now();
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
    ftsDeferred,
    phases: { snapshotMs: Math.round(t1 - t0), scanMs: Math.round(t2 - t1), replayMs: Math.round(t3 - t2) },
    ...(truncated ? { truncated } : {}),
  };
}
