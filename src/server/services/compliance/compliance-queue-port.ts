/**
 * What the compliance processor reads and writes in the store (implemented by
 * store/repos/compliance-queue-repo.ts, exposed as `Readers.complianceQueue` /
 * `Writers.complianceQueue` of the DataPort). The Channel service only appends events
 * (compliance-recorder-port.ts); everything after that — configuration, claiming batches,
 * marking them delivered, purging, run history, browsing — goes through this port.
 */
import type { ComplianceEventType } from './compliance-event.js';

export type { ComplianceEventInput, ComplianceEventType } from './compliance-event.js';

export type ComplianceAdapterKind = 'xml' | 'csv' | 'jsonl' | 'custom';

/** `PersistentChatComplianceConfiguration` (LYNC.md §2.11) plus Parlance's retention window. */
export interface ComplianceConfig {
  enabled: boolean;
  adapter: ComplianceAdapterKind;
  /** Absolute path of an ES module (adapter `custom`); see docs/compliance-adapters.md. */
  customModule: string;
  /** Absolute directory; '' = `<dataDir>/compliance`. */
  outputDir: string;
  /** RunInterval: 1 minute to 30 days, default 15 minutes. */
  runIntervalMinutes: number;
  oneChatRoomPerOutputFile: boolean;
  addChatRoomDetails: boolean;
  addUserDetails: boolean;
  createFileAttachmentsManifest: boolean;
  /** Delivered events stay browsable this long before they are purged (0 = purge at once). */
  retentionHours: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** The adapter settings frozen into a batch when it is claimed (re-used verbatim on a retry). */
export interface BatchSettings {
  adapter: ComplianceAdapterKind;
  customModule: string;
  /** Resolved absolute output directory. */
  outputDir: string;
  runIntervalMinutes: number;
  oneChatRoomPerOutputFile: boolean;
  addChatRoomDetails: boolean;
  addUserDetails: boolean;
  createFileAttachmentsManifest: boolean;
}

/** One queued event as the adapters see it. */
export interface QueuedComplianceEvent {
  seq: number;
  id: string;
  type: ComplianceEventType;
  /** ISO-8601 UTC. */
  at: string;
  room: {
    id: string | null;
    uri: string;
    name: string;
    logged: boolean;
    /** The room as it is now (AddChatRoomDetails); null when the room no longer exists. */
    details: { description: string; category: string; privacy: string; type: string } | null;
  };
  user: {
    id: string | null;
    uri: string;
    name: string;
    email: string;
    /** Integer principal id (the user's row number; 0 = unknown or deleted user). */
    principalId: number;
  };
  messageId: number;
  content: string;
  details: Record<string, unknown> | null;
  deliveredAt: string | null;
  batchNo: number | null;
}

export interface ComplianceBatch {
  no: number;
  runId: string;
  firstSeq: number;
  lastSeq: number;
  eventCount: number;
  settings: BatchSettings;
  claimedAt: string;
  deliveredAt: string | null;
  files: string[] | null;
  attempts: number;
}

export type ComplianceRunTrigger = 'schedule' | 'manual' | 'retry' | 'startup';
export type ComplianceRunOutcome = 'running' | 'succeeded' | 'failed' | 'interrupted';

export interface ComplianceRun {
  id: string;
  trigger: ComplianceRunTrigger;
  startedAt: string;
  finishedAt: string | null;
  outcome: ComplianceRunOutcome;
  queueDepthBefore: number;
  queueDepthAfter: number | null;
  eventsProcessed: number;
  batches: number;
  files: number;
  purged: number;
  errorCode: string | null;
  errorMessage: string | null;
  actor: string;
}

export interface ComplianceEventQuery {
  /** Substring of the room URI or name (case-insensitive). */
  room?: string | undefined;
  /** Substring of the user URI or name (case-insensitive). */
  user?: string | undefined;
  types?: readonly ComplianceEventType[] | undefined;
  /** Inclusive lower bound, ISO-8601. */
  from?: string | undefined;
  /** Exclusive upper bound, ISO-8601. */
  to?: string | undefined;
  /** Substring of the content. */
  text?: string | undefined;
  state: 'all' | 'pending' | 'delivered';
  offset: number;
  limit: number;
}

export interface ComplianceQueueReader {
  getConfig(): ComplianceConfig;
  /** Undelivered events (claimed or not). */
  queueDepth(): number;
  /** Highest seq in the queue now (0 when empty). */
  maxSeq(): number;
  /** Claimed but not yet delivered batches, oldest first (left over by a crash or a failure). */
  pendingBatches(): ComplianceBatch[];
  /** The events of a batch in seq order. */
  batchEvents(batch: Pick<ComplianceBatch, 'no' | 'firstSeq' | 'lastSeq'>): QueuedComplianceEvent[];
  searchEvents(query: ComplianceEventQuery): { items: QueuedComplianceEvent[]; total: number };
  /** Newest first. */
  listRuns(limit: number): ComplianceRun[];
  getRun(id: string): ComplianceRun | undefined;
  /** The newest run with this outcome. */
  lastRunWith(outcome: ComplianceRunOutcome): ComplianceRun | undefined;
}

export interface ComplianceQueueWriter extends ComplianceQueueReader {
  saveConfig(config: ComplianceConfig): void;
  /**
   * Claims up to `limit` unclaimed, undelivered events with seq ≤ `maxSeq` (in seq order) as a
   * new batch with these settings; null when there is nothing to claim.
   */
  claimNext(input: {
    limit: number;
    maxSeq: number;
    runId: string;
    settings: BatchSettings;
    at: string;
  }): ComplianceBatch | null;
  markDelivered(no: number, at: string, files: readonly string[]): void;
  recordAttempt(no: number): void;
  /** Deletes up to `limit` events delivered before `before`; never the newest row (keeps seq monotonic). */
  purgeDelivered(before: string, limit: number): number;
  insertRun(run: ComplianceRun): void;
  updateRun(run: ComplianceRun): void;
  /** Runs left `running` by a crash become `interrupted`; returns how many. */
  interruptRunning(at: string): number;
}
