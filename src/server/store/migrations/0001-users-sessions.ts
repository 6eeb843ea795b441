import type { Migration } from '../migration.js';

/**
 * Principals that may administer the server (and, later, chat). Passwords are kept only as a
 * scrypt hash and as the SIP Digest HA1 = MD5(user:realm:password) for realm = the SIP domain
 * (RFC 2617 §3.2.2.2); never in plain text. Sessions keep only a SHA-256 hash of their token.
 */
export const migration0001UsersSessions: Migration = {
  version: 1,
  name: 'users-sessions',
  up: `
    CREATE TABLE users (
      id            TEXT PRIMARY KEY NOT NULL,
      sip_uri       TEXT NOT NULL UNIQUE COLLATE NOCASE,
      display_name  TEXT NOT NULL,
      email         TEXT NOT NULL DEFAULT '',
      role          TEXT NOT NULL CHECK (role IN ('admin', 'user')),
      password_hash TEXT NOT NULL,
      digest_realm  TEXT NOT NULL,
      digest_ha1    TEXT NOT NULL,
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    );
    CREATE INDEX users_role ON users (role, created_at);

    CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY NOT NULL,
      user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    );
    CREATE INDEX sessions_user ON sessions (user_id);
    CREATE INDEX sessions_expiry ON sessions (expires_at);
  `,
};
