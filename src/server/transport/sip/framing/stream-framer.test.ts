import { describe, expect, it } from 'vitest';
import { loadTortureFixtures } from '../codec/torture-fixtures.test-support.js';
import { createStreamFramer, type FramerResult } from './stream-framer.js';

const MAX = 256 * 1024;
const PING = Buffer.from('\r\n\r\n');
const streamFixtures = loadTortureFixtures().filter((f) => f.expected.stream !== false);

/** All fixtures back to back, with keep-alives between some of them. */
const stream = Buffer.concat(streamFixtures.flatMap((f, i) => (i % 3 === 0 ? [PING, f.bytes] : [f.bytes])));
const expectedFrameCount = streamFixtures.reduce((n, f) => n + (f.expected.frames ?? 1), 0);
const expectedPings = streamFixtures.filter((_, i) => i % 3 === 0).length;

function feed(chunks: Buffer[]): { frames: Buffer[]; keepAlives: number; error?: FramerResult['error'] } {
  const framer = createStreamFramer({ maxMessageBytes: MAX });
  const frames: Buffer[] = [];
  let keepAlives = 0;
  for (const c of chunks) {
    const r = framer.push(c);
    frames.push(...r.frames);
    keepAlives += r.keepAlives;
    if (r.error) return { frames, keepAlives, error: r.error };
  }
  return { frames, keepAlives };
}

describe('stream framer over the concatenated torture fixtures', () => {
  it('frames the whole stream in one chunk', () => {
    const r = feed([stream]);
    expect(r.error).toBeUndefined();
    expect(r.frames).toHaveLength(expectedFrameCount);
    expect(r.keepAlives).toBe(expectedPings);
    // The frames are exactly the fixture bytes, in order, without the keep-alives.
    expect(Buffer.concat(r.frames).equals(Buffer.concat(streamFixtures.map((f) => f.bytes)))).toBe(true);
  });

  it('gives the same frames when split at every byte into two chunks', () => {
    const reference = feed([stream]).frames;
    // Every byte of the stream, except inside the two very large fixtures, where every 61st byte
    // and every byte within 80 of their edges is tried (the full sweep there is quadratic).
    const cuts: number[] = [];
    let offset = 0;
    for (const [i, f] of streamFixtures.entries()) {
      const start = offset + (i % 3 === 0 ? PING.length : 0);
      const end = start + f.bytes.length;
      const big = f.bytes.length > 8192;
      for (let c = offset; c < end; c++) {
        if (!big || c < start + 80 || c > end - 80 || (c - start) % 61 === 0) cuts.push(c);
      }
      offset = end;
    }
    expect(offset).toBe(stream.length);
    expect(cuts.length).toBeGreaterThan(10_000);
    for (const cut of cuts) {
      if (cut === 0) continue;
      const r = feed([stream.subarray(0, cut), stream.subarray(cut)]);
      if (r.error || r.frames.length !== reference.length || r.keepAlives !== expectedPings) {
        throw new Error(`split at ${cut}: ${r.error?.code ?? ''} ${r.frames.length} frames, ${r.keepAlives} pings`);
      }
      for (let i = 0; i < reference.length; i++) {
        if (!r.frames[i]!.equals(reference[i]!)) throw new Error(`split at ${cut}: frame ${i} differs`);
      }
    }
  });

  it('gives the same frames fed one byte at a time', () => {
    const bytes: Buffer[] = [];
    for (let i = 0; i < stream.length; i++) bytes.push(stream.subarray(i, i + 1));
    const r = feed(bytes);
    expect(r.error).toBeUndefined();
    expect(Buffer.concat(r.frames).equals(Buffer.concat(streamFixtures.map((f) => f.bytes)))).toBe(true);
    expect(r.keepAlives).toBe(expectedPings);
  });

  it('cuts frames by bytes, not characters (multi-byte UTF-8 and binary bodies)', () => {
    const mpart = streamFixtures.find((f) => f.name === 'mpart01')!;
    const r = feed([mpart.bytes, mpart.bytes]);
    expect(r.frames.map((f) => f.length)).toEqual([mpart.bytes.length, mpart.bytes.length]);
  });
});

