/**
 * CSV adapter (RFC 4180: comma-separated, CRLF line ends, fields quoted when they contain a comma,
 * quote, CR or LF; quotes doubled). One row per event, all nine types, in Conversation order (room
 * and RunInterval slot) and seq order within.
 *
 * Spreadsheet formula injection (OWASP "CSV Injection"): a chat line such as
 * `=HYPERLINK("http://evil","x")` would become a live formula when the file is opened in Excel or
 * LibreOffice. Every text cell whose first character is `=`, `+`, `-`, `@`, TAB or CR is therefore
 * written with a single quote `'` in front — and so is a text cell that already starts with `'`,
 * so that the rule can be undone exactly: drop one leading `'` from a text cell to get the original
 * value back. The numeric and boolean columns (`seq`, `roomLogged`, `principalId`, `messageId`) are
 * written as they are (`-5` stays a number). Deterministic: the same batch gives the same bytes.
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

/** RFC 4180 quoting: a field with a comma, quote, CR or LF is quoted, its quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** First characters that make a spreadsheet read a cell as a formula, plus `'` (see above). */
const FORMULA_LEAD = /^[=+\-@\t\r']/;

/** A text cell: formula-escaped (`'` in front when it starts with a trigger), then RFC 4180 quoted. */
export function csvTextCell(value: string): string {
  return csvField(FORMULA_LEAD.test(value) ? `'${value}` : value);
}

/** A numeric or boolean cell, written as is (never a formula: digits, `-`, `true`/`false`). */
function literalCell(value: number | boolean): string {
  return String(value);
}

function row(e: QueuedComplianceEvent, c: ComplianceConversation, batch: ComplianceBatchInfo): string {
  const details = batch.settings.addChatRoomDetails ? e.room.details : null;
  const t = csvTextCell;
  const cells = [
    literalCell(e.seq),
    t(e.id),
    t(e.type),
    t(e.at),
    t(e.room.uri),
    t(e.room.name),
    literalCell(e.room.logged),
    t(e.user.uri),
    t(e.user.name),
    t(e.user.email),
    literalCell(e.user.principalId),
    literalCell(e.messageId),
    t(e.content),
    t(e.details ? JSON.stringify(e.details) : ''),
    t(c.startAt),
    t(c.endAt),
    t(details?.description ?? ''),
    t(details?.category ?? ''),
    t(details?.privacy ?? ''),
    t(details?.type ?? ''),
  ];
  return cells.join(',') + '\r\n';
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
