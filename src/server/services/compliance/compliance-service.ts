/**
 * The Compliance service (LYNC.md §5, DESIGN.md §6): configuration, the processor and its
 * scheduler, status, and browsing of the queue and the output.
 *
 * Processing, one batch at a time (bounded memory however long the queue is):
 *   1. claim — ONE transaction takes the next ≤ `chunkSize` unclaimed events in seq order (up to
 *      the queue's end when the run started) as a numbered batch and freezes the adapter settings;
 *   2. deliver — the events are grouped into Conversations (room × RunInterval slot) and handed to
 *      the adapter, which writes files named after the batch atomically;
 *   3. mark — ONE transaction marks the batch's events delivered.
 * A crash or failure between 1 and 3 leaves the batch claimed; the next run delivers exactly that
 * batch again with the same settings, so the adapter rewrites the same files: exactly once. Failed
 * runs retry with exponential backoff (capped at RunInterval). Delivered events are purged after
 * the retention window. Every run is recorded in `compliance_runs` and in the audit log.
 */
import { join } from 'node:path';
import { ServerError, isServerError } from '../../errors/server-error.js';
import type { Logger } from '../../log/logger.js';
import type { AuditService } from '../audit/audit-service.js';
import type { Actor } from '../shared/actor.js';
import { SYSTEM_ACTOR, type ActionContext } from '../shared/actor.js';
import type { Clock, IdGenerator } from '../shared/clock-port.js';
import type { DataPort } from '../shared/data-port.js';
import type { EventPublisher } from '../shared/events-port.js';
import { invalid } from '../shared/validate.js';
import type { AdapterConfig, ComplianceAdapter, ComplianceBatchInfo } from './compliance-adapter.js';
import { createCsvAdapter } from './adapters/csv-adapter.js';
import { loadCustomAdapter } from './adapters/custom-adapter-loader.js';
import { createJsonlAdapter } from './adapters/jsonl-adapter.js';
import { createLyncXmlAdapter } from './adapters/lync-xml-adapter.js';
import { writeAttachmentsManifest } from './attachments-manifest.js';
import { batchBaseName, isSafeOutputName, roomFileKey } from './compliance-files.js';
import type { ComplianceFileSource, ComplianceOutputFile, ComplianceOutputPort } from './compliance-output-port.js';
import type {
  BatchSettings,
  ComplianceBatch,
  ComplianceConfig,
  ComplianceEventQuery,
  ComplianceRun,
  ComplianceRunTrigger,
  QueuedComplianceEvent,
} from './compliance-queue-port.js';
import { MAX_TIMER_MS, type ComplianceTimers } from './compliance-timers-port.js';
import { groupConversations, splitByRoom } from './conversations.js';

export const DEFAULT_CHUNK_SIZE = 5000;
export const MIN_RUN_INTERVAL_MINUTES = 1;
export const MAX_RUN_INTERVAL_MINUTES = 30 * 24 * 60;
const PURGE_CHUNK = 20_000;
const HISTORY_RUNS = 100;
const STARTUP_DELAY_MS = 5_000;

export interface ComplianceDeps {
  data: DataPort;
  audit: AuditService;
  events: EventPublisher;
  clock: Clock;
  newId: IdGenerator;
  timers: ComplianceTimers;
  output: ComplianceOutputPort;
  logger: Logger;
  /** SIP domain: senders of it are `internal`. */
  domain: string;
  /** `<dataDir>/compliance` is the default output directory. */
  dataDir: string;
  /** Uploaded files, for the attachments manifest's copies; null = no file store to copy from. */
  fileSource?: ComplianceFileSource | null;
  /** Events per batch (default 5000). */
  chunkSize?: number;
  /** First retry delay after a failure, doubled per consecutive failure (default 30 s). */
  retryBaseMs?: number;
  /** Test seam (fault injection): wraps the adapter chosen for a batch. */
  wrapAdapter?: (adapter: ComplianceAdapter, batch: ComplianceBatch) => ComplianceAdapter;
}

