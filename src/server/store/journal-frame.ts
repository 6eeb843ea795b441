import { crc32 } from 'node:zlib';
import type { SqlParams, SqlValue } from './sql-store.js';

/**
 * Journal frames (STYLE.md §8.2): `[u32 byteLength][u32 crc32][utf-8 JSON payload]`, little-endian;
 * the checksum covers the payload. The payload is `{ seq, schemaVersion, ops: [{ sql, params }] }`.
 */
export const FRAME_HEADER_BYTES = 8;
/** Frames larger than this are treated as damaged (a flipped length bit, not a real transaction). */
export const MAX_FRAME_BYTES = 256 * 1024 * 1024;

export interface JournalOp {
  sql: string;
  params?: SqlParams;
}

export interface JournalPayload {
  seq: number;
  schemaVersion: number;
  ops: JournalOp[];
}

type EncodedValue = string | number | null | { b: string } | { n: string };

function encodeValue(value: SqlValue): EncodedValue {
  if (value instanceof Uint8Array)
    return { b: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (typeof value === 'number' && !Number.isFinite(value)) return { n: String(value) };
  return value;
}

function decodeValue(value: EncodedValue): SqlValue {
  if (value !== null && typeof value === 'object') {
    if ('b' in value) return new Uint8Array(Buffer.from(value.b, 'base64'));
    return Number(value.n);
  }
  return value;
}

function encodeParams(params: SqlParams): EncodedValue[] | Record<string, EncodedValue> {
  if (Array.isArray(params)) return (params as SqlValue[]).map(encodeValue);
  const out: Record<string, EncodedValue> = {};
  for (const [k, v] of Object.entries(params as Record<string, SqlValue>)) out[k] = encodeValue(v);
  return out;
}

function decodeParams(params: EncodedValue[] | Record<string, EncodedValue>): SqlParams {
  if (Array.isArray(params)) return params.map(decodeValue);
  const out: Record<string, SqlValue> = {};
  for (const [k, v] of Object.entries(params)) out[k] = decodeValue(v);
  return out;
}

export function encodePayload(payload: JournalPayload): Buffer {
  const json = JSON.stringify({
    seq: payload.seq,
    schemaVersion: payload.schemaVersion,
    ops: payload.ops.map((op) =>
      op.params === undefined ? { sql: op.sql } : { sql: op.sql, params: encodeParams(op.params) },
    ),
  });
  return Buffer.from(json, 'utf8');
}

export function decodePayload(bytes: Uint8Array): JournalPayload {
  const raw = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as {
    seq: unknown;
    schemaVersion: unknown;
    ops: unknown;
  };
  if (!Number.isSafeInteger(raw.seq) || !Number.isSafeInteger(raw.schemaVersion) || !Array.isArray(raw.ops)) {
    throw new Error('Journal payload has an invalid shape');
  }
  const ops = (raw.ops as { sql: unknown; params?: unknown }[]).map((op) => {
    if (typeof op.sql !== 'string') throw new Error('Journal op has no SQL');
    return op.params === undefined
      ? { sql: op.sql }
      : { sql: op.sql, params: decodeParams(op.params as EncodedValue[] | Record<string, EncodedValue>) };
  });
  return { seq: raw.seq as number, schemaVersion: raw.schemaVersion as number, ops };
}

export function encodeFrame(payload: JournalPayload): Buffer {
  const body = encodePayload(payload);
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + body.length);
  frame.writeUInt32LE(body.length, 0);
  frame.writeUInt32LE(crc32(body), 4);
  body.copy(frame, FRAME_HEADER_BYTES);
  return frame;
}

export type FrameReadResult =
  | { kind: 'frame'; payload: JournalPayload; end: number }
  | {
      kind: 'bad';
      reason: 'short-header' | 'short-payload' | 'bad-length' | 'checksum' | 'payload';
      declaredEnd: number;
    };

/** Reads the frame at `offset` of `buf` (the whole segment). */
export function readFrameAt(buf: Uint8Array, offset: number): FrameReadResult {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (offset + FRAME_HEADER_BYTES > b.length) return { kind: 'bad', reason: 'short-header', declaredEnd: b.length };
  const length = b.readUInt32LE(offset);
  const sum = b.readUInt32LE(offset + 4);
  const start = offset + FRAME_HEADER_BYTES;
  if (length === 0 || length > MAX_FRAME_BYTES) return { kind: 'bad', reason: 'bad-length', declaredEnd: start };
  const end = start + length;
  if (end > b.length) return { kind: 'bad', reason: 'short-payload', declaredEnd: end };
  const body = b.subarray(start, end);
  if (crc32(body) !== sum) return { kind: 'bad', reason: 'checksum', declaredEnd: end };
  try {
    return { kind: 'frame', payload: decodePayload(body), end };
  } catch {
    return { kind: 'bad', reason: 'payload', declaredEnd: end };
  }
}
