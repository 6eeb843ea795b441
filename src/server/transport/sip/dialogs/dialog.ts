/**
 * UAS dialog state (RFC 3261 §12.1.1) created from an INVITE and our 2xx, and the building of
 * requests inside it (§12.2.1.1) for server → client INFO/BYE (XCCOS.md §2.6 table).
 */
import { parseCSeq } from '../codec/headers/cseq.js';
import { parseNameAddr } from '../codec/headers/name-addr.js';
import { splitHeaderLines } from '../codec/headers/split-header-list.js';
import { headerValue, headerValues, type SipHeader, type SipRequest } from '../codec/sip-message.js';

export interface DialogId {
  readonly callId: string;
  readonly localTag: string;
  readonly remoteTag: string;
}

export interface UasDialog {
  readonly id: DialogId;
  state: 'confirmed' | 'terminated';
  /** Our side: the INVITE's To value with our tag (the `From` of requests we send). */
  readonly local: string;
  /** Their side: the INVITE's From value (the `To` of requests we send). */
  readonly remote: string;
  /** Contact URI of the INVITE; refreshed by target-refresh requests (§12.2.2). */
  remoteTarget: string;
  /** §12.1.1: the Record-Route values of the request, in order. */
  readonly routeSet: readonly string[];
  remoteCSeq: number;
  localCSeq: number;
  readonly secure: boolean;
}

export function dialogKey(id: DialogId): string {
  return `${id.callId}\n${id.localTag}\n${id.remoteTag}`;
}

/**
 * §12.1.1 UAS behaviour. Returns undefined when the INVITE lacks what a dialog needs.
 * COMPAT: a missing Contact falls back to the From URI; pidgin-sipe never routes to it anyway,
 * since requests go back over its own connection (XCCOS.md §10 item 12).
 */
export function createUasDialog(
  invite: SipRequest,
  localTag: string,
  options: { secure: boolean },
): UasDialog | undefined {
  const callId = headerValue(invite, 'Call-ID');
  const from = headerValue(invite, 'From');
  const to = headerValue(invite, 'To');
  const cseq = parseCSeq(headerValue(invite, 'CSeq') ?? '');
  const remoteTag = from === undefined ? undefined : parseNameAddr(from)?.tag;
  if (!callId || !from || !to || !cseq || remoteTag === undefined) return undefined;
  const contact = splitHeaderLines(headerValues(invite, 'Contact'))[0];
  const target = (contact && parseNameAddr(contact)?.uri.raw) ?? parseNameAddr(from)?.uri.raw ?? '';
  return {
    id: { callId, localTag, remoteTag },
    state: 'confirmed',
    local: parseNameAddr(to)?.tag === undefined ? `${to};tag=${localTag}` : to,
    remote: from,
    remoteTarget: target,
    routeSet: splitHeaderLines(headerValues(invite, 'Record-Route')),
    remoteCSeq: cseq.seq,
    // §12.1.1: "The local sequence number MUST be empty"; the first request we send picks one.
    localCSeq: 0,
    secure: options.secure,
  };
}

export type InDialogCheck = { readonly ok: true } | { readonly ok: false; readonly status: 500 };

/**
 * §12.2.2: "If the remote sequence number is not empty, but the sequence number of the request
 * is lower than the remote sequence number, the request is out of order and MUST be rejected with
 * a 500 (Server Internal Error) response." Accepts and records the number otherwise; a
 * target-refresh request (re-INVITE, UPDATE) replaces the remote target.
 */
export function acceptInDialogRequest(dialog: UasDialog, request: SipRequest): InDialogCheck {
  const cseq = parseCSeq(headerValue(request, 'CSeq') ?? '');
  if (!cseq) return { ok: false, status: 500 };
  if (request.method !== 'ACK' && request.method !== 'CANCEL') {
    if (cseq.seq < dialog.remoteCSeq) return { ok: false, status: 500 };
    dialog.remoteCSeq = cseq.seq;
  }
  if (request.method === 'INVITE' || request.method === 'UPDATE') {
    const contact = splitHeaderLines(headerValues(request, 'Contact'))[0];
    const uri = contact === undefined ? undefined : parseNameAddr(contact)?.uri.raw;
    if (uri) dialog.remoteTarget = uri;
  }
  return { ok: true };
}

export interface InDialogRequestOptions {
  readonly body?: Buffer;
  readonly contentType?: string;
  readonly headers?: readonly SipHeader[];
}

/**
 * §12.2.1.1: Request-URI = remote target, `Route` = route set, From = local with our tag, To =
 * remote with their tag, the dialog's Call-ID, CSeq = local sequence + 1. The transaction layer
 * adds the Via (XCCOS.md §2.6: "the server's own address with a fresh branch").
 */
export function createInDialogRequest(
  dialog: UasDialog,
  method: string,
  options: InDialogRequestOptions = {},
): SipRequest {
  dialog.localCSeq = nextLocalCSeq(dialog);
  const headers = inDialogHeaders(dialog, method, dialog.localCSeq, options);
  return { kind: 'request', method, uri: dialog.remoteTarget, headers, body: options.body ?? Buffer.alloc(0) };
}

/** The next number in our CSeq space (§12.2.1.1); the caller stores it in `localCSeq`. */
export function nextLocalCSeq(dialog: UasDialog): number {
  return dialog.localCSeq === 0 ? 1 : dialog.localCSeq + 1;
}

/** The headers of an in-dialog request but Via (request-template.ts stamps the CSeq number). */
export function inDialogHeaders(
  dialog: UasDialog,
  method: string,
  cseq: number,
  options: Omit<InDialogRequestOptions, 'body'> = {},
): SipHeader[] {
  const headers: SipHeader[] = [
    { name: 'Max-Forwards', value: '70' },
    { name: 'From', value: dialog.local },
    { name: 'To', value: dialog.remote },
    { name: 'Call-ID', value: dialog.id.callId },
    { name: 'CSeq', value: `${cseq} ${method}` },
  ];
  for (const r of dialog.routeSet) headers.push({ name: 'Route', value: r });
  if (options.contentType !== undefined) headers.push({ name: 'Content-Type', value: options.contentType });
  if (options.headers) for (const h of options.headers) headers.push(h);
  return headers;
}
