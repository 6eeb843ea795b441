/**
 * The compliance part of the admin contract (LYNC.md §2.11, §5; DESIGN.md §6), spread into
 * `adminMethods` / `adminEvents` in contract.ts. Imports only zod, like the contract itself.
 */
import { z } from 'zod';

const Timestamp = z.string();

export const COMPLIANCE_EVENT_TYPES = [
  'JOIN',
  'PART',
  'CHAT',
  'BACKCHAT',
  'FILEUPLOAD',
  'FILEDOWNLOAD',
  'CHATDELETE',
  'CHATREPLACE',
  'HISTORYCLEAR',
] as const;
export const ComplianceEventType = z.enum(COMPLIANCE_EVENT_TYPES);
export const ComplianceAdapterKind = z.enum(['xml', 'csv', 'jsonl', 'custom']);

export const MIN_RUN_INTERVAL_MINUTES = 1;
export const MAX_RUN_INTERVAL_MINUTES = 30 * 24 * 60;
export const MAX_RETENTION_HOURS = 24 * 365;

export const ComplianceConfig = z.object({
  enabled: z.boolean(),
  adapter: ComplianceAdapterKind,
  customModule: z.string(),
  /** '' = `<dataDir>/compliance`. */
  outputDir: z.string(),
  runIntervalMinutes: z.number().int(),
  oneChatRoomPerOutputFile: z.boolean(),
  addChatRoomDetails: z.boolean(),
  addUserDetails: z.boolean(),
  createFileAttachmentsManifest: z.boolean(),
  retentionHours: z.number().int(),
  updatedAt: Timestamp.nullable(),
  updatedBy: z.string().nullable(),
});

const AbsolutePathOrEmpty = z
  .string()
  .trim()
  .max(1024)
  .refine((v) => v === '' || v.startsWith('/') || /^[A-Za-z]:[\\/]/.test(v), 'Must be an absolute path');

export const ComplianceConfigUpdateInput = z
  .object({
    enabled: z.boolean().optional(),
    adapter: ComplianceAdapterKind.optional(),
    customModule: AbsolutePathOrEmpty.optional(),
    outputDir: AbsolutePathOrEmpty.optional(),
    runIntervalMinutes: z
      .number()
      .int('RunInterval is a whole number of minutes')
      .min(MIN_RUN_INTERVAL_MINUTES, 'RunInterval must be at least 1 minute')
      .max(MAX_RUN_INTERVAL_MINUTES, 'RunInterval must be at most 30 days')
      .optional(),
    oneChatRoomPerOutputFile: z.boolean().optional(),
    addChatRoomDetails: z.boolean().optional(),
    addUserDetails: z.boolean().optional(),
    createFileAttachmentsManifest: z.boolean().optional(),
    retentionHours: z
      .number()
      .int()
      .min(0, 'Retention cannot be negative')
      .max(MAX_RETENTION_HOURS, 'Retention is at most one year')
      .optional(),
  })
  .strict()
  .refine((v) => v.adapter !== 'custom' || (v.customModule ?? '') !== '', {
    message: 'A custom adapter needs the path of its module',
    path: ['customModule'],
  });

export const ComplianceRunTrigger = z.enum(['schedule', 'manual', 'retry', 'startup']);
export const ComplianceRunOutcome = z.enum(['running', 'succeeded', 'failed', 'interrupted']);

