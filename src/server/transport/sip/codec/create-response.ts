/**
 * Responses built from a request (RFC 3261 §8.2.6.2): Via (all values, in order), From, Call-ID
 * and CSeq copied unchanged (XCCOS.md §10 items 1 and 10); To copied, with a tag added when the
 * request had none and the status is above 100.
 */
import { withTag } from './headers/name-addr.js';
import { headerValue, headerValues, type SipHeader, type SipResponse } from './sip-message.js';

export const REASON_PHRASES: Readonly<Record<number, string>> = {
  100: 'Trying',
  180: 'Ringing',
  200: 'OK',
  202: 'Accepted',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  420: 'Bad Extension',
  422: 'Session Interval Too Small',
  480: 'Temporarily Unavailable',
  481: 'Call/Transaction Does Not Exist',
  482: 'Loop Detected',
  483: 'Too Many Hops',
  486: 'Busy Here',
  487: 'Request Terminated',
  488: 'Not Acceptable Here',
  491: 'Request Pending',
  500: 'Server Internal Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
  504: 'Server Time-out',
  505: 'Version Not Supported',
  513: 'Message Too Large',
};

export interface ResponseOptions {
  readonly reason?: string;
  /** Added after the copied headers, in order. */
  readonly headers?: readonly SipHeader[];
  readonly body?: Buffer;
  /** The To-tag to add when the request's To has none (dialog creation passes its local tag). */
  readonly toTag?: string;
}

interface RequestLike {
  readonly headers: readonly SipHeader[];
}

export function createResponse(request: RequestLike, status: number, options: ResponseOptions = {}): SipResponse {
  const headers: SipHeader[] = [];
  for (const v of headerValues(request, 'Via')) headers.push({ name: 'Via', value: v });
  const from = headerValue(request, 'From');
  if (from !== undefined) headers.push({ name: 'From', value: from });
  const to = headerValue(request, 'To');
  if (to !== undefined) {
    const tag = options.toTag ?? (status > 100 ? randomTag() : undefined);
    headers.push({ name: 'To', value: tag === undefined ? to : withTag(to, tag) });
  }
  for (const name of ['Call-ID', 'CSeq']) {
    const v = headerValue(request, name);
    if (v !== undefined) headers.push({ name, value: v });
  }
  if (status === 100) {
    // RFC 3261 §8.2.6.1: copy Timestamp into 100 (Trying).
    const ts = headerValue(request, 'Timestamp');
    if (ts !== undefined) headers.push({ name: 'Timestamp', value: ts });
  }
  headers.push(...(options.headers ?? []));
  return {
    kind: 'response',
    status,
    reason: options.reason ?? REASON_PHRASES[status] ?? 'Unknown',
    headers,
    body: options.body ?? Buffer.alloc(0),
  };
}

/** RFC 3261 §19.3: tags need at least 32 bits of randomness. */
export function randomTag(): string {
  return Math.random().toString(36).slice(2, 10) + Math.random().toString(36).slice(2, 6);
}