export interface ComplianceConfigPatch {
  enabled?: boolean | undefined;
  adapter?: ComplianceConfig['adapter'] | undefined;
  customModule?: string | undefined;
  outputDir?: string | undefined;
  runIntervalMinutes?: number | undefined;
  oneChatRoomPerOutputFile?: boolean | undefined;
  addChatRoomDetails?: boolean | undefined;
  addUserDetails?: boolean | undefined;
  createFileAttachmentsManifest?: boolean | undefined;
  retentionHours?: number | undefined;
}

export interface ComplianceProgress {
  runId: string;
  trigger: ComplianceRunTrigger;
  startedAt: string;
  queueDepthAtStart: number;
  eventsProcessed: number;
  batches: number;
  files: number;
}

export interface ComplianceStatus {
  enabled: boolean;
  adapter: ComplianceConfig['adapter'];
  outputDir: string;
  runIntervalMinutes: number;
  queueDepth: number;
  pendingBatches: number;
  running: ComplianceProgress | null;
  lastRun: ComplianceRun | null;
  lastSuccessAt: string | null;
  lastError: { at: string; code: string; message: string } | null;
  consecutiveFailures: number;
  nextRunAt: string | null;
  history: { at: string; queueDepth: number; eventsProcessed: number; outcome: ComplianceRun['outcome'] }[];
}

export type ComplianceService = ReturnType<typeof createComplianceService>;

function errorOf(err: unknown): { code: string; message: string } {
  if (isServerError(err)) return { code: err.code, message: err.message };
  return { code: 'ERR_COMPLIANCE_ADAPTER_FAILED', message: err instanceof Error ? err.message : String(err) };
}

