/**
 * The adapter interface (LYNC.md §5.3; docs/compliance-adapters.md). Lync's `IComplianceAdapter`
 * had `SetConfig(AdapterConfig)` once at load and `Translate(ConversationCollection)` every
 * RunInterval; Parlance's equivalent is a factory taking the configuration and an adapter whose
 * `translate` receives one batch of Conversations and writes it through `ComplianceOutput`.
 *
 * The contract an adapter must keep for exactly-once output: the same batch (same `baseName`,
 * same conversations) must produce the same file names, written through `out.writeFile` (atomic:
 * temp + fsync + rename), so a batch retried after a crash or a failure REPLACES its earlier
 * files instead of adding new ones. Throwing means "not delivered": the batch is retried.
 */
import type { BatchSettings, QueuedComplianceEvent } from './compliance-queue-port.js';

/** One room during one RunInterval slot (LYNC.md §5.2 `Conversation`). */
export interface ComplianceConversation {
  room: QueuedComplianceEvent['room'];
  /** Start and end of the RunInterval slot the events fall in (ISO-8601 UTC). */
  startAt: string;
  endAt: string;
  /** In seq order; at least one. */
  events: readonly QueuedComplianceEvent[];
}

export interface ComplianceBatchInfo {
  no: number;
  firstSeq: number;
  lastSeq: number;
  eventCount: number;
  /** Deterministic file name stem for this batch (and room, with OneChatRoomPerOutputFile). */
  baseName: string;
  settings: BatchSettings;
  /** SIP domain of this server: users of it are `internal`. */
  domain: string;
}

export interface ComplianceOutput {
  /** Writes `name` in the output directory atomically (temp + fsync + rename + fsync dir). */
  writeFile(name: string, chunks: Iterable<string>): Promise<void>;
}

export interface ComplianceAdapter {
  readonly name: string;
  /** Writes the batch; returns the file names written (relative to the output directory). */
  translate(
    batch: ComplianceBatchInfo,
    conversations: readonly ComplianceConversation[],
    out: ComplianceOutput,
  ): Promise<string[]>;
}

/** What a custom module's `createComplianceAdapter(config)` receives (Lync's AdapterConfig). */
export interface AdapterConfig {
  outputDir: string;
  runIntervalMinutes: number;
  oneChatRoomPerOutputFile: boolean;
  addChatRoomDetails: boolean;
  addUserDetails: boolean;
  createFileAttachmentsManifest: boolean;
  domain: string;
}

export type ComplianceAdapterFactory = (config: AdapterConfig) => ComplianceAdapter | Promise<ComplianceAdapter>;

/** The types Lync's XML schema knows (LYNC.md §5.2); the admin events are Parlance additions. */
export const LYNC_MESSAGE_TYPES = ['JOIN', 'PART', 'CHAT', 'BACKCHAT', 'FILEUPLOAD', 'FILEDOWNLOAD'] as const;
export const ADMIN_MESSAGE_TYPES = ['CHATDELETE', 'CHATREPLACE', 'HISTORYCLEAR'] as const;

export function isLyncType(type: string): boolean {
  return (LYNC_MESSAGE_TYPES as readonly string[]).includes(type);
}
