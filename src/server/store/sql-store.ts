/**
 * The storage port every repository is written against (DESIGN.md §4, STYLE.md §8).
 *
 * There is exactly one writer. `transaction(fn)` runs `fn` synchronously inside BEGIN/COMMIT and
 * resolves only when the transaction is durable (for the journaled store: after the group fsync).
 * Reads run synchronously against the live database and never wait on fsync.
 *
 * Determinism rule: everything a transaction writes must be a function of its SQL and parameters
 * (no `random()`, `now()` or `datetime('now')` inside SQL) — values come from the service's
 * injected clock and id generator, so a journal replay reproduces the same database.
 */
export type SqlValue = string | number | null | Uint8Array;
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;
export type Row = Record<string, SqlValue>;

export interface SqlReader {
  /** All rows of a query. */
  all<T extends Row = Row>(sql: string, params?: SqlParams): T[];
  /** The first row, or undefined. */
  get<T extends Row = Row>(sql: string, params?: SqlParams): T | undefined;
}

export interface SqlWriter extends SqlReader {
  /** Runs a write statement; returns the number of changed rows. Recorded in the journal. */
  run(sql: string, params?: SqlParams): { changes: number };
}

export interface StoreStats {
  kind: 'memory' | 'journaled';
  durable: boolean;
  schemaVersion: number;
  /** Approximate size of the database image in bytes. */
  sizeBytes: number;
  /** Sequence number of the last committed write transaction (journal frame). */
  lastSeq: number;
  /** True after a persistence failure: writes are refused with ERR_STORE_READ_ONLY. */
  readOnly: boolean;
  /** The safe-size limit (writes that grow the database beyond it fail with ERR_STORE_FULL). */
  maxDatabaseBytes: number | null;
  /** True at or above 75 % of `maxDatabaseBytes`. */
  nearLimit: boolean;
  /** Journaled store only. */
  journal?: { segments: number; bytes: number; framesSinceSnapshot: number; pendingFrames: number };
  /** Journaled store only: the newest durable snapshot. */
  snapshot?: { seq: number; bytes: number; writtenAt: string | null; lastDurationMs: number | null };
}

export interface SqlStore {
  read<T>(fn: (db: SqlReader) => T): T;
  /** Throws synchronously inside `fn` → ROLLBACK and the promise rejects; nothing is journaled. */
  transaction<T>(fn: (db: SqlWriter) => T): Promise<T>;
  stats(): StoreStats;
  close(): Promise<void>;
}