export function createComplianceService(deps: ComplianceDeps) {
  const { data, audit, events, clock, newId, timers, output, domain } = deps;
  const log = deps.logger.child('compliance');
  const chunkSize = deps.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const retryBaseMs = deps.retryBaseMs ?? 30_000;
  const customAdapters = new Map<string, Promise<ComplianceAdapter>>();

  let current: { progress: ComplianceProgress; done: Promise<ComplianceRun> } | null = null;
  let timer: unknown = null;
  let nextRunAt: number | null = null;
  let nextTrigger: ComplianceRunTrigger = 'schedule';
  let consecutiveFailures = 0;
  let stopped = false;

  const nowIso = (): string => clock.now().toISOString();

  function outputDirOf(config: Pick<ComplianceConfig, 'outputDir'>): string {
    return config.outputDir || join(deps.dataDir, 'compliance');
  }

  function getConfig(): ComplianceConfig {
    return data.read((r) => r.complianceQueue.getConfig());
  }

  function settingsOf(config: ComplianceConfig): BatchSettings {
    return {
      adapter: config.adapter,
      customModule: config.customModule,
      outputDir: outputDirOf(config),
      runIntervalMinutes: config.runIntervalMinutes,
      oneChatRoomPerOutputFile: config.oneChatRoomPerOutputFile,
      addChatRoomDetails: config.addChatRoomDetails,
      addUserDetails: config.addUserDetails,
      createFileAttachmentsManifest: config.createFileAttachmentsManifest,
    };
  }

  function adapterConfig(s: BatchSettings): AdapterConfig {
    return {
      outputDir: s.outputDir,
      runIntervalMinutes: s.runIntervalMinutes,
      oneChatRoomPerOutputFile: s.oneChatRoomPerOutputFile,
      addChatRoomDetails: s.addChatRoomDetails,
      addUserDetails: s.addUserDetails,
      createFileAttachmentsManifest: s.createFileAttachmentsManifest,
      domain,
    };
  }

  async function adapterFor(s: BatchSettings): Promise<ComplianceAdapter> {
    switch (s.adapter) {
      case 'xml':
        return createLyncXmlAdapter();
      case 'csv':
        return createCsvAdapter();
      case 'jsonl':
        return createJsonlAdapter();
      case 'custom': {
        let loaded = customAdapters.get(s.customModule);
        if (!loaded) {
          loaded = loadCustomAdapter(s.customModule, adapterConfig(s));
          customAdapters.set(s.customModule, loaded);
          loaded.catch(() => customAdapters.delete(s.customModule));
        }
        return loaded;
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Configuration

  async function updateConfig(patch: ComplianceConfigPatch, { actor }: ActionContext): Promise<ComplianceConfig> {
    const before = getConfig();
    const next: ComplianceConfig = {
      enabled: patch.enabled ?? before.enabled,
      adapter: patch.adapter ?? before.adapter,
      customModule: (patch.customModule ?? before.customModule).trim(),
      outputDir: (patch.outputDir ?? before.outputDir).trim(),
      runIntervalMinutes: patch.runIntervalMinutes ?? before.runIntervalMinutes,
      oneChatRoomPerOutputFile: patch.oneChatRoomPerOutputFile ?? before.oneChatRoomPerOutputFile,
      addChatRoomDetails: patch.addChatRoomDetails ?? before.addChatRoomDetails,
      addUserDetails: patch.addUserDetails ?? before.addUserDetails,
      createFileAttachmentsManifest: patch.createFileAttachmentsManifest ?? before.createFileAttachmentsManifest,
      retentionHours: patch.retentionHours ?? before.retentionHours,
      updatedAt: nowIso(),
      updatedBy: actor.name,
    };
    if (
      !Number.isInteger(next.runIntervalMinutes) ||
      next.runIntervalMinutes < MIN_RUN_INTERVAL_MINUTES ||
      next.runIntervalMinutes > MAX_RUN_INTERVAL_MINUTES
    ) {
      throw invalid('runIntervalMinutes', 'RunInterval must be between 1 minute and 30 days');
    }
    if (next.outputDir && !next.outputDir.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(next.outputDir)) {
      throw invalid('outputDir', 'The output directory must be an absolute path (or empty for the default)');
    }
    if (next.adapter === 'custom') {
      if (!next.customModule) throw invalid('customModule', 'A custom adapter needs the path of its module');
      customAdapters.delete(next.customModule);
      await adapterFor(settingsOf(next)); // refuses a module that does not load or lacks the factory
    }
    await data.transaction((w) => {
      w.complianceQueue.saveConfig(next);
      const { updatedAt: _a, updatedBy: _b, ...oldValue } = before;
      const { updatedAt: _c, updatedBy: _d, ...newValue } = next;
      w.audit.append(audit.entry(actor, 'compliance.config.update', 'compliance', oldValue, newValue));
    });
    if (
      before.enabled !== next.enabled ||
      before.runIntervalMinutes !== next.runIntervalMinutes ||
      (next.enabled && nextRunAt === null)
    ) {
      consecutiveFailures = 0;
      scheduleIn(next.runIntervalMinutes * 60_000, 'schedule', next.enabled);
    }
    announceStatus('config');
    return next;
  }

  // ------------------------------------------------------------------------------------------
  // Scheduler

  function clearTimer(): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  }

  function arm(): void {
    clearTimer();
    if (nextRunAt === null || stopped) return;
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, nextRunAt - clock.now().getTime()));
    timer = timers.setTimeout(fire, wait);
  }

  function fire(): void {
    timer = null;
    if (nextRunAt === null || stopped) return;
    if (clock.now().getTime() < nextRunAt) return arm();
    nextRunAt = null;
    void runOnce(nextTrigger, SYSTEM_ACTOR).catch((err: unknown) => log.error('scheduled run failed', { err }));
  }

  function scheduleIn(ms: number, trigger: ComplianceRunTrigger, enabled: boolean): void {
    if (!enabled || stopped) {
      nextRunAt = null;
      clearTimer();
      return;
    }
    nextRunAt = clock.now().getTime() + ms;
    nextTrigger = trigger;
    arm();
  }

  function backoffMs(failures: number, intervalMs: number): number {
    return Math.min(intervalMs, retryBaseMs * 2 ** Math.min(failures - 1, 30));
  }

  // ------------------------------------------------------------------------------------------
  // Processor

  async function deliver(batch: ComplianceBatch): Promise<string[]> {
    const events: QueuedComplianceEvent[] = data.read((r) => r.complianceQueue.batchEvents(batch));
    if (events.length !== batch.eventCount) {
      throw new ServerError(
        'ERR_INTERNAL',
        `compliance batch ${batch.no} has ${events.length} of ${batch.eventCount} events`,
      );
    }
    const s = batch.settings;
    let adapter = await adapterFor(s);
    if (deps.wrapAdapter) adapter = deps.wrapAdapter(adapter, batch);
    const conversations = groupConversations(events, s.runIntervalMinutes);
    const base = batchBaseName(batch);
    const out = {
      writeFile: (name: string, chunks: Iterable<string>) => {
        if (!isSafeOutputName(name))
          throw new ServerError('ERR_COMPLIANCE_ADAPTER_FAILED', `unsafe output name ${name}`);
        return output.writeFile(s.outputDir, name, chunks);
      },
    };
    const info = (baseName: string): ComplianceBatchInfo => ({
      no: batch.no,
      firstSeq: batch.firstSeq,
      lastSeq: batch.lastSeq,
      eventCount: batch.eventCount,
      baseName,
      settings: s,
      domain,
    });
    const files: string[] = [];
    if (s.oneChatRoomPerOutputFile) {
      for (const group of splitByRoom(conversations)) {
        files.push(...(await adapter.translate(info(`${base}.room-${roomFileKey(group[0]!.room)}`), group, out)));
      }
    } else {
      files.push(...(await adapter.translate(info(base), conversations, out)));
    }
    if (s.createFileAttachmentsManifest) {
      const manifest = await writeAttachmentsManifest({
        events,
        baseName: base,
        outputDir: s.outputDir,
        output,
        fileSource: deps.fileSource ?? null,
      });
      if (manifest) files.push(manifest);
    }
    return files;
  }

  async function execute(run: ComplianceRun, progress: ComplianceProgress, actor: Actor, maxSeq: number) {
    const config = getConfig();
    let batch: ComplianceBatch | null = null;
    try {
      for (;;) {
        if (stopped) throw new ServerError('ERR_COMPLIANCE_RUN_INTERRUPTED', 'The server is stopping');
        const pending = data.read((r) => r.complianceQueue.pendingBatches()[0]);
        batch =
          pending ??
          (await data.transaction((w) =>
            w.complianceQueue.claimNext({
              limit: chunkSize,
              maxSeq,
              runId: run.id,
              settings: settingsOf(config),
              at: nowIso(),
            }),
          ));
        if (!batch) break;
        const files = await deliver(batch);
        const { no, eventCount } = batch;
        await data.transaction((w) => w.complianceQueue.markDelivered(no, nowIso(), files));
        batch = null;
        run.eventsProcessed = progress.eventsProcessed += eventCount;
        run.batches = ++progress.batches;
        run.files = progress.files += files.length;
        events.publish({ name: 'compliance.run.progressed', payload: { ...progress } });
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const before = new Date(clock.now().getTime() - config.retentionHours * 3_600_000).toISOString();
      for (;;) {
        const purged = await data.transaction((w) => w.complianceQueue.purgeDelivered(before, PURGE_CHUNK));
        run.purged += purged;
        if (purged < PURGE_CHUNK) break;
      }
      run.outcome = 'succeeded';
    } catch (err) {
      const e = errorOf(err);
      run.outcome = 'failed';
      run.errorCode = e.code;
      run.errorMessage = e.message;
      log.warn('compliance run failed', { runId: run.id, batch: batch?.no, code: e.code, err });
    }
    run.finishedAt = nowIso();
    run.queueDepthAfter = data.read((r) => r.complianceQueue.queueDepth());
    const failedBatch = run.outcome === 'failed' ? batch : null;
    await data.transaction((w) => {
      if (failedBatch) w.complianceQueue.recordAttempt(failedBatch.no);
      w.complianceQueue.updateRun(run);
      w.audit.append(audit.entry(actor, 'compliance.run', run.id, null, run));
    });
    return run;
  }

  /** Starts a run unless one is in progress; resolves with the finished run. */
  function runOnce(trigger: ComplianceRunTrigger, actor: Actor): Promise<ComplianceRun> {
    if (current) return current.done;
    const startedAt = nowIso();
    const { depth, maxSeq } = data.read((r) => ({
      depth: r.complianceQueue.queueDepth(),
      maxSeq: r.complianceQueue.maxSeq(),
    }));
    const run: ComplianceRun = {
      id: newId(),
      trigger,
      startedAt,
      finishedAt: null,
      outcome: 'running',
      queueDepthBefore: depth,
      queueDepthAfter: null,
      eventsProcessed: 0,
      batches: 0,
      files: 0,
      purged: 0,
      errorCode: null,
      errorMessage: null,
      actor: actor.name,
    };
    const progress: ComplianceProgress = {
      runId: run.id,
      trigger,
      startedAt,
      queueDepthAtStart: depth,
      eventsProcessed: 0,
      batches: 0,
      files: 0,
    };
    clearTimer();
    nextRunAt = null;
    const done = (async () => {
      try {
        await data.transaction((w) => w.complianceQueue.insertRun(run));
        announceStatus('run-started');
        const finished = await execute(run, progress, actor, maxSeq);
        const config = getConfig();
        const intervalMs = config.runIntervalMinutes * 60_000;
        if (finished.outcome === 'succeeded') {
          consecutiveFailures = 0;
          scheduleIn(intervalMs, 'schedule', config.enabled);
        } else {
          consecutiveFailures += 1;
          scheduleIn(backoffMs(consecutiveFailures, intervalMs), 'retry', config.enabled);
        }
        log.info('compliance run finished', {
          runId: run.id,
          outcome: run.outcome,
          events: run.eventsProcessed,
          batches: run.batches,
          purged: run.purged,
        });
        return finished;
      } finally {
        current = null;
      }
    })();
    current = { progress, done };
    void done.then(
      (finished) => {
        events.publish({ name: 'compliance.run.completed', payload: { ...finished } });
        announceStatus('run-finished');
      },
      (err: unknown) => log.error('compliance run could not be recorded', { runId: run.id, err }),
    );
    return done;
  }

  async function runNow(
    { wait }: { wait: boolean },
    { actor }: ActionContext,
  ): Promise<{ run: ComplianceRun; alreadyRunning: boolean }> {
    if (!getConfig().enabled) {
      throw new ServerError('ERR_COMPLIANCE_DISABLED', 'Compliance is disabled: enable it before running it');
    }
    const alreadyRunning = current !== null;
    const done = runOnce('manual', actor);
    if (wait) return { run: await done, alreadyRunning };
    const snapshot = data.read((r) => r.complianceQueue.getRun(current?.progress.runId ?? ''));
    return { run: snapshot ?? (await done), alreadyRunning };
  }

  // ------------------------------------------------------------------------------------------
  // Status, browsing

  function announceStatus(reason: 'config' | 'run-started' | 'run-finished'): void {
    events.publish({
      name: 'compliance.status.changed',
      payload: {
        reason,
        queueDepth: data.read((r) => r.complianceQueue.queueDepth()),
        running: current !== null,
        nextRunAt: nextRunAt === null ? null : new Date(nextRunAt).toISOString(),
      },
    });
  }

  function getStatus(): ComplianceStatus {
    return data.read((r) => {
      const q = r.complianceQueue;
      const config = q.getConfig();
      const runs = q.listRuns(HISTORY_RUNS);
      const lastFinished = runs.find((x) => x.outcome !== 'running') ?? null;
      const lastSuccess = q.lastRunWith('succeeded');
      const lastFailed = runs.find((x) => x.outcome === 'failed' || x.outcome === 'interrupted');
      const lastError =
        lastFailed && (!lastSuccess || lastFailed.startedAt >= lastSuccess.startedAt)
          ? {
              at: lastFailed.finishedAt ?? lastFailed.startedAt,
              code: lastFailed.errorCode ?? 'ERR_INTERNAL',
              message: lastFailed.errorMessage ?? '',
            }
          : null;
      return {
        enabled: config.enabled,
        adapter: config.adapter,
        outputDir: outputDirOf(config),
        runIntervalMinutes: config.runIntervalMinutes,
        queueDepth: q.queueDepth(),
        pendingBatches: q.pendingBatches().length,
        running: current ? { ...current.progress } : null,
        lastRun: lastFinished,
        lastSuccessAt: lastSuccess?.finishedAt ?? null,
        lastError,
        consecutiveFailures,
        nextRunAt: nextRunAt === null ? null : new Date(nextRunAt).toISOString(),
        history: runs
          .filter((x) => x.outcome !== 'running')
          .reverse()
          .map((x) => ({
            at: x.finishedAt ?? x.startedAt,
            queueDepth: x.queueDepthAfter ?? x.queueDepthBefore,
            eventsProcessed: x.eventsProcessed,
            outcome: x.outcome,
          })),
      };
    });
  }

  function searchEvents(query: ComplianceEventQuery) {
    return data.read((r) => r.complianceQueue.searchEvents(query));
  }

  function listRuns(limit: number): ComplianceRun[] {
    return data.read((r) => r.complianceQueue.listRuns(limit));
  }

  async function listOutputs(): Promise<{ outputDir: string; items: ComplianceOutputFile[] }> {
    const dir = outputDirOf(getConfig());
    return { outputDir: dir, items: await output.list(dir) };
  }

  async function previewOutput(name: string, offset: number, maxBytes: number) {
    const dir = outputDirOf(getConfig());
    const listed = (await output.list(dir)).find((f) => f.name === name);
    if (!isSafeOutputName(name) || !listed) {
      throw new ServerError('ERR_COMPLIANCE_OUTPUT_NOT_FOUND', `No output file named "${name}"`, { name });
    }
    const { content, bytes } = await output.read(dir, name, offset, maxBytes);
    return { name, bytes, offset, content, truncated: offset + Buffer.byteLength(content) < bytes };
  }

  // ------------------------------------------------------------------------------------------
  // Lifecycle

  async function start(): Promise<void> {
    const interrupted = await data.transaction((w) => w.complianceQueue.interruptRunning(nowIso()));
    if (interrupted > 0) log.warn('compliance runs were interrupted by a restart', { runs: interrupted });
    const config = getConfig();
    const pending = data.read((r) => r.complianceQueue.pendingBatches().length);
    if (pending > 0) scheduleIn(STARTUP_DELAY_MS, 'startup', config.enabled);
    else scheduleIn(config.runIntervalMinutes * 60_000, 'schedule', config.enabled);
  }

  async function stop(): Promise<void> {
    stopped = true;
    clearTimer();
    nextRunAt = null;
    await current?.done.catch(() => undefined);
  }

  return {
    getConfig,
    updateConfig,
    getStatus,
    runNow,
    runOnce,
    searchEvents,
    listRuns,
    listOutputs,
    previewOutput,
    outputDirOf,
    start,
    stop,
  };
}
