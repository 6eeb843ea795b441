/**
 * The worker side of the worker port (STYLE.md §7.3): host messages `{call|stop}` ⇄ the running
 * server. Runtime-agnostic: any port with `postMessage` and `on('message')` works (the worker's
 * `parentPort` in production, a `MessageChannel` port in tests).
 *
 * Lifecycle: `run(start)` listens at once; calls that arrive while the server starts wait for it.
 * A failed start posts `fatal`; `stop` stops the server and posts `stopped`. Calls after a stop
 * or a failed start answer `ERR_SERVER_UNAVAILABLE`.
 */
import type { AdminResult } from '../admin-api/contract-errors.js';
import type { LogRecord } from '../log/logger.js';
import type { ServerHandle } from '../server-handle.js';
import { toAdminError } from './to-admin-error.js';
import type { HostToWorker, WorkerToHost } from './worker-protocol.js';

export interface WorkerPortLike {
  postMessage(message: WorkerToHost): void;
  on(event: 'message', listener: (message: HostToWorker) => void): unknown;
}

export type WorkerOutcome = 'stopped' | 'fatal';

export interface WorkerEndpoint {
  /** Forwards one log record to the host (the server's `ServerHost.log`). */
  log(record: LogRecord): void;
  /** Starts the server and serves the port until the host stops it (or the start fails). */
  run(start: () => Promise<ServerHandle>): Promise<WorkerOutcome>;
}

const UNAVAILABLE: AdminResult<never> = {
  ok: false,
  error: { code: 'ERR_SERVER_UNAVAILABLE', message: 'The server is stopping or failed to start' },
};

export function createWorkerEndpoint(port: WorkerPortLike): WorkerEndpoint {
  const post = (message: WorkerToHost): void => {
    try {
      port.postMessage(message);
    } catch {
      // Not structured-cloneable (a function or symbol somewhere): send a JSON copy instead.
      port.postMessage(JSON.parse(JSON.stringify(message)) as WorkerToHost);
    }
  };

  return {
    log(record) {
      post({ kind: 'log', record });
    },

    run(start) {
      return new Promise<WorkerOutcome>((resolve) => {
        let stopping = false;
        let unsubscribe: (() => void) | undefined;
        const started: Promise<ServerHandle | null> = start().then(
          (h) => h,
          (err: unknown) => {
            post({ kind: 'fatal', error: toAdminError(err) });
            resolve('fatal');
            return null;
          },
        );

        const call = async ({ id, method, input, ctx }: Extract<HostToWorker, { kind: 'call' }>) => {
          const h = await started;
          let result: AdminResult<unknown>;
          if (h === null || stopping) result = UNAVAILABLE;
          else {
            try {
              result = await h.dispatch(method, input, ctx);
            } catch (err) {
              result = { ok: false, error: toAdminError(err) };
            }
          }
          post({ kind: 'result', id, result });
        };

        const stop = async () => {
          if (stopping) return;
          stopping = true;
          const h = await started;
          unsubscribe?.();
          if (h !== null) {
            try {
              await h.stop();
            } catch (err) {
              post({
                kind: 'log',
                record: {
                  time: new Date().toISOString(),
                  level: 'error',
                  category: 'worker',
                  msg: 'server stop failed',
                  error: toAdminError(err),
                },
              });
            }
          }
          post({ kind: 'stopped' });
          resolve('stopped');
        };

        port.on('message', (message) => {
          if (message.kind === 'call') void call(message);
          else if (message.kind === 'stop') void stop();
        });

        void started.then((h) => {
          if (h === null) return;
          if (!stopping) unsubscribe = h.subscribe((event) => post({ kind: 'event', event }));
          post({ kind: 'ready', httpUrl: h.httpUrl, firstRun: h.firstRun });
        });
      });
    },
  };
}
