/**
 * Test and benchmark support: puts compliance events into the queue with plain SQL, the same
 * columns the Channel service's recorder writes (store/repos/compliance-event-repo.ts), so the
 * processor can be exercised before or without chat activity.
 */
import type { ComplianceEventInput } from '../../services/compliance/compliance-queue-port.js';
import type { SqlWriter } from '../sql-store.js';
import { bit } from './sql-values.js';

export function insertQueuedEvent(db: SqlWriter, id: string, e: ComplianceEventInput): void {
  db.run(
    `INSERT INTO compliance_events (id, type, at, room_id, room_uri, room_name, room_logged, user_id, user_uri,
       user_name, user_email, message_id, content, details_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
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
      e.details === undefined ? null : JSON.stringify(e.details),
    ],
  );
}

/**
 * Bulk-inserts `count` synthetic events in ONE statement (a recursive CTE), for benchmarks:
 * `rooms` rooms, `users` users, types cycling through JOIN, CHAT×6, BACKCHAT, FILEUPLOAD,
 * FILEDOWNLOAD, PART; one event every `stepMs` from `startMs`.
 */
export function insertSyntheticEvents(
  db: SqlWriter,
  opts: { count: number; startMs: number; stepMs: number; rooms: number; users: number; domain: string; tag: string },
): void {
  db.run(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO compliance_events (id, type, at, room_id, room_uri, room_name, room_logged, user_id, user_uri,
       user_name, user_email, message_id, content)
     SELECT ? || '-' || i,
            CASE i % 11 WHEN 0 THEN 'JOIN' WHEN 7 THEN 'BACKCHAT' WHEN 8 THEN 'FILEUPLOAD'
                        WHEN 9 THEN 'FILEDOWNLOAD' WHEN 10 THEN 'PART' ELSE 'CHAT' END,
            strftime('%Y-%m-%dT%H:%M:%fZ', (? + i * ?) / 1000.0, 'unixepoch'),
            NULL,
            'ma-chan://' || ? || '/room-' || (i % ?),
            'Room ' || (i % ?),
            1,
            NULL,
            'sip:user' || (i % ?) || '@' || ?,
            'User ' || (i % ?),
            'user' || (i % ?) || '@' || ?,
            CASE WHEN i % 11 BETWEEN 1 AND 6 THEN i ELSE 0 END,
            CASE WHEN i % 11 BETWEEN 1 AND 6 THEN 'Message number ' || i || ' with <markup> & "quotes"' ELSE '' END
       FROM n`,
    [
      opts.count,
      opts.tag,
      opts.startMs,
      opts.stepMs,
      opts.domain,
      opts.rooms,
      opts.rooms,
      opts.users,
      opts.domain,
      opts.users,
      opts.users,
      opts.domain,
    ],
  );
}
