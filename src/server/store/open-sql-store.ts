import type { Logger } from '../log/logger.js';
import type { Migration } from './migration.js';
import { openDurableStore } from './durable-store.js';
import { SqlConnection } from './sql-connection.js';
import { loadSqlJs } from './sql-js-loader.js';
import { SqlStoreEngine } from './sql-store-engine.js';
import type { SqlStore } from './sql-store.js';
import { applyMigrations, ensureMeta, readLastSeq, readSchemaVersion } from './store-meta.js';

export interface OpenSqlStoreOptions {
  /** Data directory for snapshot + journal; omit for an in-memory, non-durable store (tests). */
  dir?: string;
  /** Applied in order above `meta.schema_version`. */
  migrations: readonly Migration[];
  logger: Logger;
  /** Group-commit window in milliseconds (default 2). */
  groupCommitWindowMs?: number;
  /** Flush a group early once this many frames are waiting (default 256). */
  groupCommitMaxFrames?: number;
  snapshotEveryFrames?: number;
  snapshotEveryBytes?: number;
  snapshotEveryMs?: number;
  /** The safe-size limit: warn at 75 %, refuse growing writes with ERR_STORE_FULL beyond it. */
  maxDatabaseBytes?: number;
}

/** Pragmas re-applied on open and after every export (export() resets them). */
export const STORE_PRAGMAS: readonly string[] = ['PRAGMA foreign_keys = ON'];

export async function openSqlStore(options: OpenSqlStoreOptions): Promise<SqlStore> {
  const logger = options.logger.child('store');
  if (options.dir === undefined) {
    const sqlJs = await loadSqlJs();
    const conn = SqlConnection.create(sqlJs, undefined, STORE_PRAGMAS);
    ensureMeta(conn);
    applyMigrations(conn, options.migrations);
    return new SqlStoreEngine({
      conn,
      logger,
      schemaVersion: readSchemaVersion(conn),
      lastSeq: readLastSeq(conn),
      ...(options.maxDatabaseBytes === undefined ? {} : { maxDatabaseBytes: options.maxDatabaseBytes }),
    });
  }
  return openDurableStore({ ...options, dir: options.dir, logger, pragmas: STORE_PRAGMAS });
}
