import type { Migration } from '../migration.js';

/**
 * Persistent Chat policies (LYNC.md §2.9): one `global` row that always exists (EnablePersistentChat
 * is false there until an administrator enables it), `site:{name}` rows and per-user `tag:{name}`
 * rows; a user has at most one per-user policy (`user_policies`). Effective policy: user → site →
 * global. Also a second Digest HA1 for clients that send the full address as the Digest user name
 * (`alice@example.com` instead of `alice`); empty until the user's password is next set.
 */
export const migration0004ChatPolicies: Migration = {
  version: 4,
  name: 'chat-policies',
  up: `
    CREATE TABLE chat_policies (
      id                     TEXT PRIMARY KEY NOT NULL,
      identity               TEXT NOT NULL UNIQUE COLLATE NOCASE,
      scope                  TEXT NOT NULL CHECK (scope IN ('global', 'site', 'user')),
      description            TEXT NOT NULL DEFAULT '',
      enable_persistent_chat INTEGER NOT NULL CHECK (enable_persistent_chat IN (0, 1)),
      created_at             TEXT NOT NULL,
      updated_at             TEXT NOT NULL
    );
    INSERT INTO chat_policies (id, identity, scope, description, enable_persistent_chat, created_at, updated_at)
      VALUES ('global', 'global', 'global', '', 0, '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z');

    CREATE TABLE user_policies (
      user_id   TEXT PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      policy_id TEXT NOT NULL REFERENCES chat_policies (id)
    );
    CREATE INDEX user_policies_policy ON user_policies (policy_id);

    ALTER TABLE users ADD COLUMN digest_ha1_address TEXT NOT NULL DEFAULT '';
  `,
};
