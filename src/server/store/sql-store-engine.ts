import { ServerError } from '../errors/server-error.js';
import type { Logger } from '../log/logger.js';
import { encodeFrame, type JournalOp } from './journal-frame.js';
import { assertDeterministic, isPlainRead } from './recorded-sql.js';
import type { SqlConnection } from './sql-connection.js';
import type { Row, SqlParams, SqlReader, SqlStore, SqlWriter, StoreStats } from './sql-store.js';
import { rollbackQuietly, SET_LAST_SEQ_SQL } from './store-meta.js';

/** Where committed frames go. `append` resolves when the frame is durable (after the group fsync). */
export interface CommitLog {
  append(frame: Buffer, seq: number): Promise<void>;
  /** Resolves when every frame appended so far is durable. */
  whenDurable(): Promise<void>;
  close(): Promise<void>;
}

export interface EngineHooks {
  /** Called after every commit (between transactions), e.g. to trigger a snapshot. */
  afterCommit?(frameBytes: number): void;
  stats?(): Partial<StoreStats>;
  close?(): Promise<void>;
  /** After the journal and the database are closed (e.g. release the directory lock). */
  afterClose?(): void;
}

export interface EngineOptions {
  conn: SqlConnection;
  logger: Logger;
  schemaVersion: number;
  lastSeq: number;
  log?: CommitLog;
  hooks?: EngineHooks;
  maxDatabaseBytes?: number;
}

export const SIZE_WARN_RATIO = 0.75;

/**
 * The single writer over one sql.js database. Transactions run synchronously at call time (the
 * JavaScript thread is the writer queue), commit in memory, hand their frame to the commit log
 * and resolve when it is durable. A journal failure makes the store read-only.
 */
export class SqlStoreEngine implements SqlStore {
  readonly conn: SqlConnection;
  private readonly logger: Logger;
  private readonly commitLog: CommitLog | undefined;
  private hooks: EngineHooks;
  private readonly maxBytes: number | undefined;
  private schemaVersion: number;
  private seq: number;
  private inTransaction = false;
  private closed = false;
  private readOnlyReason: ServerError | undefined;
  private sizeBytes: number;
  private sizeWarned = false;

  constructor(options: EngineOptions) {
    this.conn = options.conn;
    this.logger = options.logger;
    this.commitLog = options.log;
    this.hooks = options.hooks ?? {};
    this.maxBytes = options.maxDatabaseBytes;
    this.schemaVersion = options.schemaVersion;
    this.seq = options.lastSeq;
    this.sizeBytes = this.conn.sizeBytes();
    this.checkSizeWarning();
  }

  setHooks(hooks: EngineHooks): void {
    this.hooks = hooks;
  }

  get lastSeq(): number {
    return this.seq;
  }

  get currentSchemaVersion(): number {
    return this.schemaVersion;
  }

  get isReadOnly(): boolean {
    return this.readOnlyReason !== undefined;
  }

  /** Switches to read-only mode, loudly (STYLE.md §8.2 step 6). */
  enterReadOnly(cause: unknown): void {
    if (this.readOnlyReason) return;
    this.readOnlyReason = new ServerError(
      'ERR_STORE_READ_ONLY',
      undefined,
      { reason: (cause as Error)?.message ?? String(cause) },
      { cause },
    );
    this.logger.fatal('store is now read-only after a persistence failure', { error: (cause as Error)?.message });
  }

  /**
   * One reader and one writer for the store's life (not one per call), so the repositories bound
   * to them (sql-data-access.ts) are made once. The writer records into the transaction that is
   * running and refuses to be used outside one.
   */
  private readonly reader: SqlReader = {
    all: (sql, params) => this.conn.all(sql, params),
    get: (sql, params) => this.conn.get(sql, params),
  };
  private ops: JournalOp[] | undefined;
  private readonly writer: SqlWriter = {
    all: <R extends Row = Row>(sql: string, params?: SqlParams): R[] => {
      if (!isPlainRead(sql)) this.record(sql, params);
      return this.conn.all<R>(sql, params);
    },
    get: <R extends Row = Row>(sql: string, params?: SqlParams): R | undefined => {
      if (!isPlainRead(sql)) this.record(sql, params);
      return this.conn.get<R>(sql, params);
    },
    run: (sql: string, params?: SqlParams) => {
      this.record(sql, params);
      return this.conn.run(sql, params);
    },
  };

