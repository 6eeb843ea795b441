/**
 * AdminTransport (STYLE.md §7.4): how the console reaches the server. In Electron the preload bridge
 * (`window.parlance`) carries calls over IPC; in a browser calls go to `POST /api/rpc/<method>` and
 * events arrive from `GET /api/events` (server-sent events).
 */
import type { AdminEvent, AdminMethod } from '../../../server/admin-api/contract';
import type { AdminErrorCode, AdminResult } from '../../../server/admin-api/contract-errors';
import type { ParlanceBridge } from './parlance-bridge';

/** A transport-level notice besides contract events: the event stream (re)connected. */
export type TransportSignal = { kind: 'event'; event: AdminEvent } | { kind: 'reconnected' };

export interface AdminTransport {
  call(method: AdminMethod, input: unknown): Promise<AdminResult<unknown>>;
  subscribe(listener: (signal: TransportSignal) => void): () => void;
}

export function ipcTransport(bridge: ParlanceBridge): AdminTransport {
  return {
    call: (method, input) => bridge.call(method, input as never),
    subscribe: (listener) => bridge.subscribe((event) => listener({ kind: 'event', event })),
  };
}

/** Maps an HTTP status to a catalogue code when the body is not an AdminResult envelope. */
export function codeForHttpStatus(status: number): AdminErrorCode {
  if (status === 401) return 'ERR_AUTH_REQUIRED';
  if (status === 403) return 'ERR_AUTH_FORBIDDEN';
  if (status === 404) return 'ERR_ADMIN_UNKNOWN_METHOD';
  if (status === 429) return 'ERR_AUTH_RATE_LIMITED';
  if (status === 400) return 'ERR_ADMIN_BAD_REQUEST';
  if (status === 503) return 'ERR_SERVER_UNAVAILABLE';
  return 'ERR_INTERNAL';
}

export function isAdminResult(body: unknown): body is AdminResult<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const record = body as Record<string, unknown>;
  if (record.ok === true) return 'value' in record;
  if (record.ok !== false) return false;
  const error = record.error as Record<string, unknown> | undefined;
  return typeof error === 'object' && error !== null && typeof error.code === 'string';
}

/** Turns an HTTP response into an AdminResult, whatever the server sent. */
export async function resultFromResponse(response: Response): Promise<AdminResult<unknown>> {
  let body: unknown = undefined;
  try {
    body = await response.json();
  } catch {
    // not JSON: fall through to the status mapping
  }
  if (isAdminResult(body)) return body;
  if (response.ok) return { ok: true, value: body };
  return {
    ok: false,
    error: {
      code: codeForHttpStatus(response.status),
      message: `HTTP ${response.status} ${response.statusText}`.trim(),
    },
  };
}

export function parseEventMessage(data: string): AdminEvent | null {
  try {
    const parsed = JSON.parse(data) as unknown;
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { name?: unknown }).name === 'string') {
      return parsed as AdminEvent;
    }
  } catch {
    // ignore malformed frames
  }
  return null;
}

export function httpTransport(baseUrl: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): AdminTransport {
  const root = baseUrl.replace(/\/$/, '');
  return {
    async call(method, input) {
      let response: Response;
      try {
        response = await fetchImpl(`${root}/api/rpc/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
      } catch (cause) {
        const message = cause instanceof Error ? cause.message : String(cause);
        return {
          ok: false,
          error: { code: 'ERR_SERVER_UNAVAILABLE', message: `The server cannot be reached (${message})` },
        };
      }
      return resultFromResponse(response);
    },
    subscribe(listener) {
      const source = new EventSource(`${root}/api/events`, { withCredentials: true });
      let hadError = false;
      source.onmessage = (message: MessageEvent<string>) => {
        const event = parseEventMessage(message.data);
        if (event) listener({ kind: 'event', event });
      };
      source.onerror = () => {
        hadError = true;
      };
      source.onopen = () => {
        // After a dropped connection, events may have been missed: let the cache refetch.
        if (hadError) listener({ kind: 'reconnected' });
        hadError = false;
      };
      return () => source.close();
    },
  };
}

function readBridge(): ParlanceBridge | undefined {
  const candidate = (globalThis as { parlance?: Partial<ParlanceBridge> }).parlance;
  if (candidate && typeof candidate.call === 'function' && typeof candidate.subscribe === 'function') {
    return candidate as ParlanceBridge;
  }
  return undefined;
}

/** Electron: the preload bridge; browser: HTTP against the page's own origin. */
export function createTransport(): AdminTransport {
  const bridge = readBridge();
  return bridge ? ipcTransport(bridge) : httpTransport(globalThis.location.origin);
}

export function isElectronHost(): boolean {
  return readBridge() !== undefined;
}
