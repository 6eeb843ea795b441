/**
 * The compliance processor's side of the queue (services/compliance/compliance-queue-port.ts):
 * configuration, batch claims and deliveries, purges, run history and event browsing. Batches are
 * addressed by seq RANGE plus batch number, so every read and update uses the primary key.
 */
import type {
  BatchSettings,
  ComplianceBatch,
  ComplianceConfig,
  ComplianceEventType,
  ComplianceQueueReader,
  ComplianceQueueWriter,
  ComplianceRun,
  QueuedComplianceEvent,
} from '../../services/compliance/compliance-queue-port.js';
import type { SqlReader, SqlValue, SqlWriter } from '../sql-store.js';
import { bit, bool, likeContains } from './sql-values.js';

type ConfigRow = {
  enabled: number;
  adapter: string;
  custom_module: string;
  output_dir: string;
  run_interval_minutes: number;
  one_room_per_file: number;
  add_room_details: number;
  add_user_details: number;
  attachments_manifest: number;
  retention_hours: number;
  updated_at: string | null;
  updated_by: string | null;
};

type EventRow = {
  seq: number;
  id: string;
  type: string;
  at: string;
  room_id: string | null;
  room_uri: string;
  room_name: string;
  room_logged: number;
  user_id: string | null;
  user_uri: string;
  user_name: string;
  user_email: string;
  message_id: number;
  content: string;
  details_json: string | null;
  delivered_at: string | null;
  batch_id: string | null;
  principal_id: number | null;
  r_description: string | null;
  r_category: string | null;
  r_privacy: string | null;
  r_type: string | null;
};

type BatchRow = {
  no: number;
  run_id: string;
  first_seq: number;
  last_seq: number;
  event_count: number;
  settings_json: string;
  claimed_at: string;
  delivered_at: string | null;
  files_json: string | null;
  attempts: number;
};

type RunRow = {
  id: string;
  trigger: string;
  started_at: string;
  finished_at: string | null;
  outcome: string;
  queue_depth_before: number;
  queue_depth_after: number | null;
  events_processed: number;
  batches: number;
  files: number;
  purged: number;
  error_code: string | null;
  error_message: string | null;
  actor: string;
};

const EVENT_SELECT = `
  SELECT e.*, u.rowid AS principal_id,
         r.description AS r_description, c.name AS r_category, r.privacy AS r_privacy, r.type AS r_type
    FROM compliance_events e
    LEFT JOIN users u ON u.id = e.user_id
    LEFT JOIN rooms r ON r.id = e.room_id
    LEFT JOIN categories c ON c.id = r.category_id`;