describe('stream framer keep-alives and errors', () => {
  const options = (f: string) => loadTortureFixtures().find((x) => x.name === f)!.bytes;

  it('counts CRLF CRLF pings and skips lone CRLF pongs', () => {
    const framer = createStreamFramer({ maxMessageBytes: MAX });
    expect(framer.push(Buffer.from('\r\n\r\n\r\n\r\n'))).toEqual({ frames: [], keepAlives: 2 });
    expect(framer.push(Buffer.from('\r\n'))).toEqual({ frames: [], keepAlives: 0 });
    const r = framer.push(Buffer.concat([Buffer.from('\r\n'), options('lwsdisp')]));
    expect(r.keepAlives).toBe(1);
    expect(r.frames).toHaveLength(1);
  });

  it('reports a missing Content-Length (RFC 3261 §18.3) with the header section', () => {
    const r = feed([options('missing-content-length')]);
    expect(r.error?.code).toBe('missing-content-length');
    expect(r.error?.head?.toString()).toMatch(/^OPTIONS sip:user@example.com SIP\/2.0/);
  });

  it('reports an invalid Content-Length', () => {
    expect(feed([options('bad-content-length')]).error?.code).toBe('bad-content-length');
  });

  it('waits for the body a too-large Content-Length announces', () => {
    const r = feed([options('wrong-content-length')]);
    expect(r).toEqual({ frames: [], keepAlives: 0 });
  });

  it('refuses a message above the maximum size, by header size or by Content-Length', () => {
    const small = createStreamFramer({ maxMessageBytes: 4096 });
    const huge = options('huge-headers');
    expect(small.push(huge).error?.code).toBe('message-too-large');
    const small2 = createStreamFramer({ maxMessageBytes: 4096 });
    const head = Buffer.from('INFO sip:a@b SIP/2.0\r\nContent-Length: 100000\r\n\r\n');
    const e = small2.push(head).error;
    expect(e?.code).toBe('message-too-large');
    expect(e?.head?.toString()).toContain('Content-Length: 100000');
    // A slow trickle of header bytes without a blank line also hits the limit.
    const small3 = createStreamFramer({ maxMessageBytes: 4096 });
    small3.push(Buffer.from('INFO sip:a@b SIP/2.0\r\n'));
    let err;
    for (let i = 0; i < 200 && !err; i++) err = small3.push(Buffer.from(`X-Pad: ${'p'.repeat(40)}\r\n`)).error;
    expect(err?.code).toBe('message-too-large');
  });

  it('rejects garbage as soon as the first line is complete, and stays dead', () => {
    const framer = createStreamFramer({ maxMessageBytes: MAX });
    expect(framer.push(Buffer.from('GET / HTTP/1.1\r\n')).error?.code).toBe('garbage');
    expect(framer.push(options('lwsdisp')).error?.code).toBe('garbage');
    expect(feed([Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x0a])]).error?.code).toBe(
      'garbage',
    );
  });

  it('returns the frames before an error in the same chunk', () => {
    const r = feed([Buffer.concat([options('lwsdisp'), Buffer.from('junk junk\r\n')])]);
    expect(r.frames).toHaveLength(1);
    expect(r.error?.code).toBe('garbage');
  });

  it('never throws on random bytes', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let i = 0; i < 200; i++) {
      const framer = createStreamFramer({ maxMessageBytes: 2048 });
      for (let k = 0; k < 10; k++) {
        const buf = Buffer.alloc(Math.floor(rand() * 400));
        for (let j = 0; j < buf.length; j++) buf[j] = rand() < 0.1 ? 0x0a : Math.floor(rand() * 256);
        expect(() => framer.push(buf)).not.toThrow();
      }
    }
  });
});
