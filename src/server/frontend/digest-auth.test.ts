import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createNonceIssuer,
  digestChallenge,
  digestResponse,
  parseDigestCredentials,
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
