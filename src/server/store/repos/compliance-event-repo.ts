import type { ComplianceEventWriter } from '../../services/compliance/compliance-recorder-port.js';
import type { SqlWriter } from '../sql-store.js';
import { bit, toJson } from './sql-values.js';

type ComplianceEventInput = Parameters<ComplianceEventWriter['record']>[0];

/**
 * Writes compliance_events rows (migration 0005) inside the caller's transaction. The row id is
 * derived from the journal-deterministic sequence (`seq`), so replay reproduces it.
 */
export function complianceEventWriter(db: SqlWriter): ComplianceEventWriter {
  return {
    record(e: ComplianceEventInput) {
      const seq = Number(db.get<{ n: number }>('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM compliance_events')!.n);
      db.run(
        `INSERT INTO compliance_events (seq, id, type, at, room_id, room_uri, room_name, room_logged, user_id, user_uri,
           user_name, user_email, message_id, content, details_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          seq,
          `ce-${e.at}-${seq}`,
          e.type,
          e.at,
          e.room.id,
          e.room.uri,
          e.room.name,
          bit(e.room.logged),
          e.user.id,
          e.user.uri,
          e.user.name,
          e.user.email,
          e.messageId ?? 0,
          e.content ?? '',
          toJson(e.details),
        ],
      );
    },
  };
}
