/**
 * What a host gets from `startServer(config, host)` and what it provides. Hosts are thin
 * adapters: the Electron main process (via the worker), the headless Node CLI (via the worker),
 * and tests (in-process).
 */
import type { AdminEvent } from './admin-api/contract.js';
import type { AdminResult } from './admin-api/contract-errors.js';
import type { LogRecord } from './log/logger.js';

export type HostKind = 'electron' | 'headless' | 'in-process';

/** Who is calling, as established by the transport (never by the caller's payload). */
export interface CallContext {
  /** Electron IPC from the app's own window: the local desktop user is the administrator. */
  trusted?: boolean;
  /** Session token from the HttpOnly cookie or `Authorization: Bearer`. */
  token?: string;
  /** Remote address, for rate limiting and the audit log. */
  remoteAddress?: string;
  transport: 'ipc' | 'http' | 'worker' | 'in-process' | 'cli';
}

export interface ServerHost {
  kind: HostKind;
  /** Receives every log record the server emits (the worker forwards them over its port). */
  log(record: LogRecord): void;
  /** Build version reported by `server.status` (the host knows it; default `0.0.0-dev`). */
  version?: string;
  /** Start the HTTP transport (default true; in-process tests that need no HTTP pass false). */
  http?: boolean;
  /**
   * Start the SIP listeners (default true, except for in-process hosts, whose tests opt in and
   * configure port 0 so that parallel tests never collide on 5060/5061).
   */
  sip?: boolean;
}

export interface FirstRunInfo {
  username: string;
  sipUri: string;
  /** Present only when the password was generated (never when it came from configuration). */
  generatedPassword?: string;
}

export interface ServerHandle {
  /** The console / API base URL, e.g. http://127.0.0.1:8080, or null without HTTP. */
  readonly httpUrl: string | null;
  /** Set when this start created the first administrator. */
  readonly firstRun: FirstRunInfo | null;
  dispatch(method: string, input: unknown, ctx: CallContext): Promise<AdminResult<unknown>>;
  subscribe(listener: (event: AdminEvent) => void): () => void;
  stop(): Promise<void>;
}
