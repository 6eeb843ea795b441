/**
 * The SIP message model shared by the codec, the transaction layer and the endpoint. Header values
 * are kept as received (trimmed and unfolded), under their full canonical names, in order, so that
 * `Via`, `From`, `To`, `Call-ID` and `CSeq` can be copied back unchanged (XCCOS.md §10 item 1).
 * Structured views (via.ts, name-addr.ts, cseq.ts) parse a value on demand.
 */
import { canonicalHeaderName } from './header-names.js';

export interface SipHeader {
  /** Full canonical name (`Via`, `Call-ID`, …); unknown names keep their received spelling. */
  readonly name: string;
  readonly value: string;
}

interface SipMessageBase {
  readonly headers: readonly SipHeader[];
  /** The body bytes, exactly `Content-Length` long. */
  readonly body: Buffer;
  /**
   * COMPAT: set when the header section was not valid UTF-8 and was decoded as Latin-1 instead,
   * so that every byte survives; such a message is still parsed.
   */
  readonly nonUtf8Headers?: boolean;
}

export interface SipRequest extends SipMessageBase {
  readonly kind: 'request';
  readonly method: string;
  /** The Request-URI text as received. */
  readonly uri: string;
}

export interface SipResponse extends SipMessageBase {
  readonly kind: 'response';
  readonly status: number;
  readonly reason: string;
}

export type SipMessage = SipRequest | SipResponse;

/** All values of a header, in order (each header line one entry; no comma splitting). */
export function headerValues(message: Pick<SipMessageBase, 'headers'>, name: string): string[] {
  const wanted = canonicalHeaderName(name).toLowerCase();
  const out: string[] = [];
  for (const h of message.headers) if (sameName(h.name, wanted)) out.push(h.value);
  return out;
}

/** The first value of a header, or undefined. */
export function headerValue(message: Pick<SipMessageBase, 'headers'>, name: string): string | undefined {
  const wanted = canonicalHeaderName(name).toLowerCase();
  for (const h of message.headers) if (sameName(h.name, wanted)) return h.value;
  return undefined;
}

/** Case-insensitive name match; the length test spares the lower-casing of most non-matches. */
function sameName(name: string, wantedLower: string): boolean {
  return name.length === wantedLower.length && name.toLowerCase() === wantedLower;
}

export function hasHeader(message: Pick<SipMessageBase, 'headers'>, name: string): boolean {
  return headerValue(message, name) !== undefined;
}
