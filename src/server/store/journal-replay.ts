import { ServerError } from '../errors/server-error.js';
import type { Logger } from '../log/logger.js';
import { beginFtsReplay, finishFtsReplay, planFtsReplay, type FtsReplayPlan } from './fts-replay.js';
import type { JournalPayload } from './journal-frame.js';
import type { SqlConnection } from './sql-connection.js';
import { readSchemaVersion, rollbackQuietly, SET_LAST_SEQ_SQL } from './store-meta.js';

export interface ReplayFrame {
  seq: number;
  /** Needed for every frame after `fromSeq`; frames at or below it may be undecoded. */
  payload: JournalPayload | undefined;
  file: string;
  offset: number;
}

/** Frames replayed per SQLite transaction (one BEGIN … COMMIT for the whole chunk). */
export const REPLAY_CHUNK_FRAMES = 5000;

export interface ReplayOptions {
  chunkFrames?: number;
  /**
   * A fresh connection in the state replay started from (the snapshot). Needed for deferred FTS
   * maintenance (fts-replay.ts): if that replay fails, it is redone the ordinary way on it.
   */
  reopen?: () => SqlConnection;
  logger?: Logger;
}

export interface ReplayResult {
  /** The connection holding the result (a reopened one if deferred replay had to be redone). */
  conn: SqlConnection;
  lastSeq: number;
  replayed: number;
  /** True when full-text maintenance was deferred to the end of replay. */
  ftsDeferred: boolean;
}

/**
 * Applies the journal frames after `fromSeq` to `conn`, in order, `chunkFrames` per transaction.
 *
 * Each frame runs exactly the statements its live transaction ran, followed by the same
 * `meta.last_seq` update, so the connection sees the same statement sequence as the live one did;
 * only the commit points differ. That is safe because every journaled frame committed live: its
 * deferred constraints held at its own commit, so they hold at the chunk's commit too. A frame
 * that fails refuses with `ERR_STORE_JOURNAL_CORRUPT` naming that frame's file and offset (the
 * connection is closed: recovery does not continue).
 */
export function replayFrames(
  conn: SqlConnection,
  frames: readonly ReplayFrame[],
  fromSeq: number,
  options: ReplayOptions = {},
): ReplayResult {
  const chunkFrames = options.chunkFrames ?? REPLAY_CHUNK_FRAMES;
  if (options.reopen && frames.some((f) => f.seq > fromSeq)) {
    const statements = new Set<string>();
    for (const f of frames) if (f.seq > fromSeq) for (const op of f.payload?.ops ?? []) statements.add(op.sql);
    const plan = planFtsReplay(conn, statements);
    if (plan) {
      try {
        return { conn, ...replayChunks(conn, frames, fromSeq, chunkFrames, plan), ftsDeferred: true };
      } catch (error) {
        options.logger?.warn('deferred full-text replay failed; replaying again with the live triggers', {
          error: (error as Error).message,
        });
        conn.close();
        conn = options.reopen();
      }
    }
  }
  try {
    return { conn, ...replayChunks(conn, frames, fromSeq, chunkFrames, null), ftsDeferred: false };
  } catch (error) {
    conn.close();
    throw error;
  }
}

function replayChunks(
  conn: SqlConnection,
  frames: readonly ReplayFrame[],
  fromSeq: number,
  chunkFrames: number,
  plan: FtsReplayPlan | null,
): { lastSeq: number; replayed: number } {
  let lastSeq = fromSeq;
  let replayed = 0;
  let i = 0;
  while (i < frames.length && frames[i]!.seq <= lastSeq) i++;
  const first = i;
  while (i < frames.length) {
    const chunkEnd = Math.min(frames.length, i + chunkFrames);
    let frame = frames[i]!;
    const fail = (reason: string, cause?: unknown): never => {
      rollbackQuietly(conn);
      const { file, offset, seq } = frame;
      throw new ServerError(
        'ERR_STORE_JOURNAL_CORRUPT',
        `Journal frame ${seq} in ${file} at offset ${offset} cannot be replayed: ${reason}`,
        { file, offset, seq, reason },
        { cause },
      );
    };
    conn.exec('BEGIN');
    if (plan && i === first) beginFtsReplay(conn, plan);
    for (; i < chunkEnd; i++) {
      frame = frames[i]!;
      const seq = frame.seq;
      if (seq <= lastSeq) continue; // already in the snapshot
      if (seq !== lastSeq + 1) fail(`expected sequence ${lastSeq + 1}`);
      const payload = frame.payload ?? fail('the frame was not decoded');
      const dbVersion = readSchemaVersion(conn);
      if (payload.schemaVersion !== dbVersion) {
        fail(`frame schema version ${payload.schemaVersion} but database is at ${dbVersion}`);
      }
      try {
        for (const op of payload.ops) conn.run(op.sql, op.params);
        conn.run(SET_LAST_SEQ_SQL, [seq]);
      } catch (error) {
        fail((error as Error).message, error);
      }
      lastSeq = seq;
      replayed++;
    }
    try {
      if (plan && i === frames.length) finishFtsReplay(conn, plan);
      conn.exec('COMMIT');
    } catch (error) {
      fail(`commit failed: ${(error as Error).message}`, error);
    }
  }
  return { lastSeq, replayed };
}
