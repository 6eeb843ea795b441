import { closeSync, fsyncSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * File names inside the data directory. Sequence numbers are zero-padded so names sort in order.
 *  - `snapshot-<seq>.snap`   a database image containing every frame up to and including <seq>
 *  - `journal-<first>.log`   frames from sequence <first> on
 *  - `*.tmp`                 an unfinished snapshot (deleted at start)
 */
const SNAPSHOT_RE = /^snapshot-(\d{16})\.snap$/;
const SEGMENT_RE = /^journal-(\d{16})\.log$/;

export const LOCK_FILE = 'store.lock';

function pad(seq: number): string {
  return String(seq).padStart(16, '0');
}

export function snapshotName(seq: number): string {
  return `snapshot-${pad(seq)}.snap`;
}

export function segmentName(firstSeq: number): string {
  return `journal-${pad(firstSeq)}.log`;
}

export interface StoreFileEntry {
  name: string;
  path: string;
  seq: number;
}

export interface StoreListing {
  /** Oldest first. */
  snapshots: StoreFileEntry[];
  /** Oldest first; `seq` is the first sequence the segment may contain. */
  segments: StoreFileEntry[];
  temporary: string[];
}

export function listStoreFiles(dir: string): StoreListing {
  const listing: StoreListing = { snapshots: [], segments: [], temporary: [] };
  for (const name of readdirSync(dir).sort()) {
    const snap = SNAPSHOT_RE.exec(name);
    const seg = SEGMENT_RE.exec(name);
    if (snap) listing.snapshots.push({ name, path: join(dir, name), seq: Number(snap[1]) });
    else if (seg) listing.segments.push({ name, path: join(dir, name), seq: Number(seg[1]) });
    else if (name.endsWith('.tmp')) listing.temporary.push(join(dir, name));
  }
  return listing;
}

/** Makes a rename or a new file inside `dir` durable. */
export function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
