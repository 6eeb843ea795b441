import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log/logger.js';
import type { JournalWriter } from './journal-writer.js';
import { encodeSnapshot, writeFileDurably, writeFileDurablySync } from './snapshot-file.js';
import type { SqlStoreEngine } from './sql-store-engine.js';
import { listStoreFiles, snapshotName } from './store-files.js';

export interface SnapshotPolicy {
  everyFrames: number;
  everyBytes: number;
  everyMs: number;
}

export const DEFAULT_SNAPSHOT_POLICY: SnapshotPolicy = {
  everyFrames: 100_000,
  everyBytes: 64 * 1024 * 1024,
  everyMs: 10 * 60 * 1000,
};

/** Snapshots kept on disk; the older one is the fallback if the newest is damaged. */
export const SNAPSHOTS_KEPT = 2;

/**
 * Periodic snapshots (STYLE.md §8.3). `export()` runs between transactions; the journal rotates at
 * the same moment; the file is written asynchronously (temp → fsync → rename → fsync dir) while
 * the writer goes on; then old snapshots and the segments only they needed are deleted.
 * Requests made while a snapshot is being written coalesce into one more.
 */
export class Snapshotter {
  framesSince = 0;
  bytesSince = 0;
  lastSeq: number;
  lastBytes = 0;
  lastWrittenAt: string | null = null;
  lastDurationMs: number | null = null;
  count = 0;
  private running: Promise<void> | undefined;
  private again = false;
  private scheduled = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly dir: string,
    private readonly engine: SqlStoreEngine,
    private readonly journal: JournalWriter,
    private readonly logger: Logger,
    private readonly policy: SnapshotPolicy,
    initialSeq: number,
  ) {
    this.lastSeq = initialSeq;
    if (policy.everyMs > 0 && Number.isFinite(policy.everyMs)) {
      this.timer = setInterval(() => {
        if (this.framesSince > 0) this.request();
      }, policy.everyMs);
      this.timer.unref();
    }
  }

  afterCommit(frameBytes: number): void {
    this.framesSince++;
    this.bytesSince += frameBytes;
    if (this.framesSince >= this.policy.everyFrames || this.bytesSince >= this.policy.everyBytes) this.request();
  }

  /** Asks for a snapshot soon (between transactions). Resolves when the requested one is durable. */
  request(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running.then(() => this.running ?? Promise.resolve());
    }
    if (!this.scheduled) {
      this.scheduled = true;
      this.running = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.runLoop());
    }
    return this.running ?? Promise.resolve();
  }

  private async runLoop(): Promise<void> {
    this.scheduled = false;
    try {
      do {
        this.again = false;
        if (this.engine.isReadOnly || this.stopped) break;
        await this.snapshotOnce();
      } while (this.again);
    } catch (error) {
      this.logger.error('snapshot failed; the journal still holds every write', { error: (error as Error).message });
    } finally {
      this.running = undefined;
    }
  }

  private async snapshotOnce(): Promise<void> {
    const started = performance.now();
    // Between transactions: the JavaScript thread is the writer, so nothing interleaves here.
    const image = this.engine.conn.export();
    const seq = this.engine.lastSeq;
    const schemaVersion = this.engine.currentSchemaVersion;
    this.journal.rotate(seq + 1);
    this.framesSince = 0;
    this.bytesSince = 0;
    const exportMs = performance.now() - started;
    await writeFileDurably(join(this.dir, snapshotName(seq)), encodeSnapshot(image, seq, schemaVersion));
    await this.journal.whenDurable();
    this.prune();
    this.lastSeq = seq;
    this.lastBytes = image.byteLength;
    this.lastWrittenAt = new Date().toISOString();
    this.lastDurationMs = performance.now() - started;
    this.count++;
    this.logger.info('snapshot written', { seq, bytes: image.byteLength, exportMs, totalMs: this.lastDurationMs });
  }

  /** Keeps the newest snapshots and the journal segments needed to replay from the oldest kept one. */
  prune(): void {
    pruneStoreFiles(this.dir, this.journal.currentSegmentFirstSeq);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}

export function pruneStoreFiles(dir: string, currentSegmentFirstSeq: number): void {
  const listing = listStoreFiles(dir);
  const kept = listing.snapshots.slice(-SNAPSHOTS_KEPT);
  for (const old of listing.snapshots.slice(0, -SNAPSHOTS_KEPT)) rmSync(old.path, { force: true });
  const oldestKept = kept[0]?.seq;
  if (oldestKept === undefined) return;
  const segs = listing.segments;
  for (let i = 0; i < segs.length; i++) {
    const next = segs[i + 1];
    const seg = segs[i]!;
    // a segment holds [seg.seq, next.seq - 1]; it is obsolete if all of that is in the oldest kept snapshot
    if (next && next.seq - 1 <= oldestKept && seg.seq < currentSegmentFirstSeq) rmSync(seg.path, { force: true });
  }
}

/** A snapshot written synchronously (start-up after migrations, CLI). */
export function writeSnapshotSync(dir: string, image: Uint8Array, seq: number, schemaVersion: number): void {
  writeFileDurablySync(join(dir, snapshotName(seq)), encodeSnapshot(image, seq, schemaVersion));
}
