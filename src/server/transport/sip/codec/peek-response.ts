/**
 * A minimal look at a response frame for the client transaction it answers (RFC 3261 §17.1.3:
 * top Via branch + CSeq method), without the full parse. Every server → client INFO of a room
 * delivery is answered by one such 200, so this runs once per delivery. Anything unusual (folded
 * lines, no branch, a bad start line) returns undefined and the caller takes the full parser.
 */

import { headerNameIs } from './header-names.js';

export interface ResponsePeek {
  readonly status: number;
  /** The top Via's branch. */
  readonly branch: string;
  /** The CSeq method, ACK counted as INVITE (transaction-key.ts). */
  readonly method: string;
}

const SIP_2_0_SP = 'SIP/2.0 ';

export function peekResponse(frame: Buffer): ResponsePeek | undefined {
  // Heads of 200s to our INFOs are a few hundred bytes; cap the scan so a large message is cheap.
  const limit = Math.min(frame.length, 4096);
  const headEnd = frame.indexOf('\r\n\r\n', 0, 'latin1');
  if (headEnd < 0 || headEnd > limit) return undefined;
  const head = frame.toString('latin1', 0, headEnd);
  if (!head.startsWith(SIP_2_0_SP) || head.charCodeAt(11) !== 32) return undefined;
  const status = (head.charCodeAt(8) - 48) * 100 + (head.charCodeAt(9) - 48) * 10 + (head.charCodeAt(10) - 48);
  if (!(status >= 100 && status <= 699)) return undefined;
  let branch: string | undefined;
  let method: string | undefined;
  let at = head.indexOf('\r\n');
  while (at >= 0) {
    const start = at + 2;
    const next = head.indexOf('\r\n', start);
    const end = next < 0 ? head.length : next;
    const c = head.charCodeAt(start);
    if (c === 32 || c === 9) return undefined; // folded header: full parser
    const colon = head.indexOf(':', start);
    if (colon < 0 || colon > end) return undefined;
    // Only Via and CSeq matter: compare names in place (no slice per header line).
    const first = c | 0x20;
    if (
      first === 0x76 /* v */ &&
      branch === undefined &&
      (headerNameIs(head, start, colon, 'via') || headerNameIs(head, start, colon, 'v'))
    ) {
      branch = topBranch(head.slice(colon + 1, end));
      if (branch === undefined) return undefined;
    } else if (first === 0x63 /* c */ && headerNameIs(head, start, colon, 'cseq')) {
      if (method !== undefined) return undefined;
      const value = head.slice(colon + 1, end).trim();
      const sp = value.lastIndexOf(' ');
      if (sp < 0) return undefined;
      method = value.slice(sp + 1);
    }
    at = next;
  }
  if (branch === undefined || method === undefined || method.length === 0) return undefined;
  return { status, branch, method: method === 'ACK' ? 'INVITE' : method };
}

/** The branch parameter of the first Via value in a header line (`SIP/2.0/TCP h:p;branch=…`). */
function topBranch(value: string): string | undefined {
  const comma = value.indexOf(',');
  const top = comma < 0 ? value : value.slice(0, comma);
  let i = top.indexOf(';branch=');
  if (i < 0) i = top.toLowerCase().indexOf(';branch=');
  if (i < 0) return undefined;
  const from = i + 8;
  let to = from;
  while (to < top.length) {
    const ch = top.charCodeAt(to);
    if (ch === 59 || ch === 32 || ch === 9 || ch === 44) break; // ; SP HT ,
    to++;
  }
  return to === from ? undefined : top.slice(from, to);
}
