import { FRAME_HEADER_BYTES, readFrameAt, type JournalPayload } from './journal-frame.js';

export interface ScannedFrame {
  offset: number;
  end: number;
  seq: number;
  /** Undefined for a frame only verified, not decoded (see `scanSegment`'s `decodeAbove`). */
  payload: JournalPayload | undefined;
}

export interface BadFrame {
  offset: number;
  reason: string;
  /**
   * True when the damage can only be a torn final append: nothing after `offset` is a valid
   * frame and the rest of the file is a cut-off frame or zero fill.
   */
  tornTail: boolean;
}

export interface SegmentScan {
  frames: ScannedFrame[];
  bytes: number;
  bad?: BadFrame;
}

const PAYLOAD_START = Buffer.from('{"seq":', 'utf8');

/** True if some offset after `from` holds a frame with a valid checksum (resynchronisation). */
export function hasValidFrameAfter(buf: Buffer, from: number): boolean {
  let at = buf.indexOf(PAYLOAD_START, from + 1);
  while (at !== -1) {
    const start = at - FRAME_HEADER_BYTES;
    if (start > from && readFrameAt(buf, start).kind === 'frame') return true;
    at = buf.indexOf(PAYLOAD_START, at + 1);
  }
  return false;
}

function allZero(buf: Buffer, from: number): boolean {
  for (let i = from; i < buf.length; i++) if (buf[i] !== 0) return false;
  return true;
}

/**
 * Reads every frame of a segment; stops at the first bad one and classifies it. Every frame's
 * length and checksum are verified; frames with a sequence at or below `decodeAbove` are not
 * decoded (recovery passes the snapshot's sequence: those frames are never replayed).
 */
export function scanSegment(data: Uint8Array, decodeAbove?: number): SegmentScan {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const frames: ScannedFrame[] = [];
  let offset = 0;
  while (offset < buf.length) {
    const r = readFrameAt(buf, offset, decodeAbove);
    if (r.kind === 'frame') {
      frames.push({ offset, end: r.end, seq: r.seq, payload: r.payload });
      offset = r.end;
      continue;
    }
    const reachesEnd = r.declaredEnd >= buf.length || allZero(buf, offset);
    const tornTail = reachesEnd && !hasValidFrameAfter(buf, offset);
    return { frames, bytes: buf.length, bad: { offset, reason: r.reason, tornTail } };
  }
  return { frames, bytes: buf.length };
}