  private record(sql: string, params: SqlParams | undefined): void {
    if (!this.ops) throw new Error('a store writer was used outside its transaction');
    assertDeterministic(sql);
    this.ops.push(params === undefined ? { sql } : { sql, params });
  }

  read<T>(fn: (db: SqlReader) => T): T {
    this.assertOpen();
    return fn(this.reader);
  }

  transaction<T>(fn: (db: SqlWriter) => T): Promise<T> {
    try {
      this.assertOpen();
      if (this.inTransaction) throw new Error('store.transaction() cannot be nested');
      if (this.readOnlyReason) throw this.readOnlyReason;
    } catch (error) {
      return Promise.reject(error);
    }
    const ops: JournalOp[] = [];
    this.ops = ops;
    this.inTransaction = true;
    let result: T;
    let frame: Buffer | undefined;
    const seq = this.seq + 1;
    try {
      this.conn.run('BEGIN');
      try {
        result = fn(this.writer);
        if (result !== null && typeof (result as { then?: unknown })?.then === 'function') {
          throw new Error('store.transaction(fn): fn must be synchronous (it returned a promise)');
        }
        if (ops.length > 0) {
          this.checkSize();
          this.conn.run(SET_LAST_SEQ_SQL, [seq]);
          if (this.commitLog) frame = encodeFrame({ seq, schemaVersion: this.schemaVersion, ops });
        }
        this.conn.run('COMMIT');
      } catch (error) {
        rollbackQuietly(this.conn);
        return Promise.reject(error);
      }
    } finally {
      this.inTransaction = false;
      this.ops = undefined;
    }

    if (ops.length === 0) {
      // Nothing written; what it read may still be waiting for its fsync.
      return this.commitLog ? this.commitLog.whenDurable().then(() => result) : Promise.resolve(result);
    }
    this.seq = seq;
    const durable = this.commitLog && frame ? this.commitLog.append(frame, seq) : Promise.resolve();
    this.hooks.afterCommit?.(frame?.length ?? 0);
    return durable.then(
      () => result,
      (error: unknown) => {
        this.enterReadOnly(error);
        throw error instanceof ServerError
          ? error
          : new ServerError('ERR_STORE_JOURNAL_WRITE_FAILED', undefined, { seq }, { cause: error });
      },
    );
  }

  private checkSize(): void {
    const size = this.conn.sizeBytes();
    if (this.maxBytes !== undefined && size > this.maxBytes && size > this.sizeBytes) {
      throw new ServerError('ERR_STORE_FULL', undefined, { sizeBytes: size, maxDatabaseBytes: this.maxBytes });
    }
    this.sizeBytes = size;
    this.checkSizeWarning();
  }

  private checkSizeWarning(): void {
    if (this.maxBytes === undefined) return;
    const near = this.sizeBytes >= this.maxBytes * SIZE_WARN_RATIO;
    if (near && !this.sizeWarned) {
      this.logger.warn('database is above 75% of its safe size', {
        sizeBytes: this.sizeBytes,
        maxDatabaseBytes: this.maxBytes,
      });
    }
    this.sizeWarned = near;
  }

  stats(): StoreStats {
    const base: StoreStats = {
      kind: this.commitLog ? 'journaled' : 'memory',
      durable: this.commitLog !== undefined,
      schemaVersion: this.schemaVersion,
      sizeBytes: this.sizeBytes,
      lastSeq: this.seq,
      readOnly: this.readOnlyReason !== undefined,
      maxDatabaseBytes: this.maxBytes ?? null,
      nearLimit: this.maxBytes !== undefined && this.sizeBytes >= this.maxBytes * SIZE_WARN_RATIO,
    };
    return { ...base, ...this.hooks.stats?.() };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The store is closed');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.hooks.close?.();
    if (this.commitLog) await this.commitLog.close();
    this.conn.close();
    this.hooks.afterClose?.();
  }
}
