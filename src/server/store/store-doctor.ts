import { copyFileSync, closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Logger } from '../log/logger.js';
import { loadSqlJs } from './sql-js-loader.js';
import { fsyncDir } from './store-files.js';
import {
  inspectStoreDir,
  type JournalCorruption,
  type SegmentReport,
  type SnapshotReport,
} from './store-inspection.js';
import { storeLockHolder } from './store-lock.js';
import { STORE_PRAGMAS } from './store-pragmas.js';
import { recoverStore } from './store-recovery.js';

export type StoreHealth = 'ok' | 'empty' | 'torn-tail' | 'corrupt' | 'unrecoverable';

export interface StoreHealthReport {
  dir: string;
  health: StoreHealth;
  /** pid of a running server holding the directory, if any. */
  lockedBy: number | null;
  snapshots: Omit<SnapshotReport, 'path'>[];
  segments: Omit<SegmentReport, 'path'>[];
  journalBytes: number;
  tornTail: { file: string; offset: number; droppedBytes: number } | null;
  corruption: JournalCorruption | null;
  /** Sequence a start-up would reach (null when it would refuse). */
  lastSeq: number | null;
  schemaVersion: number | null;
  databaseBytes: number | null;
  error: string | null;
}

/** The store's health without changing a byte (what `parlance doctor` prints). */
export async function diagnoseStore(dir: string, logger: Logger): Promise<StoreHealthReport> {
  const { listing, snapshots, journal } = inspectStoreDir(dir);
  const report: StoreHealthReport = {
    dir,
    health: 'ok',
    lockedBy: storeLockHolder(dir) ?? null,
    snapshots: snapshots.map(({ path: _p, ...s }) => s),
    segments: journal.segments.map(({ path: _p, ...s }) => s),
    journalBytes: journal.segments.reduce((n, s) => n + s.bytes, 0),
    tornTail: journal.tornTail ? { ...journal.tornTail } : null,
    corruption: journal.corruption ?? null,
    lastSeq: null,
    schemaVersion: null,
    databaseBytes: null,
    error: null,
  };
  if (listing.snapshots.length === 0 && listing.segments.length === 0) {
    report.health = 'empty';
    return report;
  }
  try {
    const sqlJs = await loadSqlJs();
    const recovered = recoverStore(sqlJs, dir, logger, STORE_PRAGMAS, { modifyFiles: false });
    report.lastSeq = recovered.lastSeq;
    report.schemaVersion = recovered.schemaVersion;
    report.databaseBytes = recovered.conn.sizeBytes();
    recovered.conn.close();
    report.health = journal.tornTail ? 'torn-tail' : 'ok';
  } catch (error) {
    report.error = (error as Error).message;
    report.health = journal.corruption ? 'corrupt' : 'unrecoverable';
  }
  return report;
}

export interface RepairResult {
  repaired: boolean;
  copiedTo: string | null;
  truncated: { file: string; offset: number } | null;
  removedSegments: string[];
}

/**
 * `doctor --repair`: copies the damaged segment and every later one aside, truncates the damaged
 * segment at its first bad frame and removes the later segments (their frames would leave a gap).
 * The frames cut off are lost; their copies stay in `damaged-<time>/` for inspection.
 */
export function repairJournal(dir: string, corruption: JournalCorruption, now = new Date()): RepairResult {
  const { listing } = inspectStoreDir(dir);
  const index = listing.segments.findIndex((s) => s.path === corruption.file);
  if (index === -1) return { repaired: false, copiedTo: null, truncated: null, removedSegments: [] };
  const aside = join(dir, `damaged-${now.toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(aside, { recursive: true });
  const affected = listing.segments.slice(index);
  for (const seg of affected) copyFileSync(seg.path, join(aside, seg.name));
  fsyncDir(aside);
  const fd = openSync(corruption.file, 'r+');
  try {
    ftruncateSync(fd, corruption.offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const removed: string[] = [];
  for (const seg of affected.slice(1)) {
    rmSync(seg.path);
    removed.push(basename(seg.path));
  }
  fsyncDir(dir);
  return {
    repaired: true,
    copiedTo: aside,
    truncated: { file: corruption.file, offset: corruption.offset },
    removedSegments: removed,
  };
}
