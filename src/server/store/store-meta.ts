import { ServerError } from '../errors/server-error.js';
import type { Migration } from './migration.js';
import type { SqlConnection } from './sql-connection.js';

/**
 * The store's own bookkeeping table. `meta.schema_version` is the last applied migration and
 * `meta.last_seq` the last journal frame contained in the database; both change in the same
 * transaction as the data they describe, so a snapshot and the journal never disagree.
 */
export const META_DDL = `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY NOT NULL, value);
INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', 0), ('last_seq', 0);`;

export const SET_LAST_SEQ_SQL = "UPDATE meta SET value = ? WHERE key = 'last_seq'";

export function ensureMeta(conn: SqlConnection): void {
  conn.exec(META_DDL);
}

function readMetaNumber(conn: SqlConnection, key: string): number {
  const row = conn.get<{ value: number }>('SELECT value FROM meta WHERE key = ?', [key]);
  return Number(row?.value ?? 0);
}

export function readSchemaVersion(conn: SqlConnection): number {
  return readMetaNumber(conn, 'schema_version');
}

export function readLastSeq(conn: SqlConnection): number {
  return readMetaNumber(conn, 'last_seq');
}

export function sortMigrations(migrations: readonly Migration[]): Migration[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (let i = 0; i < sorted.length; i++) {
    const m = sorted[i]!;
    if (!Number.isInteger(m.version) || m.version < 1) {
      throw new ServerError('ERR_STORE_MIGRATION_FAILED', `Migration ${m.name} has an invalid version`, {
        version: m.version,
        name: m.name,
      });
    }
    if (i > 0 && sorted[i - 1]!.version === m.version) {
      throw new ServerError('ERR_STORE_MIGRATION_FAILED', `Two migrations share version ${m.version}`, {
        version: m.version,
      });
    }
  }
  return sorted;
}

/**
 * Applies the migrations above `meta.schema_version`, each in its own transaction that also
 * records the new version. Returns the versions applied.
 */
export function applyMigrations(conn: SqlConnection, migrations: readonly Migration[]): number[] {
  const sorted = sortMigrations(migrations);
  const current = readSchemaVersion(conn);
  const newest = sorted.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new ServerError(
      'ERR_STORE_MIGRATION_FAILED',
      `The database is at schema version ${current}, newer than this build (${newest})`,
      { schemaVersion: current, newestKnown: newest },
    );
  }
  const applied: number[] = [];
  for (const m of sorted) {
    if (m.version <= current) continue;
    conn.exec('BEGIN');
    try {
      conn.exec(m.up);
      conn.run("UPDATE meta SET value = ? WHERE key = 'schema_version'", [m.version]);
      conn.exec('COMMIT');
    } catch (error) {
      rollbackQuietly(conn);
      throw new ServerError(
        'ERR_STORE_MIGRATION_FAILED',
        `Migration ${m.version} (${m.name}) failed: ${(error as Error).message}`,
        { version: m.version, name: m.name },
        { cause: error },
      );
    }
    applied.push(m.version);
  }
  return applied;
}

export function rollbackQuietly(conn: SqlConnection): void {
  try {
    conn.exec('ROLLBACK');
  } catch {
    /* SQLite may already have rolled back (e.g. after SQLITE_FULL) */
  }
}
