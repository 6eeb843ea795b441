import { readFileSync } from 'node:fs';
import { scanSegment, type BadFrame } from './journal-scan.js';
import type { JournalPayload } from './journal-frame.js';
import { readSnapshotFile, type SnapshotHeader } from './snapshot-file.js';
import { listStoreFiles, type StoreListing } from './store-files.js';

export interface SnapshotReport {
  name: string;
  path: string;
  bytes: number;
  valid: boolean;
  header?: SnapshotHeader;
  error?: string;
}

export interface SegmentReport {
  name: string;
  path: string;
  bytes: number;
  firstSeq: number | null;
  lastSeq: number | null;
  frames: number;
  bad?: BadFrame;
}

/** A bad frame that is not a torn tail: recovery must refuse. */
export interface JournalCorruption {
  file: string;
  offset: number;
  reason: string;
}

export interface JournalInspection {
  segments: SegmentReport[];
  /** Every good frame in order, with where it came from (`payload` undefined if not decoded). */
  frames: { seq: number; payload: JournalPayload | undefined; file: string; offset: number; end: number }[];
  tornTail?: { file: string; offset: number; droppedBytes: number; reason: string };
  corruption?: JournalCorruption;
}

export function inspectSnapshots(listing: StoreListing): SnapshotReport[] {
  return listing.snapshots.map((s) => {
    try {
      const { header, image } = readSnapshotFile(s.path);
      if (header.seq !== s.seq) throw new Error(`header seq ${header.seq} does not match file name`);
      return { name: s.name, path: s.path, bytes: image.byteLength, valid: true, header };
    } catch (error) {
      let bytes = 0;
      try {
        bytes = readFileSync(s.path).length;
      } catch {
        /* unreadable */
      }
      return { name: s.name, path: s.path, bytes, valid: false, error: (error as Error).message };
    }
  });
}

/**
 * Reads every journal segment. A bad frame is a torn tail only in the last segment and only when
 * nothing valid follows it (STYLE.md §8.4); anything else is corruption.
 */
export function inspectJournal(listing: StoreListing, options: { decodeAbove?: number } = {}): JournalInspection {
  const result: JournalInspection = { segments: [], frames: [] };
  const last = listing.segments.length - 1;
  listing.segments.forEach((seg, index) => {
    const data = readFileSync(seg.path);
    const scan = scanSegment(data, options.decodeAbove);
    const report: SegmentReport = {
      name: seg.name,
      path: seg.path,
      bytes: scan.bytes,
      firstSeq: scan.frames[0]?.seq ?? null,
      lastSeq: scan.frames.at(-1)?.seq ?? null,
      frames: scan.frames.length,
      ...(scan.bad ? { bad: scan.bad } : {}),
    };
    result.segments.push(report);
    if (result.corruption) return;
    for (const f of scan.frames)
      result.frames.push({ seq: f.seq, payload: f.payload, file: seg.path, offset: f.offset, end: f.end });
    if (scan.bad) {
      if (index === last && scan.bad.tornTail) {
        result.tornTail = {
          file: seg.path,
          offset: scan.bad.offset,
          droppedBytes: scan.bytes - scan.bad.offset,
          reason: scan.bad.reason,
        };
      } else {
        result.corruption = { file: seg.path, offset: scan.bad.offset, reason: scan.bad.reason };
      }
    }
  });
  return result;
}

export function inspectStoreDir(dir: string): {
  listing: StoreListing;
  snapshots: SnapshotReport[];
  journal: JournalInspection;
} {
  const listing = listStoreFiles(dir);
  return { listing, snapshots: inspectSnapshots(listing), journal: inspectJournal(listing) };
}
