import { describe, expect, it } from 'vitest';
import {
  decodePayload,
  encodeFrame,
  encodePayload,
  FRAME_HEADER_BYTES,
  peekPayloadSeq,
  readFrameAt,
} from './journal-frame.js';
import { scanSegment } from './journal-scan.js';

const payload = (seq: number) => ({
  seq,
  schemaVersion: 3,
  ops: [
    { sql: 'INSERT INTO t VALUES (?, ?, ?)', params: [seq, `text ${seq} é`, new Uint8Array([0, seq % 256, 255])] },
    { sql: 'UPDATE t SET x = :x', params: { x: Number.POSITIVE_INFINITY } },
    { sql: 'DELETE FROM t WHERE 0' },
  ],
});

describe('journal frames', () => {
  it('encode as [u32 length][u32 crc32][utf-8 json] and decode back', () => {
    const frame = encodeFrame(payload(7));
    const body = encodePayload(payload(7));
    expect(frame.readUInt32LE(0)).toBe(body.length);
    expect(frame.subarray(FRAME_HEADER_BYTES).toString('utf8')).toBe(body.toString('utf8'));
    expect(JSON.parse(body.toString('utf8'))).toMatchObject({ seq: 7, schemaVersion: 3 });
    const read = readFrameAt(frame, 0);
    expect(read.kind).toBe('frame');
    expect(read.kind === 'frame' && read.payload).toEqual(payload(7));
    expect(decodePayload(body)).toEqual(payload(7));
  });

  it('expose their sequence without decoding, and skip decoding only at or below decodeAbove', () => {
    for (const seq of [0, 7, 12_345, 9_007_199_254_740_991])
      expect(peekPayloadSeq(encodePayload({ ...payload(1), seq }))).toBe(seq);
    expect(peekPayloadSeq(Buffer.from('{"schemaVersion":1,"seq":3}'))).toBeUndefined();
    expect(peekPayloadSeq(Buffer.from('{"seq":3'))).toBeUndefined();
    expect(peekPayloadSeq(Buffer.from('{"seq":,'))).toBeUndefined();
    const frame = encodeFrame(payload(7));
    expect(readFrameAt(frame, 0, 7)).toEqual({ kind: 'frame', seq: 7, payload: undefined, end: frame.length });
    expect(readFrameAt(frame, 0, 6)).toEqual({ kind: 'frame', seq: 7, payload: payload(7), end: frame.length });
    // the checksum is verified whether or not the frame is decoded
    const flipped = Buffer.from(frame);
    flipped[FRAME_HEADER_BYTES + 30]! ^= 0x01;
    expect(readFrameAt(flipped, 0, 100)).toMatchObject({ kind: 'bad', reason: 'checksum' });
  });

  it('detect a checksum mismatch and a short payload', () => {
    const frame = encodeFrame(payload(1));
    const flipped = Buffer.from(frame);
    flipped[FRAME_HEADER_BYTES + 5]! ^= 0x01;
    expect(readFrameAt(flipped, 0)).toMatchObject({ kind: 'bad', reason: 'checksum' });
    expect(readFrameAt(frame.subarray(0, frame.length - 1), 0)).toMatchObject({ kind: 'bad', reason: 'short-payload' });
    expect(readFrameAt(frame.subarray(0, 5), 0)).toMatchObject({ kind: 'bad', reason: 'short-header' });
  });
});

describe('scanSegment', () => {
  const frames = [1, 2, 3, 4].map((s) => encodeFrame(payload(s)));
  const whole = Buffer.concat(frames);

  it('reads every frame of an intact segment', () => {
    const scan = scanSegment(whole);
    expect(scan.bad).toBeUndefined();
    expect(scan.frames.map((f) => f.seq)).toEqual([1, 2, 3, 4]);
    expect(scan.frames.map((f) => f.payload)).toEqual([1, 2, 3, 4].map(payload));
  });

  it('decodes only the frames above decodeAbove but still refuses a damaged frame below it', () => {
    const scan = scanSegment(whole, 2);
    expect(scan.frames.map((f) => [f.seq, f.payload?.seq])).toEqual([
      [1, undefined],
      [2, undefined],
      [3, 3],
      [4, 4],
    ]);
    const damaged = Buffer.from(whole);
    damaged[frames[0]!.length + 20]! ^= 0x04; // inside frame 2's payload
    expect(scanSegment(damaged, 2)).toMatchObject({
      frames: [{ seq: 1 }],
      bad: { offset: frames[0]!.length, reason: 'checksum', tornTail: false },
    });
  });

  it('treats a cut at every byte offset of the final frame as a torn tail', () => {
    const lastStart = whole.length - frames[3]!.length;
    for (let cut = lastStart + 1; cut < whole.length; cut++) {
      const scan = scanSegment(whole.subarray(0, cut));
      expect(scan.frames.map((f) => f.seq)).toEqual([1, 2, 3]);
      expect(scan.bad).toMatchObject({ offset: lastStart, tornTail: true });
    }
    expect(scanSegment(Buffer.concat([whole, Buffer.alloc(100)])).bad).toMatchObject({
      offset: whole.length,
      tornTail: true,
    });
  });

  it('treats a checksum failure in the final frame as a torn tail', () => {
    const damaged = Buffer.from(whole);
    damaged[damaged.length - 3]! ^= 0x20;
    expect(scanSegment(damaged).bad).toMatchObject({ reason: 'checksum', tornTail: true });
  });

  it('reports a flipped bit in a middle frame as corruption, not a tail', () => {
    const offset2 = frames[0]!.length;
    for (const at of [offset2 + 12, offset2 + 1, offset2 + 4]) {
      const damaged = Buffer.from(whole);
      damaged[at]! ^= 0x10;
      const scan = scanSegment(damaged);
      expect(scan.frames.map((f) => f.seq)).toEqual([1]);
      expect(scan.bad).toMatchObject({ offset: offset2, tornTail: false });
    }
  });
});
