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
  if (Array.isArray(params)) {
    // Most parameter lists hold only strings, numbers and nulls: keep the parsed array as it is.
    for (const v of params) if (v !== null && typeof v === 'object') return params.map(decodeValue);
    return params as SqlValue[];
  }
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
  const ops: JournalOp[] = new Array<JournalOp>(raw.ops.length);
  for (let i = 0; i < ops.length; i++) {
    const op = raw.ops[i] as { sql: unknown; params?: unknown };
    if (typeof op.sql !== 'string') throw new Error('Journal op has no SQL');
    ops[i] =
      op.params === undefined
        ? { sql: op.sql }
        : { sql: op.sql, params: decodeParams(op.params as EncodedValue[] | Record<string, EncodedValue>) };
  }
  return { seq: raw.seq as number, schemaVersion: raw.schemaVersion as number, ops };
}

const SEQ_PREFIX = Buffer.from('{"seq":', 'utf8');

/**
 * The sequence number of an encoded payload without parsing it: `encodePayload` always writes
 * `{"seq":<digits>,` first. Undefined if the payload does not start that way.
 */
export function peekPayloadSeq(body: Uint8Array): number | undefined {
  const n = SEQ_PREFIX.length;
  if (body.length <= n) return undefined;
  for (let i = 0; i < n; i++) if (body[i] !== SEQ_PREFIX[i]) return undefined;
  let seq = 0;
  let i = n;
  for (; i < body.length && i < n + 16; i++) {
    const c = body[i]!;
    if (c < 0x30 || c > 0x39) break;
    seq = seq * 10 + (c - 0x30);
  }
  return i > n && body[i] === 0x2c /* , */ ? seq : undefined;
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
  | {
      kind: 'frame';
      seq: number;
      /** Undefined when the frame was only verified (its sequence is at or below `decodeAbove`). */
      payload: JournalPayload | undefined;
      end: number;
    }
  | {
      kind: 'bad';
      reason: 'short-header' | 'short-payload' | 'bad-length' | 'checksum' | 'payload';
      declaredEnd: number;
    };

/**
 * Reads the frame at `offset` of `buf` (the whole segment). Length and checksum are always
 * verified; frames with a sequence at or below `decodeAbove` (already in the snapshot) are not
 * JSON-decoded, since nothing will replay them.
 */
export function readFrameAt(buf: Uint8Array, offset: number, decodeAbove?: number): FrameReadResult {
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
  if (decodeAbove !== undefined) {
    const seq = peekPayloadSeq(body);
    if (seq !== undefined && seq <= decodeAbove) return { kind: 'frame', seq, payload: undefined, end };
  }
  try {
    const payload = decodePayload(body);
    return { kind: 'frame', seq: payload.seq, payload, end };
  } catch {
    return { kind: 'bad', reason: 'payload', declaredEnd: end };
  }
}
