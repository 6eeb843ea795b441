/**
 * The host side of the worker port, used by the headless CLI host and the Electron main process:
 * starts out/main/server-worker.js in a worker thread, correlates calls with results, fans worker
 * events out, and turns a dying worker into `ERR_SERVER_UNAVAILABLE` for every pending call.
 */
import { Worker } from 'node:worker_threads';
import type { AdminEvent } from '../admin-api/contract.js';
import type { AdminError, AdminResult } from '../admin-api/contract-errors.js';
import { ServerError } from '../errors/server-error.js';
import type { LogRecord } from '../log/logger.js';
import type { CallContext, FirstRunInfo } from '../server-handle.js';
import { SERVER_WORKER_RESOURCE_LIMITS } from './server-heap.js';
import type { HostToWorker, WorkerData, WorkerToHost } from './worker-protocol.js';

export interface WorkerReady {
  httpUrl: string | null;
  firstRun: FirstRunInfo | null;
}

/** How the worker ended: its exit code, and the error if it crashed or failed to start. */
export interface WorkerExit {
  code: number;
  error?: AdminError;
}

export interface ServerWorker {
  readonly ready: WorkerReady;
  call(method: string, input: unknown, ctx: CallContext): Promise<AdminResult<unknown>>;
  subscribe(listener: (event: AdminEvent) => void): () => void;
  /** Asks the server to stop gracefully; terminates the thread if it has not ended after the grace period. */
  stop(): Promise<void>;
  /** Called once when the worker thread has ended, for whatever reason (also after `stop`). */
  onExit(cb: (exit: WorkerExit) => void): void;
}

export interface StartServerWorkerOptions {
  workerUrl: URL | string;
  data: WorkerData;
  onLog?: (record: LogRecord) => void;
  onEvent?: (event: AdminEvent) => void;
  /** How long `stop()` waits for a graceful stop before terminating the thread (default 10 s). */
  stopTimeoutMs?: number;
}

const DEFAULT_STOP_TIMEOUT_MS = 10_000;

/** Starts the worker; resolves once it reported `ready`, rejects with the coded `ServerError` of a failed start. */
export function startServerWorker(options: StartServerWorkerOptions): Promise<ServerWorker> {
  const stopTimeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  const worker = new Worker(options.workerUrl, {
    workerData: options.data,
    resourceLimits: SERVER_WORKER_RESOURCE_LIMITS,
  });
  const pending = new Map<number, (result: AdminResult<unknown>) => void>();
  const listeners = new Set<(event: AdminEvent) => void>();
  const exitCallbacks: ((exit: WorkerExit) => void)[] = [];
  let nextId = 1;
  let exited: WorkerExit | null = null;
  let crash: AdminError | undefined;
  let stopRequested: Promise<void> | null = null;
  let onStopped: (() => void) | undefined;
  let stoppedGracefully = false;

  const post = (message: HostToWorker): void => worker.postMessage(message);
  const unavailable = (why: string): AdminResult<never> => ({
    ok: false,
    error: { code: 'ERR_SERVER_UNAVAILABLE', message: `The server is unavailable: ${why}` },
  });

  return new Promise<ServerWorker>((resolve, reject) => {
    let settled = false;

    const handle: ServerWorker = {
      ready: { httpUrl: null, firstRun: null },
      call(method, input, ctx) {
        if (exited !== null) return Promise.resolve(unavailable('the server worker has exited'));
        if (stopRequested !== null) return Promise.resolve(unavailable('the server is stopping'));
        const id = nextId++;
        return new Promise((resolveCall) => {
          pending.set(id, resolveCall);
          try {
            post({ kind: 'call', id, method, input, ctx });
          } catch (err) {
            pending.delete(id);
            resolveCall({
              ok: false,
              error: { code: 'ERR_ADMIN_BAD_REQUEST', message: `The input cannot be sent: ${(err as Error).message}` },
            });
          }
        });
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      stop() {
        stopRequested ??= new Promise<void>((resolveStop) => {
          if (exited !== null) return resolveStop();
          const timer = setTimeout(() => void worker.terminate(), stopTimeoutMs);
          onStopped = () => {
            // The server has released everything it owns; do not wait for stray handles. The
            // thread may still be ending on its own, so whether it exits by itself (code 0) or by
            // this terminate() (code 1) is a race: after a graceful stop the exit counts as clean.
            stoppedGracefully = true;
            clearTimeout(timer);
            void worker.terminate();
          };
          exitCallbacks.push(() => {
            clearTimeout(timer);
            resolveStop();
          });
          post({ kind: 'stop' });
        });
        return stopRequested;
      },
      onExit(cb) {
        if (exited !== null) cb(exited);
        else exitCallbacks.push(cb);
      },
    };

    worker.on('message', (message: WorkerToHost) => {
      switch (message.kind) {
        case 'ready':
          (handle as { ready: WorkerReady }).ready = { httpUrl: message.httpUrl, firstRun: message.firstRun };
          settled = true;
          resolve(handle);
          break;
        case 'result': {
          const done = pending.get(message.id);
          pending.delete(message.id);
          done?.(message.result);
          break;
        }
        case 'event':
          options.onEvent?.(message.event);
          for (const listener of listeners) {
            try {
              listener(message.event);
            } catch {
              // One failing subscriber must not starve the others.
            }
          }
          break;
        case 'log':
          options.onLog?.(message.record);
          break;
        case 'fatal':
          crash = message.error;
          if (!settled) {
            settled = true;
            reject(new ServerError(message.error.code, message.error.message, message.error.details));
          }
          // The worker may still hold handles from the half-done start: end it.
          void worker.terminate();
          break;
        case 'stopped':
          onStopped?.();
          break;
      }
    });

    worker.on('error', (err) => {
      crash ??= { code: 'ERR_SERVER_UNAVAILABLE', message: `The server worker crashed: ${err.message}` };
    });

    worker.on('exit', (code) => {
      const exitCode = stoppedGracefully && crash === undefined ? 0 : code;
      exited = crash === undefined ? { code: exitCode } : { code, error: crash };
      for (const done of pending.values()) done(unavailable(crash?.message ?? `the worker exited with code ${code}`));
      pending.clear();
      if (!settled) {
        settled = true;
        const error = crash ?? {
          code: 'ERR_SERVER_UNAVAILABLE',
          message: `The server worker exited with code ${code} before it was ready`,
        };
        reject(new ServerError(error.code, error.message, error.details));
      }
      for (const cb of exitCallbacks.splice(0)) cb(exited);
    });
  });
}
