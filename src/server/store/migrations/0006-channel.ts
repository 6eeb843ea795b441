import type { Migration } from '../migration.js';
import { messageSearchDdl } from '../message-search.js';

/**
 * The Channel service's tables (LYNC.md §2.2–§2.10, §2.14, §2.15; XCCOS.md §6):
 * - `room_seq`: an integer number per room (the messages' `room_id`, as `tblNode.nodeID`) and the
 *   last per-room message id (`tblLastChatId`);
 * - `messages`: accepted posts of logged rooms (`tblChat`), FTS4 over `text` (store/message-search);
 * - `category_principals` (`tblScopePrincipal` + creators) and `room_roles` (`tblPrincipalRole`);
 *   a principal is `sip:{user}`, `group:{group id}` or `domain:{sip domain}`;
 * - `addins` (`tblSiopWhiteList`), `groups` + `group_members` (directory groups as principals);
 * - `invitations` + `invite_seq` (`tblPrincipalInvites`, `tblLastInviteId`), `prefs` (`tblPreference`),
 *   `follows` (followed rooms), `file_tokens` (`tblFileToken`), `files`;
 * - `server_config`: the one PersistentChatConfiguration row, with the documented defaults.
 */
export const migration0006Channel: Migration = {
  version: 6,
  name: 'channel',
  up: `
    CREATE TABLE addins (
      id          TEXT PRIMARY KEY NOT NULL,
      name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
      url         TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    );
    ALTER TABLE rooms ADD COLUMN addin_id TEXT REFERENCES addins (id);

    CREATE TABLE room_seq (
      room_num  INTEGER PRIMARY KEY,
      room_id   TEXT NOT NULL UNIQUE REFERENCES rooms (id) ON DELETE CASCADE,
      last_seq  INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO room_seq (room_id) SELECT id FROM rooms ORDER BY created_at, id;
    CREATE TRIGGER rooms_seq_ai AFTER INSERT ON rooms BEGIN
      INSERT INTO room_seq (room_id) VALUES (new.id);
    END;

    CREATE TABLE messages (
      id          INTEGER PRIMARY KEY,
      room_id     INTEGER NOT NULL REFERENCES room_seq (room_num) ON DELETE CASCADE,
      room_seq    INTEGER NOT NULL,
      author      TEXT NOT NULL,
      posted_at   INTEGER NOT NULL,
      text        TEXT NOT NULL,
      alert       INTEGER NOT NULL DEFAULT 0,
      story_title TEXT,
      story_body  TEXT,
      extra_json  TEXT
    );
    ${messageSearchDdl()}

    CREATE TABLE groups (
      id          TEXT PRIMARY KEY NOT NULL,
      name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
      description TEXT NOT NULL DEFAULT '',
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    );
    CREATE TABLE group_members (
      group_id  TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
      user_uri  TEXT NOT NULL COLLATE NOCASE,
      PRIMARY KEY (group_id, user_uri)
    );
    CREATE INDEX group_members_user ON group_members (user_uri);

    CREATE TABLE category_principals (
      category_id TEXT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
      kind        TEXT NOT NULL CHECK (kind IN ('allowed', 'denied', 'creator')),
      principal   TEXT NOT NULL COLLATE NOCASE,
      PRIMARY KEY (category_id, kind, principal)
    );
    CREATE INDEX category_principals_principal ON category_principals (principal);

    CREATE TABLE room_roles (
      room_id   TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
      role      TEXT NOT NULL CHECK (role IN ('member', 'manager', 'presenter')),
      principal TEXT NOT NULL COLLATE NOCASE,
      PRIMARY KEY (room_id, role, principal)
    );
    CREATE INDEX room_roles_principal ON room_roles (principal, role);

    CREATE TABLE invite_seq (
      user_uri TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
      last_id  INTEGER NOT NULL
    );
    CREATE TABLE invitations (
      user_uri   TEXT NOT NULL COLLATE NOCASE,
      invite_id  INTEGER NOT NULL,
      room_id    TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      PRIMARY KEY (user_uri, invite_id)
    );
    CREATE INDEX invitations_room ON invitations (room_id);

    CREATE TABLE prefs (
      user_uri TEXT NOT NULL COLLATE NOCASE,
      label    TEXT NOT NULL,
      seqid    INTEGER NOT NULL,
      content  TEXT NOT NULL,
      PRIMARY KEY (user_uri, label)
    );

    CREATE TABLE follows (
      user_uri     TEXT NOT NULL COLLATE NOCASE,
      room_id      TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
      last_read_seq INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (user_uri, room_id)
    );

    CREATE TABLE files (
      id          TEXT PRIMARY KEY NOT NULL,
      room_id     TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
      name        TEXT NOT NULL,
      sha256      TEXT NOT NULL,
      size        INTEGER NOT NULL,
      uploaded_by TEXT NOT NULL,
      uploaded_at TEXT NOT NULL
    );
    CREATE INDEX files_room_name ON files (room_id, name);

    CREATE TABLE file_tokens (
      token      TEXT PRIMARY KEY NOT NULL,
      direction  TEXT NOT NULL CHECK (direction IN ('upload', 'download')),
      user_uri   TEXT NOT NULL,
      room_id    TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
      file_name  TEXT NOT NULL,
      expires_at TEXT NOT NULL
    );

    CREATE TABLE server_config (
      id                       INTEGER PRIMARY KEY CHECK (id = 1),
      default_chat_history     INTEGER NOT NULL,
      max_file_size_kb         INTEGER NOT NULL,
      participant_update_limit INTEGER NOT NULL,
      message_size_limit       INTEGER NOT NULL,
      story_size_limit         INTEGER NOT NULL,
      search_limit             INTEGER NOT NULL,
      room_management_url      TEXT NOT NULL DEFAULT '',
      db_version               TEXT NOT NULL
    );
    INSERT INTO server_config VALUES (1, 30, 20000, 75, 8000, 64000, 999, '', 'f5a7e2c4-6d1b-4c3e-9a8f-0b2d4e6f8a10');
  `,
};
