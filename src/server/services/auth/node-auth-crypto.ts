/**
 * node:crypto implementations of the auth secrets ports: scrypt password hashes
 * (`scrypt$N$r$p$salt$hash`, base64url), SHA-256 token hashes, MD5 Digest HA1.
 */
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordHasher, SecretGenerator } from './auth-crypto-port.js';

const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, { ...options, maxmem: 256 * options.N! * options.r! }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** `cost` is scrypt's N (a power of two); 16384 is the interactive-login recommendation. */
export function createScryptPasswordHasher({ cost = 16384 }: { cost?: number } = {}): PasswordHasher {
  const r = 8;
  const p = 1;
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await scryptAsync(password, salt, { N: cost, r, p });
      return ['scrypt', cost, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
    },
    async verify(password, hash) {
      const parts = hash.split('$');
      if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
      const [N, rr, pp] = parts.slice(1, 4).map(Number);
      if (!N || !rr || !pp) return false;
      const expected = Buffer.from(parts[5]!, 'base64url');
      const key = await scryptAsync(password, Buffer.from(parts[4]!, 'base64url'), { N, r: rr, p: pp });
      return key.length === expected.length && timingSafeEqual(key, expected);
    },
    digestHa1(username, realm, password) {
      return createHash('md5').update(`${username}:${realm}:${password}`).digest('hex');
    },
  };
}

const PASSWORD_ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function createNodeSecretGenerator(): SecretGenerator {
  return {
    newToken: () => randomBytes(32).toString('base64url'),
    hashToken: (token) => createHash('sha256').update(token).digest('hex'),
    newPassword: () =>
      Array.from({ length: 20 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(''),
  };
}