function toConfig(row: ConfigRow): ComplianceConfig {
  return {
    enabled: bool(row.enabled),
    adapter: row.adapter as ComplianceConfig['adapter'],
    customModule: row.custom_module,
    outputDir: row.output_dir,
    runIntervalMinutes: Number(row.run_interval_minutes),
    oneChatRoomPerOutputFile: bool(row.one_room_per_file),
    addChatRoomDetails: bool(row.add_room_details),
    addUserDetails: bool(row.add_user_details),
    createFileAttachmentsManifest: bool(row.attachments_manifest),
    retentionHours: Number(row.retention_hours),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function toEvent(row: EventRow): QueuedComplianceEvent {
  return {
    seq: Number(row.seq),
    id: row.id,
    type: row.type as ComplianceEventType,
    at: row.at,
    room: {
      id: row.room_id,
      uri: row.room_uri,
      name: row.room_name,
      logged: bool(row.room_logged),
      details:
        row.r_privacy === null
          ? null
          : {
              description: row.r_description ?? '',
              category: row.r_category ?? '',
              privacy: row.r_privacy,
              type: row.r_type ?? '',
            },
    },
    user: {
      id: row.user_id,
      uri: row.user_uri,
      name: row.user_name,
      email: row.user_email,
      principalId: row.principal_id === null ? 0 : Number(row.principal_id),
    },
    messageId: Number(row.message_id),
    content: row.content,
    details: row.details_json === null ? null : (JSON.parse(row.details_json) as Record<string, unknown>),
    deliveredAt: row.delivered_at,
    batchNo: row.batch_id === null ? null : Number(row.batch_id),
  };
}

function toBatch(row: BatchRow): ComplianceBatch {
  return {
    no: Number(row.no),
    runId: row.run_id,
    firstSeq: Number(row.first_seq),
    lastSeq: Number(row.last_seq),
    eventCount: Number(row.event_count),
    settings: JSON.parse(row.settings_json) as BatchSettings,
    claimedAt: row.claimed_at,
    deliveredAt: row.delivered_at,
    files: row.files_json === null ? null : (JSON.parse(row.files_json) as string[]),
    attempts: Number(row.attempts),
  };
}

function toRun(row: RunRow): ComplianceRun {
  return {
    id: row.id,
    trigger: row.trigger as ComplianceRun['trigger'],
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome as ComplianceRun['outcome'],
    queueDepthBefore: Number(row.queue_depth_before),
    queueDepthAfter: row.queue_depth_after === null ? null : Number(row.queue_depth_after),
    eventsProcessed: Number(row.events_processed),
    batches: Number(row.batches),
    files: Number(row.files),
    purged: Number(row.purged),
    errorCode: row.error_code,
    errorMessage: row.error_message,
    actor: row.actor,
  };
}

export function complianceQueueReader(db: SqlReader): ComplianceQueueReader {
  return {
    getConfig: () => toConfig(db.get<ConfigRow>('SELECT * FROM compliance_config WHERE id = 1')!),
    queueDepth: () =>
      Number(db.get<{ n: number }>('SELECT COUNT(*) AS n FROM compliance_events WHERE delivered_at IS NULL')?.n ?? 0),
    maxSeq: () => Number(db.get<{ m: number | null }>('SELECT MAX(seq) AS m FROM compliance_events')?.m ?? 0),
    pendingBatches: () =>
      db.all<BatchRow>('SELECT * FROM compliance_batches WHERE delivered_at IS NULL ORDER BY no').map(toBatch),
    batchEvents: ({ no, firstSeq, lastSeq }) =>
      db
        .all<EventRow>(`${EVENT_SELECT} WHERE e.seq BETWEEN ? AND ? AND e.batch_id = ? ORDER BY e.seq`, [
          firstSeq,
          lastSeq,
          String(no),
        ])
        .map(toEvent),
    searchEvents: (q) => {
      const where: string[] = [];
      const params: SqlValue[] = [];
      if (q.room) {
        where.push(`(e.room_uri LIKE ? ESCAPE '\\' OR e.room_name LIKE ? ESCAPE '\\')`);
        params.push(likeContains(q.room), likeContains(q.room));
      }
      if (q.user) {
        where.push(`(e.user_uri LIKE ? ESCAPE '\\' OR e.user_name LIKE ? ESCAPE '\\')`);
        params.push(likeContains(q.user), likeContains(q.user));
      }
      if (q.types && q.types.length > 0) {
        where.push(`e.type IN (${q.types.map(() => '?').join(',')})`);
        params.push(...q.types);
      }
      if (q.from) {
        where.push('e.at >= ?');
        params.push(q.from);
      }
      if (q.to) {
        where.push('e.at < ?');
        params.push(q.to);
      }
      if (q.text) {
        where.push(`e.content LIKE ? ESCAPE '\\'`);
        params.push(likeContains(q.text));
      }
      if (q.state === 'pending') where.push('e.delivered_at IS NULL');
      if (q.state === 'delivered') where.push('e.delivered_at IS NOT NULL');
      const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const total = Number(
        db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM compliance_events e ${clause}`, params)?.n ?? 0,
      );
      const items = db
        .all<EventRow>(`${EVENT_SELECT} ${clause} ORDER BY e.seq DESC LIMIT ? OFFSET ?`, [...params, q.limit, q.offset])
        .map(toEvent);
      return { items, total };
    },
    listRuns: (limit) => db.all<RunRow>('SELECT * FROM compliance_runs ORDER BY seq DESC LIMIT ?', [limit]).map(toRun),
    getRun: (id) => {
      const row = db.get<RunRow>('SELECT * FROM compliance_runs WHERE id = ?', [id]);
      return row ? toRun(row) : undefined;
    },
    lastRunWith: (outcome) => {
      const row = db.get<RunRow>('SELECT * FROM compliance_runs WHERE outcome = ? ORDER BY seq DESC LIMIT 1', [
        outcome,
      ]);
      return row ? toRun(row) : undefined;
    },
  };
}

export function complianceQueueWriter(db: SqlWriter): ComplianceQueueWriter {
  const reader = complianceQueueReader(db);
  return {
    ...reader,
    saveConfig: (c) => {
      db.run(
        `UPDATE compliance_config SET enabled = ?, adapter = ?, custom_module = ?, output_dir = ?,
           run_interval_minutes = ?, one_room_per_file = ?, add_room_details = ?, add_user_details = ?,
           attachments_manifest = ?, retention_hours = ?, updated_at = ?, updated_by = ? WHERE id = 1`,
        [
          bit(c.enabled),
          c.adapter,
          c.customModule,
          c.outputDir,
          c.runIntervalMinutes,
          bit(c.oneChatRoomPerOutputFile),
          bit(c.addChatRoomDetails),
          bit(c.addUserDetails),
          bit(c.createFileAttachmentsManifest),
          c.retentionHours,
          c.updatedAt,
          c.updatedBy,
        ],
      );
    },
    claimNext: ({ limit, maxSeq, runId, settings, at }) => {
      const range = db.get<{ first: number | null; last: number | null; n: number }>(
        `SELECT MIN(seq) AS first, MAX(seq) AS last, COUNT(*) AS n FROM (
           SELECT seq FROM compliance_events
            WHERE delivered_at IS NULL AND batch_id IS NULL AND seq <= ?
            ORDER BY seq LIMIT ?)`,
        [maxSeq, limit],
      );
      if (!range || range.first === null || range.last === null || Number(range.n) === 0) return null;
      db.run(
        `INSERT INTO compliance_batches (run_id, first_seq, last_seq, event_count, settings_json, claimed_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [runId, range.first, range.last, range.n, JSON.stringify(settings), at],
      );
      const no = Number(db.get<{ no: number }>('SELECT MAX(no) AS no FROM compliance_batches')!.no);
      db.run(
        `UPDATE compliance_events SET batch_id = ?
          WHERE seq BETWEEN ? AND ? AND delivered_at IS NULL AND batch_id IS NULL`,
        [String(no), range.first, range.last],
      );
      return toBatch(db.get<BatchRow>('SELECT * FROM compliance_batches WHERE no = ?', [no])!);
    },
    markDelivered: (no, at, files) => {
      const batch = db.get<BatchRow>('SELECT * FROM compliance_batches WHERE no = ?', [no]);
      if (!batch) throw new Error(`compliance batch ${no} does not exist`);
      db.run('UPDATE compliance_events SET delivered_at = ? WHERE seq BETWEEN ? AND ? AND batch_id = ?', [
        at,
        batch.first_seq,
        batch.last_seq,
        String(no),
      ]);
      db.run('UPDATE compliance_batches SET delivered_at = ?, files_json = ?, attempts = attempts + 1 WHERE no = ?', [
        at,
        JSON.stringify(files),
        no,
      ]);
    },
    recordAttempt: (no) => {
      db.run('UPDATE compliance_batches SET attempts = attempts + 1 WHERE no = ?', [no]);
    },
    purgeDelivered: (before, limit) =>
      db.run(
        `DELETE FROM compliance_events WHERE seq IN (
           SELECT seq FROM compliance_events
            WHERE delivered_at IS NOT NULL AND delivered_at < ?
              AND seq < (SELECT MAX(seq) FROM compliance_events)
            ORDER BY seq LIMIT ?)`,
        [before, limit],
      ).changes,
    insertRun: (r) => {
      db.run(
        `INSERT INTO compliance_runs (id, trigger, started_at, finished_at, outcome, queue_depth_before,
           queue_depth_after, events_processed, batches, files, purged, error_code, error_message, actor)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          r.id,
          r.trigger,
          r.startedAt,
          r.finishedAt,
          r.outcome,
          r.queueDepthBefore,
          r.queueDepthAfter,
          r.eventsProcessed,
          r.batches,
          r.files,
          r.purged,
          r.errorCode,
          r.errorMessage,
          r.actor,
        ],
      );
    },
    updateRun: (r) => {
      db.run(
        `UPDATE compliance_runs SET finished_at = ?, outcome = ?, queue_depth_after = ?, events_processed = ?,
           batches = ?, files = ?, purged = ?, error_code = ?, error_message = ? WHERE id = ?`,
        [
          r.finishedAt,
          r.outcome,
          r.queueDepthAfter,
          r.eventsProcessed,
          r.batches,
          r.files,
          r.purged,
          r.errorCode,
          r.errorMessage,
          r.id,
        ],
      );
    },
    interruptRunning: (at) =>
      db.run(
        `UPDATE compliance_runs SET outcome = 'interrupted', finished_at = ?,
           error_code = 'ERR_COMPLIANCE_RUN_INTERRUPTED', error_message = 'The server stopped during the run'
         WHERE outcome = 'running'`,
        [at],
      ).changes,
  };
}
