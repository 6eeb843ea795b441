/**
 * RFC 3261 §17.2.3 server transaction matching. With an RFC 3261 branch: branch + sent-by +
 * method (ACK matches INVITE). Otherwise the RFC 2543 rules apply.
 *
 * COMPAT: pidgin-sipe sends no Via branch on INVITE, ACK, INFO and BYE (XCCOS.md §10 item 1), so
 * those requests match on Call-ID + CSeq number + method (+ From tag and top Via sent-by), the
 * RFC 2543 way.
 */
import { parseCSeq } from '../codec/headers/cseq.js';
import { parseNameAddr } from '../codec/headers/name-addr.js';
import { splitHeaderList } from '../codec/headers/split-header-list.js';
import { hasRfc3261Branch, parseVia, viaSentBy } from '../codec/headers/via.js';
import { headerValue, type SipMessage } from '../codec/sip-message.js';

/** Key of the server transaction a request belongs to; undefined if the headers are unusable. */
export function serverTransactionKey(request: SipMessage & { kind: 'request' }): string | undefined {
  const method = request.method === 'ACK' ? 'INVITE' : request.method;
  return keyFor(request, method);
}

/** Key of the INVITE transaction a CANCEL refers to (§9.2: same key, method INVITE). */
export function cancelTargetKey(request: SipMessage & { kind: 'request' }): string | undefined {
  return keyFor(request, 'INVITE');
}

/** What matches a response to its client transaction (§17.1.3: top Via branch + CSeq method). */
export interface ClientTransactionMatch {
  readonly branch: string;
  /** The CSeq method, ACK counted as INVITE. */
  readonly method: string;
}

export function clientTransactionMatch(message: SipMessage): ClientTransactionMatch | undefined {
  const top = topVia(message);
  const cseq = parseCSeq(headerValue(message, 'CSeq') ?? '');
  if (!top?.branch || !cseq) return undefined;
  return { branch: top.branch, method: cseq.method === 'ACK' ? 'INVITE' : cseq.method };
}

function keyFor(request: SipMessage, method: string): string | undefined {
  const top = topVia(request);
  if (!top) return undefined;
  if (hasRfc3261Branch(top)) return `b|${top.branch}|${viaSentBy(top)}|${method}`;
  const cseq = parseCSeq(headerValue(request, 'CSeq') ?? '');
  const callId = headerValue(request, 'Call-ID');
  const fromTag = parseNameAddr(headerValue(request, 'From') ?? '')?.tag ?? '';
  if (!cseq || !callId) return undefined;
  return `r|${callId}|${cseq.seq}|${method}|${fromTag}|${viaSentBy(top)}|${top.branch ?? ''}`;
}

function topVia(message: SipMessage) {
  const first = headerValue(message, 'Via');
  const value = first === undefined ? undefined : splitHeaderList(first)[0];
  return value === undefined ? undefined : parseVia(value);
}
