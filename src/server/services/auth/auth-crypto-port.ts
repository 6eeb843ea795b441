/** Secrets handling the auth and user services need, injected so tests can pick cheap costs. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Constant-time comparison. False for a malformed hash. */
  verify(password: string, hash: string): Promise<boolean>;
  /** SIP Digest HA1 = MD5(username:realm:password) (RFC 2617 §3.2.2.2), hex. */
  digestHa1(username: string, realm: string, password: string): string;
}

export interface SecretGenerator {
  /** A fresh bearer token (high entropy, URL-safe). */
  newToken(): string;
  /** What the store keeps instead of the token. */
  hashToken(token: string): string;
  /** A human-typable random password for the first administrator. */
  newPassword(): string;
}
