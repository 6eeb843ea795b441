import { describe, expect, it } from 'vitest';
import { parseCSeq } from './headers/cseq.js';
import { parseNameAddr } from './headers/name-addr.js';
import { splitHeaderLines } from './headers/split-header-list.js';
import { parseVia } from './headers/via.js';
import { parseMessage } from './parse-message.js';
import { serializeMessage } from './serialize-message.js';
import { headerValue, headerValues, type SipMessage } from './sip-message.js';
import { parseSipUri } from './sip-uri.js';
import { responseForParseFailure } from './stateless-response.js';
import { loadTortureFixtures, type FixtureExpectation } from './torture-fixtures.test-support.js';

const fixtures = loadTortureFixtures();

function checkMessage(msg: SipMessage, e: FixtureExpectation): void {
  if (msg.kind === 'request') {
    if (e.method) expect(msg.method).toBe(e.method);
    if (e.uri) expect(msg.uri).toBe(e.uri);
    if (e.requestUriUser) expect(parseSipUri(msg.uri)?.user).toBe(e.requestUriUser);
  } else {
    if (e.status) expect(msg.status).toBe(e.status);
    if (e.reason !== undefined) expect(msg.reason).toBe(e.reason);
  }
  for (const [name, value] of Object.entries(e.headers ?? {})) expect(headerValue(msg, name)).toBe(value);
  for (const [name, n] of Object.entries(e.headerCounts ?? {})) expect(headerValues(msg, name)).toHaveLength(n);
  if (e.headerCount !== undefined) expect(msg.headers).toHaveLength(e.headerCount);
  const vias = splitHeaderLines(headerValues(msg, 'Via')).map((v) => parseVia(v));
  if (e.viaCount !== undefined) expect(vias).toHaveLength(e.viaCount);
  (e.vias ?? []).forEach((want, i) => {
    const via = vias[i];
    expect(via).toBeDefined();
    for (const [k, v] of Object.entries(want)) {
      expect((via as unknown as Record<string, unknown>)[k] ?? null, `via[${i}].${k}`).toBe(v);
    }
  });
  for (const [which, want] of [
    ['From', e.from],
    ['To', e.to],
  ] as const) {
    if (!want) continue;
    const na = parseNameAddr(headerValue(msg, which) ?? '');
    expect(na, which).toBeDefined();
    for (const [k, v] of Object.entries(want)) {
      const got =
        k === 'uri'
          ? na?.uri.raw
          : k === 'user'
            ? na?.uri.user
            : k === 'displayName'
              ? na?.displayName
              : k === 'tag'
                ? na?.tag
                : na?.params.get(k);
      expect(got, `${which}.${k}`).toBe(v);
    }
  }
  if (e.contact) {
    const uri = parseNameAddr(headerValue(msg, 'Contact') ?? '')?.uri;
    if (e.contact.host !== undefined) expect(uri?.host).toBe(e.contact.host);
    if (e.contact.port !== undefined) expect(uri?.port).toBe(e.contact.port);
    if (e.contact.maddr !== undefined) expect(uri?.params.get('maddr')).toBe(e.contact.maddr);
  }
  if (e.cseq) expect(parseCSeq(headerValue(msg, 'CSeq') ?? '')).toEqual(e.cseq);
  if (e.bodyLength !== undefined) expect(msg.body.length).toBe(e.bodyLength);
  if (e.bodyEndsWith) expect(msg.body.toString('latin1').endsWith(e.bodyEndsWith)).toBe(true);
  if (e.bodyContainsHex) expect(msg.body.toString('hex')).toContain(e.bodyContainsHex);
  if (e.nonUtf8Headers !== undefined) expect(msg.nonUtf8Headers ?? false).toBe(e.nonUtf8Headers);
}

describe('parseMessage golden torture fixtures', () => {
  it('has fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
  });

  for (const { name, bytes, expected } of fixtures) {
    it(`${name}: ${expected.expect === 'failure' ? `${expected.status} ${expected.reason}` : 'parses'}`, () => {
      const result = parseMessage(bytes);
      if (expected.expect === 'failure') {
        expect(result.kind).toBe('failure');
        if (result.kind !== 'failure') return;
        expect(result.reason).toBe(expected.reason);
        expect(result.status).toBe(expected.status);
        expect(result.detail).not.toMatch(/[\r\n]/);
        const answer = responseForParseFailure(result);
        expect(answer !== undefined).toBe(expected.answerable ?? false);
        if (answer) {
          expect(answer.status).toBe(expected.status);
          expect(headerValue(answer, 'Warning')).toMatch(/^399 parlance "/);
          // The 400 must itself be a well-formed message.
          expect(parseMessage(serializeMessage(answer)).kind).toBe('response');
        }
      } else {
        expect(result.kind).toBe(expected.expect);
        if (result.kind === 'failure') return;
        checkMessage(result, expected);
        // Round trip: what we write parses back to the same message.
        const again = parseMessage(serializeMessage(result));
        expect(again.kind).toBe(expected.expect);
        if (again.kind === 'failure') return;
        checkMessage(again, expected);
        expect(again.body.equals(result.body)).toBe(true);
      }
    });
  }

  it('accepts a message without Content-Length when the transport is message-framed (RFC 7118)', () => {
    const f = fixtures.find((x) => x.name === 'missing-content-length');
    const result = parseMessage(f!.bytes, { requireContentLength: false });
    expect(result.kind).toBe(f!.expected.wsExpect);
    if (result.kind === 'request') expect(result.body.length).toBe(f!.expected.wsBodyLength);
  });

  it('never throws on truncations of every fixture', () => {
    for (const { bytes } of fixtures) {
      for (let cut = 0; cut < Math.min(bytes.length, 600); cut += 7) {
        expect(() => parseMessage(bytes.subarray(0, cut))).not.toThrow();
      }
    }
  });

  it('never throws on random bytes', () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let i = 0; i < 300; i++) {
      const buf = Buffer.alloc(Math.floor(rand() * 300));
      for (let j = 0; j < buf.length; j++) buf[j] = Math.floor(rand() * 256);
      const r = parseMessage(Buffer.concat([Buffer.from('INVITE sip:a@b SIP/2.0\r\n'), buf, Buffer.from('\r\n\r\n')]));
      expect(['request', 'failure']).toContain(r.kind);
    }
  });
});

describe('serializeMessage', () => {
  it('writes full header names and a byte Content-Length, last', () => {
    const f = fixtures.find((x) => x.name === 'compact')!;
    const parsed = parseMessage(f.bytes);
    if (parsed.kind === 'failure') throw new Error(parsed.detail);
    const text = serializeMessage({ ...parsed, body: Buffer.from('é') }).toString('utf8');
    expect(text).toMatch(/^MESSAGE sip:user@example.com SIP\/2.0\r\nVia: /);
    for (const full of ['Via:', 'To:', 'From:', 'Call-ID:', 'Contact:', 'Supported:', 'Content-Type:'])
      expect(text).toContain(`\r\n${full}`);
    expect(text).not.toMatch(/\r\n[vtfimkcl]:/);
    expect(text).toMatch(/\r\nContent-Length: 2\r\n\r\né$/);
  });

  it('keeps non-UTF-8 header bytes when echoing', () => {
    const f = fixtures.find((x) => x.name === 'non-utf8')!;
    const parsed = parseMessage(f.bytes);
    if (parsed.kind === 'failure') throw new Error(parsed.detail);
    expect(serializeMessage(parsed).includes(Buffer.from([0xe9, 0xff]))).toBe(true);
  });
});
