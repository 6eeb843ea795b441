import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createNonceIssuer,
  digestChallenge,
  digestResponse,
  parseDigestCredentials,
  parseNonceCount,
  verifyDigest,
} from './digest-auth.js';
import { createRegisterFailureLimiter } from './register-failure-limiter.js';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

describe('Digest (RFC 2617, qop=auth)', () => {
  // The pidgin-sipe form (XCCOS.md §2.2): uri="(null)", qop=auth, nc=00000001.
  const ha1 = md5('alice:example.com:secret');
  const response = md5(`${ha1}:n1:00000001:c1:auth:${md5('REGISTER:(null)')}`);
  const header = `Digest username="alice", realm="example.com", nonce="n1", uri="(null)", qop=auth, nc=00000001, cnonce="c1", response="${response}", opaque="op"`;

  it('parses credentials, quoted and bare, in any order', () => {
    expect(parseDigestCredentials(header)).toMatchObject({
      username: 'alice',
      realm: 'example.com',
      uri: '(null)',
      qop: 'auth',
      nc: '00000001',
      cnonce: 'c1',
      opaque: 'op',
    });
    expect(parseDigestCredentials('Basic YWxhZGRpbg==')).toBeUndefined();
    expect(parseDigestCredentials('Digest username="a"')).toBeUndefined();
    expect(parseDigestCredentials('Digest username="a\\"b", realm=r, nonce=n, uri="u", response=R')?.username).toBe(
      'a"b',
    );
  });

  it('verifies the COMPAT uri="(null)" response and rejects a wrong one', () => {
    const creds = parseDigestCredentials(header)!;
    expect(verifyDigest(creds, ha1, 'REGISTER')).toBe('ok');
    expect(verifyDigest(creds, md5('alice:example.com:other'), 'REGISTER')).toBe('bad-response');
    expect(verifyDigest(creds, ha1, 'INVITE')).toBe('bad-response');
    expect(verifyDigest({ ...creds, qop: 'auth-int' }, ha1, 'REGISTER')).toBe('unsupported');
    expect(digestResponse({ ha1, method: 'REGISTER', uri: '(null)', nonce: 'n1' })).toBe(
      md5(`${ha1}:n1:${md5('REGISTER:(null)')}`),
    );
  });

  it('issues nonces that expire and cannot be forged', () => {
    let now = 1_000_000;
    const issuer = createNonceIssuer({ now: () => now, lifetimeMs: 60_000 });
    const nonce = issuer.issue();
    expect(issuer.check(nonce)).toBe('valid');
    expect(issuer.check(nonce.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).toBe('invalid');
    expect(issuer.check('garbage')).toBe('invalid');
    expect(createNonceIssuer({ now: () => now, lifetimeMs: 60_000 }).check(nonce)).toBe('invalid');
    now += 60_001;
    expect(issuer.check(nonce)).toBe('stale');
    expect(digestChallenge('example.com', 'n', 'o', true)).toBe(
      'Digest realm="example.com", nonce="n", opaque="o", qop="auth", stale=true',
    );
  });
});

describe('Digest nonce-count (replay)', () => {
  const ha1 = md5('alice:example.com:secret');
  const credsFor = (nonce: string, nc: string | undefined, cnonce: string | undefined, qop: string | undefined) => {
    const response = digestResponse({ ha1, method: 'REGISTER', uri: '(null)', nonce, qop, nc, cnonce });
    return parseDigestCredentials(
      `Digest username="alice", realm="example.com", nonce="${nonce}", uri="(null)", response="${response}"` +
        (qop !== undefined ? `, qop=${qop}` : '') +
        (nc !== undefined ? `, nc=${nc}` : '') +
        (cnonce !== undefined ? `, cnonce="${cnonce}"` : ''),
    )!;
  };

  it('refuses a response without qop=auth, nc or cnonce, or with an nc that is not 8 hex digits', () => {
    expect(verifyDigest(credsFor('n1', '00000001', 'c1', 'auth'), ha1, 'REGISTER')).toBe('ok');
    // The RFC 2069 form is a correct digest, but has no nonce-count to stop a replay.
    expect(verifyDigest(credsFor('n1', undefined, undefined, undefined), ha1, 'REGISTER')).toBe('no-nonce-count');
    expect(verifyDigest(credsFor('n1', undefined, 'c1', 'auth'), ha1, 'REGISTER')).toBe('no-nonce-count');
    expect(verifyDigest(credsFor('n1', '00000001', undefined, 'auth'), ha1, 'REGISTER')).toBe('no-nonce-count');
    expect(verifyDigest(credsFor('n1', '1', 'c1', 'auth'), ha1, 'REGISTER')).toBe('no-nonce-count');
    expect(verifyDigest(credsFor('n1', '0000000g', 'c1', 'auth'), ha1, 'REGISTER')).toBe('no-nonce-count');
    expect(parseNonceCount('0000000a')).toBe(10);
    expect(parseNonceCount('FFFFFFFF')).toBe(0xffffffff);
    expect(parseNonceCount('+0000001')).toBeUndefined();
  });

  it('accepts each nc once and only rising: the same nc again is a replay, a higher one is fresh', () => {
    const now = 1_000_000;
    const issuer = createNonceIssuer({ now: () => now, lifetimeMs: 60_000 });
    const a = issuer.issue();
    expect(issuer.useCount(a, 1)).toBe('fresh');
    expect(issuer.useCount(a, 1)).toBe('replayed');
    expect(issuer.useCount(a, 2)).toBe('fresh');
    expect(issuer.useCount(a, 2)).toBe('replayed');
    expect(issuer.useCount(a, 1)).toBe('replayed');
    expect(issuer.useCount(a, 5)).toBe('fresh');
    expect(issuer.useCount(a, 0)).toBe('replayed');
    expect(issuer.useCount(issuer.issue(), 0)).toBe('replayed'); // nc starts at 00000001
    expect(issuer.tracked).toBe(1);
    expect(issuer.evictions).toBe(0);
  });

  it('gives every challenge its own nonce, also within one millisecond (two clients never share one)', () => {
    const now = 1_000_000;
    const issuer = createNonceIssuer({ now: () => now, lifetimeMs: 60_000 });
    const nonces = Array.from({ length: 50 }, () => issuer.issue());
    expect(new Set(nonces).size).toBe(50);
    for (const n of nonces) {
      expect(issuer.check(n)).toBe('valid');
      expect(issuer.useCount(n, 1)).toBe('fresh');
    }
  });

  it('keeps nonces apart and drops a nonce state once the nonce has expired', () => {
    let now = 1_000_000;
    const issuer = createNonceIssuer({ now: () => now, lifetimeMs: 60_000 });
    const a = issuer.issue();
    now += 30_000;
    const b = issuer.issue();
    expect(issuer.useCount(a, 1)).toBe('fresh');
    expect(issuer.useCount(b, 1)).toBe('fresh');
    expect(issuer.tracked).toBe(2);
    now += 30_000; // a is 60 s old: still valid (check allows age == lifetime)
    expect(issuer.check(a)).toBe('valid');
    expect(issuer.tracked).toBe(2);
    now += 1; // a expires
    expect(issuer.check(a)).toBe('stale');
    expect(issuer.tracked).toBe(1);
    expect(issuer.useCount(b, 1)).toBe('replayed');
    now += 30_000; // b expires
    expect(issuer.tracked).toBe(0);
    expect(issuer.evictions).toBe(0);
  });

  it('bounds the table: the least recently used nonce goes first, counted, and fails closed', () => {
    let now = 1_000_000;
    const issuer = createNonceIssuer({ now: () => now, lifetimeMs: 60_000, maxTracked: 3 });
    const nonces: string[] = [];
    for (let i = 0; i < 5; i++) {
      nonces.push(issuer.issue());
      now += 10;
    }
    const [n0, n1, n2, n3, n4] = nonces as [string, string, string, string, string];
    expect(issuer.useCount(n0, 1)).toBe('fresh');
    expect(issuer.useCount(n2, 1)).toBe('fresh');
    expect(issuer.useCount(n3, 1)).toBe('fresh');
    expect(issuer.useCount(n0, 2)).toBe('fresh'); // n0 used again: n2 is now the least recent
    expect(issuer.useCount(n4, 1)).toBe('fresh'); // full: n2 evicted
    expect(issuer.tracked).toBe(3);
    expect(issuer.evictions).toBe(1);
    // n2's state is gone; its replay must not get through, nor a never-used nonce issued before it.
    expect(issuer.useCount(n2, 1)).toBe('replayed');
    expect(issuer.useCount(n1, 1)).toBe('replayed');
    // Tracked nonces keep their counts; a nonce issued after the evicted one is fine.
    expect(issuer.useCount(n0, 2)).toBe('replayed');
    expect(issuer.useCount(n3, 2)).toBe('fresh');
    expect(issuer.useCount(issuer.issue(), 1)).toBe('fresh');
    expect(issuer.evictions).toBe(2);
    expect(issuer.tracked).toBe(3);
  });
});

describe('REGISTER failure limiter', () => {
  it('blocks an address after N failures in a minute and lets it go afterwards', () => {
    let now = 0;
    const l = createRegisterFailureLimiter({ now: () => now, perMinute: 3 });
    for (let i = 0; i < 3; i++) {
      expect(l.blocked('10.0.0.1')).toBeUndefined();
      l.recordFailure('10.0.0.1');
      now += 1000;
    }
    expect(l.blocked('10.0.0.1')).toBe(57);
    expect(l.blocked('10.0.0.2')).toBeUndefined();
    now = 60_001;
    expect(l.blocked('10.0.0.1')).toBeUndefined();
    now = 200_000;
    expect(l.blocked('10.0.0.1')).toBeUndefined();
    expect(l.trackedAddresses).toBe(0);
  });
});
