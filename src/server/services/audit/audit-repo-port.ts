/** One audit-log row: who did what to which target, with the old and new values. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  actorId: string | null;
  /** `<resource>.<verb>` such as `room.create`, `auth.login_failed`, `auth.forbidden`. */
  action: string;
  target: string | null;
  oldValue: unknown;
  newValue: unknown;
  remoteAddress: string | null;
}

export interface AuditQuery {
  limit: number;
  /** Exact action or a prefix ending in `.` (`room.`). */
  action?: string;
}

export interface AuditReader {
  /** Newest first. */
  list(query: AuditQuery): AuditEntry[];
  count(): number;
}

export interface AuditWriter extends AuditReader {
  append(entry: AuditEntry): void;
}
