/**
 * The one storage port the services see: synchronous reads, and write transactions that resolve
 * once durable. Implemented in store/repos over the SqlStore; services never import store.
 */
import type { AuditReader, AuditWriter } from '../audit/audit-repo-port.js';
import type { SessionReader, SessionWriter } from '../auth/session-repo-port.js';
import type { CategoryReader, CategoryWriter } from '../categories/category-repo-port.js';
import type { ComplianceQueueReader, ComplianceQueueWriter } from '../compliance/compliance-queue-port.js';
import type { PolicyReader, PolicyWriter } from '../policy/policy-repo-port.js';
import type { RoomReader, RoomWriter } from '../rooms/room-repo-port.js';
import type { UserReader, UserWriter } from '../users/user-repo-port.js';

export interface Readers {
  categories: CategoryReader;
  rooms: RoomReader;
  users: UserReader;
  sessions: SessionReader;
  audit: AuditReader;
  /** The compliance processor's view of the queue (configuration, batches, runs). */
  complianceQueue: ComplianceQueueReader;
  policies: PolicyReader;
}

export interface Writers {
  categories: CategoryWriter;
  rooms: RoomWriter;
  users: UserWriter;
  complianceQueue: ComplianceQueueWriter;
  sessions: SessionWriter;
  audit: AuditWriter;
  policies: PolicyWriter;
}

export interface DataPort {
  read<T>(fn: (r: Readers) => T): T;
  /** `fn` runs synchronously; a throw rolls back and rejects with the thrown error. */
  transaction<T>(fn: (w: Writers) => T): Promise<T>;
}
