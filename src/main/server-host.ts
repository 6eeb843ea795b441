/**
 * Runs the server core in a worker thread for the desktop app (DESIGN.md §2) and keeps it
 * running: if the worker dies, it is restarted with exponential backoff; calls made meanwhile get
 * `ERR_SERVER_UNAVAILABLE` instead of hanging. Worker log records go to the host log sink; worker
 * events fan out to every subscriber (the IPC bridge).
 */
import type { AdminEvent } from '../server/admin-api/contract.js';
import type { AdminResult } from '../server/admin-api/contract-errors.js';
import type { LogRecord, Logger } from '../server/log/logger.js';
import type { WorkerData } from '../server/rpc/worker-protocol.js';
import type { CallContext, FirstRunInfo } from '../server/server-handle.js';

export interface WorkerReady {
  httpUrl: string | null;
  firstRun: FirstRunInfo | null;
}

/** The slice of `startServerWorker` (src/server/rpc/worker-client.ts) the host relies on. */
export interface ServerWorker {
  ready: WorkerReady;
  call(method: string, input: unknown, ctx: CallContext): Promise<AdminResult<unknown>>;
  stop(): Promise<void>;
  onExit(cb: (exit: unknown) => void): void;
}

export type StartServerWorker = (options: {
  workerUrl: URL;
  data: WorkerData;
  onLog: (record: LogRecord) => void;
  onEvent: (event: AdminEvent) => void;
}) => Promise<ServerWorker>;

export interface RestartPolicy {
  /** Delay before the first restart; doubled after each failure in a row. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Give up after this many restarts in a row that did not stay up for `stableAfterMs`. */
  maxConsecutiveRestarts: number;
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  maxConsecutiveRestarts: 6,
  stableAfterMs: 60_000,
};

export interface ServerHostOptions {
  start: StartServerWorker;
  workerUrl: URL;
  data: WorkerData;
  logger: Logger;
  /** Where the worker's own log records go (the host log sink). */
  forwardLog: (record: LogRecord) => void;
  restartPolicy?: RestartPolicy;
  /** Called once when the restart policy gives up; the host stays in state `failed`. */
  onGiveUp?: (reason: string) => void;
}

export type ServerHostState = 'running' | 'restarting' | 'stopped' | 'failed';

export interface ServerHost {
  /** What the first start reported (the HTTP URL, and the first-run administrator, if created). */
  readonly ready: WorkerReady;
  readonly state: ServerHostState;
  call(method: string, input: unknown, ctx: CallContext): Promise<AdminResult<unknown>>;
  subscribe(listener: (event: AdminEvent) => void): () => void;
  stop(): Promise<void>;
}

/** Starts the worker; resolves once it is ready, rejects if the very first start fails. */
export async function startServerHost(options: ServerHostOptions): Promise<ServerHost> {
  const policy = options.restartPolicy ?? DEFAULT_RESTART_POLICY;
  const log = options.logger;
  const listeners = new Set<(event: AdminEvent) => void>();
  let state: ServerHostState = 'running';
  let worker: ServerWorker | null = null;
  let startedAt = 0;
  let failuresInARow = 0;
  let restartTimer: ReturnType<typeof setTimeout> | undefined;

  const emit = (event: AdminEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log.error('event listener failed', { event: event.name, error: String(error) });
      }
    }
  };

  const launch = async (): Promise<ServerWorker> => {
    const w = await options.start({
      workerUrl: options.workerUrl,
      data: options.data,
      onLog: options.forwardLog,
      onEvent: emit,
    });
    startedAt = Date.now();
    w.onExit((exit) => onWorkerExit(w, exit));
    return w;
  };

  const onWorkerExit = (w: ServerWorker, exit: unknown): void => {
    if (w !== worker || state === 'stopped') return;
    worker = null;
    if (Date.now() - startedAt >= policy.stableAfterMs) failuresInARow = 0;
    log.error('server worker exited unexpectedly', { exit: describe(exit), failuresInARow });
    scheduleRestart();
  };

  const scheduleRestart = (): void => {
    if (state === 'stopped') return;
    if (failuresInARow >= policy.maxConsecutiveRestarts) {
      state = 'failed';
      const reason = `the server worker failed ${failuresInARow + 1} times in a row`;
      log.fatal('giving up restarting the server worker', { reason });
      options.onGiveUp?.(reason);
      return;
    }
    const delay = Math.min(policy.initialDelayMs * 2 ** failuresInARow, policy.maxDelayMs);
    failuresInARow += 1;
    state = 'restarting';
    log.warn('restarting the server worker', { inMs: delay, attempt: failuresInARow });
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      launch().then(
        (w) => {
          if (state === 'stopped') {
            void w.stop();
            return;
          }
          worker = w;
          state = 'running';
          log.info('server worker restarted', { attempt: failuresInARow });
        },
        (error: unknown) => {
          log.error('server worker restart failed', { error: describe(error) });
          scheduleRestart();
        },
      );
    }, delay);
  };

  worker = await launch();
  const ready = worker.ready;
  log.info('server worker ready', { httpUrl: ready.httpUrl });

  return {
    ready,
    get state() {
      return state;
    },
    async call(method, input, ctx) {
      const w = worker;
      if (w === null || state !== 'running') {
        return unavailable(
          state === 'failed' ? 'The server has stopped; restart Parlance' : 'The server is restarting',
        );
      }
      try {
        return await w.call(method, input, ctx);
      } catch (error) {
        log.warn('call failed in transit', { method, error: describe(error) });
        return unavailable('The server stopped while handling the request');
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async stop() {
      if (state === 'stopped') return;
      state = 'stopped';
      if (restartTimer !== undefined) clearTimeout(restartTimer);
      listeners.clear();
      const w = worker;
      worker = null;
      if (w !== null) await w.stop();
      log.info('server worker stopped');
    },
  };
}

function unavailable(message: string): AdminResult<never> {
  return { ok: false, error: { code: 'ERR_SERVER_UNAVAILABLE', message } };
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
