/**
 * Stateless answers to requests that never reach a transaction: malformed requests (400/505 with
 * a `Warning`, RFC 3261 §20.43 code 399) and overload (503 with `Retry-After`, RFC 3261 §21.5.4).
 */
import { createResponse } from './create-response.js';
import type { ParseFailure } from './parse-message.js';
import { parseCSeq } from './headers/cseq.js';
import { parseNameAddr } from './headers/name-addr.js';
import { splitHeaderLines } from './headers/split-header-list.js';
import { parseVia } from './headers/via.js';
import { headerValue, headerValues, type SipHeader, type SipResponse } from './sip-message.js';

/** The host name we put in `Warning: 399 {agent} "…"`. */
export const WARN_AGENT = 'parlance';

/**
 * A 400 (or 505) for a request that failed to parse, when its Via, From, To, Call-ID and CSeq
 * were readable enough to address a response; undefined when the connection should just close.
 */
export function responseForParseFailure(failure: ParseFailure): SipResponse | undefined {
  const req = failure.request;
  if (!req || req.method === 'ACK') return undefined; // RFC 3261 §17.2.1: never answer an ACK.
  for (const name of ['Via', 'From', 'To', 'Call-ID', 'CSeq']) {
    if (!headerValue(req, name)) return undefined;
  }
  // The copied headers must themselves be readable, or the client cannot match the answer.
  if (!splitHeaderLines(headerValues(req, 'Via')).every((v) => parseVia(v) !== undefined)) return undefined;
  if (!parseCSeq(headerValue(req, 'CSeq') ?? '')) return undefined;
  if (!parseNameAddr(headerValue(req, 'From') ?? '') || !parseNameAddr(headerValue(req, 'To') ?? '')) return undefined;
  return createResponse(req, failure.status, {
    headers: [{ name: 'Warning', value: `399 ${WARN_AGENT} "${failure.detail.replace(/["\\]/g, "'")}"` }],
  });
}

export function serviceUnavailable(
  request: { readonly headers: readonly SipHeader[] },
  retryAfterSeconds: number,
): SipResponse {
  return createResponse(request, 503, { headers: [{ name: 'Retry-After', value: String(retryAfterSeconds) }] });
}