export const ComplianceRun = z.object({
  id: z.string(),
  trigger: ComplianceRunTrigger,
  startedAt: Timestamp,
  finishedAt: Timestamp.nullable(),
  outcome: ComplianceRunOutcome,
  queueDepthBefore: z.number().int(),
  queueDepthAfter: z.number().int().nullable(),
  eventsProcessed: z.number().int(),
  batches: z.number().int(),
  files: z.number().int(),
  purged: z.number().int(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  actor: z.string(),
});

export const ComplianceProgress = z.object({
  runId: z.string(),
  trigger: ComplianceRunTrigger,
  startedAt: Timestamp,
  queueDepthAtStart: z.number().int(),
  eventsProcessed: z.number().int(),
  batches: z.number().int(),
  files: z.number().int(),
});

export const ComplianceStatus = z.object({
  enabled: z.boolean(),
  adapter: ComplianceAdapterKind,
  outputDir: z.string(),
  runIntervalMinutes: z.number().int(),
  queueDepth: z.number().int(),
  pendingBatches: z.number().int(),
  running: ComplianceProgress.nullable(),
  lastRun: ComplianceRun.nullable(),
  lastSuccessAt: Timestamp.nullable(),
  lastError: z.object({ at: Timestamp, code: z.string(), message: z.string() }).nullable(),
  consecutiveFailures: z.number().int(),
  nextRunAt: Timestamp.nullable(),
  /** Finished runs, oldest first (at most 100): the console's chart. */
  history: z.array(
    z.object({
      at: Timestamp,
      queueDepth: z.number().int(),
      eventsProcessed: z.number().int(),
      outcome: ComplianceRunOutcome,
    }),
  ),
});

export const ComplianceQueuedEvent = z.object({
  seq: z.number().int(),
  id: z.string(),
  type: ComplianceEventType,
  at: Timestamp,
  room: z.object({
    id: z.string().nullable(),
    uri: z.string(),
    name: z.string(),
    logged: z.boolean(),
    details: z
      .object({ description: z.string(), category: z.string(), privacy: z.string(), type: z.string() })
      .nullable(),
  }),
  user: z.object({
    id: z.string().nullable(),
    uri: z.string(),
    name: z.string(),
    email: z.string(),
    principalId: z.number().int(),
  }),
  messageId: z.number().int(),
  content: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
  deliveredAt: Timestamp.nullable(),
  batchNo: z.number().int().nullable(),
});

const IsoDate = z
  .string()
  .max(40)
  .refine((v) => !Number.isNaN(Date.parse(v)), 'Must be a date and time (ISO 8601)');

export const ComplianceEventsSearchInput = z
  .object({
    room: z.string().trim().max(256).optional(),
    user: z.string().trim().max(256).optional(),
    types: z.array(ComplianceEventType).max(COMPLIANCE_EVENT_TYPES.length).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    text: z.string().trim().max(256).optional(),
    state: z.enum(['all', 'pending', 'delivered']).default('all'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict()
  .default({ state: 'all', offset: 0, limit: 50 });

export const ComplianceOutputFile = z.object({ name: z.string(), bytes: z.number().int(), modifiedAt: Timestamp });

export const ComplianceOutputPreviewInput = z.object({
  name: z.string().min(1).max(256),
  offset: z.number().int().min(0).default(0),
  maxBytes: z
    .number()
    .int()
    .min(1)
    .max(1024 * 1024)
    .default(64 * 1024),
});

const m = <I extends z.ZodTypeAny, O extends z.ZodTypeAny>(input: I, output: O) =>
  ({ input, output, public: false }) as const;

export const complianceMethods = {
  /** `Get-CsPersistentChatComplianceConfiguration`. */
  'compliance.getConfig': m(z.object({}).strict().default({}), ComplianceConfig),
  /** `Set-CsPersistentChatComplianceConfiguration`; audited. */
  'compliance.updateConfig': m(ComplianceConfigUpdateInput, ComplianceConfig),
  'compliance.status': m(z.object({}).strict().default({}), ComplianceStatus),
  /** Starts a run now (or joins the one in progress); `wait` resolves when it finished. */
  'compliance.runNow': m(
    z
      .object({ wait: z.boolean().default(false) })
      .strict()
      .default({ wait: false }),
    z.object({ run: ComplianceRun, alreadyRunning: z.boolean() }),
  ),
  'compliance.runs.list': m(
    z
      .object({ limit: z.number().int().min(1).max(500).default(50) })
      .strict()
      .default({ limit: 50 }),
    z.object({ items: z.array(ComplianceRun) }),
  ),
  /** Queued and recently delivered events (delivered ones are purged after the retention window), newest first. */
  'compliance.events.search': m(
    ComplianceEventsSearchInput,
    z.object({ items: z.array(ComplianceQueuedEvent), total: z.number().int() }),
  ),
  'compliance.outputs.list': m(
    z.object({}).strict().default({}),
    z.object({ outputDir: z.string(), items: z.array(ComplianceOutputFile) }),
  ),
  'compliance.outputs.preview': m(
    ComplianceOutputPreviewInput,
    z.object({
      name: z.string(),
      bytes: z.number().int(),
      offset: z.number().int(),
      content: z.string(),
      truncated: z.boolean(),
    }),
  ),
} as const;

export const complianceEvents = {
  'compliance.run.progressed': ComplianceProgress,
  'compliance.run.completed': ComplianceRun,
  'compliance.status.changed': z.object({
    reason: z.enum(['config', 'run-started', 'run-finished']),
    queueDepth: z.number().int(),
    running: z.boolean(),
    nextRunAt: Timestamp.nullable(),
  }),
} as const;

export type ComplianceConfigT = z.output<typeof ComplianceConfig>;
export type ComplianceStatusT = z.output<typeof ComplianceStatus>;
export type ComplianceRunT = z.output<typeof ComplianceRun>;
export type ComplianceQueuedEventT = z.output<typeof ComplianceQueuedEvent>;
export type ComplianceOutputFileT = z.output<typeof ComplianceOutputFile>;
export type ComplianceEventTypeT = z.output<typeof ComplianceEventType>;
