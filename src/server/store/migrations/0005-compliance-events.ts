import type { Migration } from '../migration.js';

/**
 * The compliance queue (LYNC.md §5.1, DESIGN.md §6): one row per recorded event, written in the
 * SAME transaction as the action it records (join, part, post, history read, file transfer,
 * admin deletion). `seq` is the delivery order; `delivered_at` is set only after an adapter has
 * written the event durably; delivered rows are purged after a retention window.
 * Rooms and users are denormalised into the row so the archive is right even after a rename or
 * deletion.
 */
export const migration0005ComplianceEvents: Migration = {
  version: 5,
  name: 'compliance-events',
  up: `
    CREATE TABLE compliance_events (
      seq            INTEGER PRIMARY KEY,
      id             TEXT NOT NULL UNIQUE,
      type           TEXT NOT NULL CHECK (type IN ('JOIN','PART','CHAT','BACKCHAT','FILEUPLOAD','FILEDOWNLOAD','CHATDELETE','CHATREPLACE','HISTORYCLEAR')),
      at             TEXT NOT NULL,
      room_id        TEXT,
      room_uri       TEXT NOT NULL,
      room_name      TEXT NOT NULL,
      room_logged    INTEGER NOT NULL DEFAULT 1,
      user_id        TEXT,
      user_uri       TEXT NOT NULL,
      user_name      TEXT NOT NULL DEFAULT '',
      user_email     TEXT NOT NULL DEFAULT '',
      message_id     INTEGER NOT NULL DEFAULT 0,
      content        TEXT NOT NULL DEFAULT '',
      details_json   TEXT,
      delivered_at   TEXT,
      batch_id       TEXT
    );
    CREATE INDEX compliance_events_undelivered ON compliance_events (delivered_at, seq);
    CREATE INDEX compliance_events_room_at ON compliance_events (room_uri, at);
    CREATE INDEX compliance_events_user_at ON compliance_events (user_uri, at);
    CREATE INDEX compliance_events_type_at ON compliance_events (type, at);
  `,
};
