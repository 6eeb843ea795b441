/**
 * Messages between a host and the server worker (STYLE.md §7.3, "worker port"). Plain
 * structured-cloneable data only.
 */
import type { AdminEvent } from '../admin-api/contract.js';
import type { AdminError, AdminResult } from '../admin-api/contract-errors.js';
import type { LogRecord } from '../log/logger.js';
import type { CallContext, FirstRunInfo } from '../server-handle.js';
import type { Config } from '../config/config-schema.js';

export type HostToWorker =
  { kind: 'call'; id: number; method: string; input: unknown; ctx: CallContext } | { kind: 'stop' };

export type WorkerToHost =
  | { kind: 'ready'; httpUrl: string | null; firstRun: FirstRunInfo | null }
  | { kind: 'result'; id: number; result: AdminResult<unknown> }
  | { kind: 'event'; event: AdminEvent }
  | { kind: 'log'; record: LogRecord }
  | { kind: 'fatal'; error: AdminError }
  | { kind: 'stopped' };

/** workerData handed to the worker: the already-parsed configuration and the host kind. */
export interface WorkerData {
  config: Config;
  hostKind: 'electron' | 'headless';
  version: string;
}
