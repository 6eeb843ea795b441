import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createNodeSecretGenerator, createScryptPasswordHasher } from './node-auth-crypto.js';

describe('scrypt password hasher', () => {
  const hasher = createScryptPasswordHasher({ cost: 1024 });

  it('verifies the right password only, with a fresh salt per hash', async () => {
    const a = await hasher.hash('correct horse');
    const b = await hasher.hash('correct horse');
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await hasher.verify('correct horse', a)).toBe(true);
    expect(await hasher.verify('correct horsE', a)).toBe(false);
    expect(await hasher.verify('correct horse', 'garbage')).toBe(false);
    expect(await hasher.verify('correct horse', 'scrypt$0$8$1$aa$bb')).toBe(false);
  });

  it('computes the RFC 2617 HA1', () => {
    // RFC 2617 §3.5 example credentials.
    const ha1 = hasher.digestHa1('Mufasa', 'testrealm@host.com', 'Circle Of Life');
    expect(ha1).toBe(createHash('md5').update('Mufasa:testrealm@host.com:Circle Of Life').digest('hex'));
    expect(ha1).toBe('939e7578ed9e3c518a452acee763bce9');
  });
});

describe('secret generator', () => {
  const secrets = createNodeSecretGenerator();
  it('makes distinct URL-safe tokens and readable passwords', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => secrets.newToken()));
    expect(tokens.size).toBe(100);
    for (const t of tokens) expect(t).toMatch(/^[\w-]{43}$/);
    expect(secrets.hashToken('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
    expect(secrets.newPassword()).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
  });
});
