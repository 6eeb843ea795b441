import type { Migration } from '../migration.js';

/**
 * Compliance processing state (LYNC.md §2.11, DESIGN.md §6):
 * - `compliance_config`: the one `PersistentChatComplianceConfiguration` row (id = 1), created
 *   here with its defaults (disabled, XML adapter, 15-minute RunInterval).
 * - `compliance_batches`: one row per slice of the queue handed to an adapter. A batch is CLAIMED
 *   (its events get `batch_id` and the adapter settings are frozen into `settings_json`) in one
 *   transaction before anything is written, and DELIVERED in another after the adapter succeeded.
 *   A crash in between re-runs exactly the same batch with the same settings, so the adapter
 *   rewrites the same deterministic file names: exactly once in the output. `no` is
 *   AUTOINCREMENT so a number is never reused, even after purges.
 * - `compliance_runs`: one row per processor run (scheduled, manual or retry) for the status
 *   history and chart; every run is also audited.
 */
export const migration0007ComplianceProcessing: Migration = {
  version: 7,
  name: 'compliance-processing',
  up: `
    CREATE TABLE compliance_config (
      id                    INTEGER PRIMARY KEY CHECK (id = 1),
      enabled               INTEGER NOT NULL DEFAULT 0,
      adapter               TEXT NOT NULL DEFAULT 'xml' CHECK (adapter IN ('xml','csv','jsonl','custom')),
      custom_module         TEXT NOT NULL DEFAULT '',
      output_dir            TEXT NOT NULL DEFAULT '',
      run_interval_minutes  INTEGER NOT NULL DEFAULT 15,
      one_room_per_file     INTEGER NOT NULL DEFAULT 0,
      add_room_details      INTEGER NOT NULL DEFAULT 0,
      add_user_details      INTEGER NOT NULL DEFAULT 0,
      attachments_manifest  INTEGER NOT NULL DEFAULT 0,
      retention_hours       INTEGER NOT NULL DEFAULT 24,
      updated_at            TEXT,
      updated_by            TEXT
    );
    INSERT INTO compliance_config (id) VALUES (1);

    CREATE TABLE compliance_batches (
      no             INTEGER PRIMARY KEY AUTOINCREMENT,
      run_id         TEXT NOT NULL,
      first_seq      INTEGER NOT NULL,
      last_seq       INTEGER NOT NULL,
      event_count    INTEGER NOT NULL,
      settings_json  TEXT NOT NULL,
      claimed_at     TEXT NOT NULL,
      delivered_at   TEXT,
      files_json     TEXT,
      attempts       INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX compliance_batches_pending ON compliance_batches (delivered_at, no);

    CREATE TABLE compliance_runs (
      seq                INTEGER PRIMARY KEY AUTOINCREMENT,
      id                 TEXT NOT NULL UNIQUE,
      trigger            TEXT NOT NULL CHECK (trigger IN ('schedule','manual','retry','startup')),
      started_at         TEXT NOT NULL,
      finished_at        TEXT,
      outcome            TEXT NOT NULL CHECK (outcome IN ('running','succeeded','failed','interrupted')),
      queue_depth_before INTEGER NOT NULL,
      queue_depth_after  INTEGER,
      events_processed   INTEGER NOT NULL DEFAULT 0,
      batches            INTEGER NOT NULL DEFAULT 0,
      files              INTEGER NOT NULL DEFAULT 0,
      purged             INTEGER NOT NULL DEFAULT 0,
      error_code         TEXT,
      error_message      TEXT,
      actor              TEXT NOT NULL
    );
  `,
};
