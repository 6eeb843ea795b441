import { mkdirSync } from 'node:fs';
import type { Logger } from '../log/logger.js';
import { JournalWriter } from './journal-writer.js';
import type { Migration } from './migration.js';
import { loadSqlJs } from './sql-js-loader.js';
import { SqlStoreEngine } from './sql-store-engine.js';
import { backupLiveStore, type BackupResult } from './store-backup.js';
import { listStoreFiles } from './store-files.js';
import { acquireStoreLock } from './store-lock.js';
import { applyMigrations, readSchemaVersion } from './store-meta.js';
import { recoverStore } from './store-recovery.js';
import { DEFAULT_SNAPSHOT_POLICY, pruneStoreFiles, Snapshotter, writeSnapshotSync } from './snapshotter.js';

export interface DurableStoreOptions {
  dir: string;
  migrations: readonly Migration[];
  logger: Logger;
  pragmas: readonly string[];
  groupCommitWindowMs?: number;
  groupCommitMaxFrames?: number;
  snapshotEveryFrames?: number;
  snapshotEveryBytes?: number;
  snapshotEveryMs?: number;
  maxDatabaseBytes?: number;
}

/** The journaled store: recovery, migrations (then a snapshot), journal, periodic snapshots. */
/** The journaled store's extra operations (the admin API's server page uses them). */
export interface DurableStoreExtras {
  /** Takes a snapshot now; resolves when it is durable. */
  snapshotNow(): Promise<void>;
  /** Writes an online, consistent backup (image + the sequence it covers) to `file`. */
  backupTo(file: string): BackupResult;
}

export type DurableSqlStore = SqlStoreEngine & DurableStoreExtras;

export function isDurableSqlStore(store: unknown): store is DurableSqlStore {
  return store instanceof SqlStoreEngine && typeof (store as Partial<DurableStoreExtras>).backupTo === 'function';
}

export async function openDurableStore(options: DurableStoreOptions): Promise<DurableSqlStore> {
  const { dir, logger } = options;
  mkdirSync(dir, { recursive: true });
  const release = acquireStoreLock(dir);
  try {
    const sqlJs = await loadSqlJs();
    const started = performance.now();
    const recovered = recoverStore(sqlJs, dir, logger.child('recovery'), options.pragmas);
    const { conn } = recovered;
    const lastSeq = recovered.lastSeq;
    logger.info('store recovered', {
      dir,
      snapshotSeq: recovered.snapshotSeq,
      replayedFrames: recovered.replayedFrames,
      ftsDeferred: recovered.ftsDeferred,
      ...recovered.phases,
      lastSeq,
      ms: Math.round(performance.now() - started),
    });

    let applied: number[];
    try {
      applied = applyMigrations(conn, options.migrations);
    } catch (error) {
      conn.close();
      throw error;
    }
    const hasSnapshot = listStoreFiles(dir).snapshots.length > 0;
    if (applied.length > 0 || !hasSnapshot) {
      // STYLE.md §8.4 step 2: a snapshot right after migrations (and a first base snapshot).
      writeSnapshotSync(dir, conn.export(), lastSeq, readSchemaVersion(conn));
      logger.info('snapshot after migrations', { applied, seq: lastSeq });
    }

    const journal = await JournalWriter.open({
      dir,
      firstSeq: lastSeq + 1,
      logger: logger.child('journal'),
      ...(options.groupCommitWindowMs === undefined ? {} : { windowMs: options.groupCommitWindowMs }),
      ...(options.groupCommitMaxFrames === undefined ? {} : { maxFrames: options.groupCommitMaxFrames }),
    });
    pruneStoreFiles(dir, journal.currentSegmentFirstSeq);

    const engine = new SqlStoreEngine({
      conn,
      logger,
      schemaVersion: readSchemaVersion(conn),
      lastSeq,
      log: journal,
      ...(options.maxDatabaseBytes === undefined ? {} : { maxDatabaseBytes: options.maxDatabaseBytes }),
    });
    const snapshotter = new Snapshotter(
      dir,
      engine,
      journal,
      logger.child('snapshot'),
      {
        everyFrames: options.snapshotEveryFrames ?? DEFAULT_SNAPSHOT_POLICY.everyFrames,
        everyBytes: options.snapshotEveryBytes ?? DEFAULT_SNAPSHOT_POLICY.everyBytes,
        everyMs: options.snapshotEveryMs ?? DEFAULT_SNAPSHOT_POLICY.everyMs,
      },
      listStoreFiles(dir).snapshots.at(-1)?.seq ?? 0,
    );
    engine.setHooks({
      afterCommit: (bytes) => snapshotter.afterCommit(bytes),
      stats: () => {
        const files = listStoreFiles(dir);
        return {
          journal: {
            segments: files.segments.length,
            bytes: journal.segmentBytes,
            framesSinceSnapshot: snapshotter.framesSince,
            pendingFrames: journal.pendingFrames,
          },
          snapshot: {
            seq: snapshotter.lastSeq,
            bytes: snapshotter.lastBytes,
            writtenAt: snapshotter.lastWrittenAt,
            lastDurationMs: snapshotter.lastDurationMs,
          },
        };
      },
      close: async () => {
        await snapshotter.stop();
        await journal.whenDurable().catch(() => undefined);
      },
      afterClose: release,
    });
    const extras: DurableStoreExtras = {
      snapshotNow: () => snapshotter.request(),
      backupTo: (file) => backupLiveStore(engine, file),
    };
    return Object.assign(engine, extras);
  } catch (error) {
    release();
    throw error;
  }
}
