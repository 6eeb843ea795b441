/**
 * A compliance event as the Channel service records it (LYNC.md §5.1). The Channel service
 * calls `w.compliance.record(event)` (the DataPort writer) INSIDE the transaction of the action itself, so the
 * action and its archive record are durable together or not at all (DESIGN.md §6 step 1).
 */
export type ComplianceEventType =
  | 'JOIN'
  | 'PART'
  | 'CHAT'
  | 'BACKCHAT'
  | 'FILEUPLOAD'
  | 'FILEDOWNLOAD'
  /** An administrator removed a message (messages.removeOrReplace with remove). */
  | 'CHATDELETE'
  /** An administrator replaced a message's text. */
  | 'CHATREPLACE'
  /** An administrator cleared a room's history up to a date (rooms.clearHistory). */
  | 'HISTORYCLEAR';

export interface ComplianceEventInput {
  type: ComplianceEventType;
  /** ISO-8601 UTC from the injected clock. */
  at: string;
  room: { id: string | null; uri: string; name: string; logged: boolean };
  user: { id: string | null; uri: string; name: string; email: string };
  /** Per-room message sequence id for CHAT and admin message events, 0 otherwise. */
  messageId?: number;
  /** CHAT: the text; BACKCHAT: what was requested; file events: the server-side file name. */
  content?: string;
  details?: Record<string, unknown>;
}
