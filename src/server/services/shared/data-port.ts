/**
 * The one storage port the services see: synchronous reads, and write transactions that resolve
 * once durable. Implemented in store/repos over the SqlStore; services never import store.
 */
import type { AuditReader, AuditWriter } from '../audit/audit-repo-port.js';
import type { SessionReader, SessionWriter } from '../auth/session-repo-port.js';
import type { CategoryReader, CategoryWriter } from '../categories/category-repo-port.js';
import type { DirectoryReader, DirectoryWriter } from '../channel/admin/directory-repo-port.js';
import type { ChannelReader, ChannelWriter } from '../channel/channel-repo-port.js';
import type { ComplianceQueueReader, ComplianceQueueWriter } from '../compliance/compliance-queue-port.js';
import type { ComplianceEventWriter } from '../compliance/compliance-recorder-port.js';
import type { TopicFeedReader, TopicFeedWriter } from '../channel/features/topic-feeds/topic-feed-repo-port.js';
import type { PolicyReader, PolicyWriter } from '../policy/policy-repo-port.js';
import type { RoomReader, RoomWriter } from '../rooms/room-repo-port.js';
import type { UserReader, UserWriter } from '../users/user-repo-port.js';

export interface Readers {
  categories: CategoryReader;
  rooms: RoomReader;
  users: UserReader;
  sessions: SessionReader;
  audit: AuditReader;
  policies: PolicyReader;
  channel: ChannelReader;
  directory: DirectoryReader;
  /** The compliance processor's view of the queue (configuration, batches, runs). */
  complianceQueue: ComplianceQueueReader;
  /** Topic feeds (channel/features/topic-feeds). */
  topicFeeds: TopicFeedReader;
}

export interface Writers {
  categories: CategoryWriter;
  rooms: RoomWriter;
  users: UserWriter;
  sessions: SessionWriter;
  audit: AuditWriter;
  policies: PolicyWriter;
  channel: ChannelWriter;
  directory: DirectoryWriter;
  /** Compliance events, recorded inside the action's own transaction (LYNC.md §5.1). */
  compliance: ComplianceEventWriter;
  complianceQueue: ComplianceQueueWriter;
  topicFeeds: TopicFeedWriter;
}

export interface DataPort {
  read<T>(fn: (r: Readers) => T): T;
  /** `fn` runs synchronously; a throw rolls back and rejects with the thrown error. */
  transaction<T>(fn: (w: Writers) => T): Promise<T>;
}
