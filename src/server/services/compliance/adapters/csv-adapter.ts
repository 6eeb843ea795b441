/**
 * CSV adapter (RFC 4180: comma-separated, CRLF line ends, fields quoted when they contain a comma,
 * quote, CR or LF; quotes doubled). One row per event, all nine types, in Conversation order (room
 * and RunInterval slot) and seq order within. Values are written verbatim — no spreadsheet-formula
 * escaping, because an archive must not alter content; open it as data, not as a formula sheet.
 */
import type { ComplianceAdapter, ComplianceBatchInfo, ComplianceConversation } from '../compliance-adapter.js';
import type { QueuedComplianceEvent } from '../compliance-queue-port.js';

export const CSV_COLUMNS = [
  'seq',
  'eventId',
  'type',
  'timeUtc',
  'roomUri',
  'roomName',
  'roomLogged',
  'userUri',
  'userName',
  'userEmail',
  'principalId',
  'messageId',
  'content',
  'details',
  'conversationStartUtc',
  'conversationEndUtc',
  'roomDescription',
  'roomCategory',
  'roomPrivacy',
  'roomType',
] as const;

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function row(e: QueuedComplianceEvent, c: ComplianceConversation, batch: ComplianceBatchInfo): string {
  const details = batch.settings.addChatRoomDetails ? e.room.details : null;
  const fields = [
    String(e.seq),
    e.id,
    e.type,
    e.at,
    e.room.uri,
    e.room.name,
    String(e.room.logged),
    e.user.uri,
    e.user.name,
    e.user.email,
    String(e.user.principalId),
    String(e.messageId),
    e.content,
    e.details ? JSON.stringify(e.details) : '',
    c.startAt,
    c.endAt,
    details?.description ?? '',
    details?.category ?? '',
    details?.privacy ?? '',
    details?.type ?? '',
  ];
  return fields.map(csvField).join(',') + '\r\n';
}

export function* csvDocument(conversations: readonly ComplianceConversation[], batch: ComplianceBatchInfo) {
  yield CSV_COLUMNS.join(',') + '\r\n';
  for (const c of conversations) {
    let chunk = '';
    for (const e of c.events) chunk += row(e, c, batch);
    yield chunk;
  }
}

export function createCsvAdapter(): ComplianceAdapter {
  return {
    name: 'csv',
    async translate(batch, conversations, out) {
      const name = `${batch.baseName}.csv`;
      await out.writeFile(name, csvDocument(conversations, batch));
      return [name];
    },
  };
}
