import type { Migration } from '../migration.js';

/**
 * Who changed what, when: one row per mutation, written in the same transaction as the change
 * (STYLE.md practice 6). `seq` orders rows; old/new values are JSON (NULL when absent).
 */
export const migration0003AuditLog: Migration = {
  version: 3,
  name: 'audit-log',
  up: `
    CREATE TABLE audit_log (
      seq            INTEGER PRIMARY KEY,
      id             TEXT NOT NULL UNIQUE,
      at             TEXT NOT NULL,
      actor          TEXT NOT NULL,
      actor_id       TEXT,
      action         TEXT NOT NULL,
      target         TEXT,
      old_json       TEXT,
      new_json       TEXT,
      remote_address TEXT
    );
    CREATE INDEX audit_log_at ON audit_log (at);
    CREATE INDEX audit_log_action ON audit_log (action, at);
  `,
};
