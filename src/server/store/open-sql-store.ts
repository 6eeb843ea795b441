import type { Logger } from '../log/logger.js';
import type { Migration } from './migration.js';
import { openDurableStore } from './durable-store.js';
import { SqlConnection } from './sql-connection.js';
import { loadSqlJs } from './sql-js-loader.js';
import { SqlStoreEngine } from './sql-store-engine.js';
import type { SqlStore } from './sql-store.js';
import { STORE_PRAGMAS } from './store-pragmas.js';
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

/**
 * Measured on the 2-core / 24 GB Debian machine (sql.js 1.16, Node 20): the database file lives in
 * Emscripten's MEMFS (JavaScript memory, not the wasm heap). A 2 GiB database took ~5 GB RSS and a
 * 6.7 s export; at 3.5 GiB RSS passed 10 GB and growth towards 4 GiB (MEMFS's 32-bit file size)
 * thrashed past 17 GB. 2 GiB is therefore the recommended safe size (`maxDatabaseBytes`).
 */
export const RECOMMENDED_MAX_DATABASE_BYTES = 2 * 1024 * 1024 * 1024;

export { STORE_PRAGMAS };

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
