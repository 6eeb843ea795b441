/**
 * Frame bytes → `SipRequest | SipResponse | ParseFailure` (STYLE.md practice 1). Pure: no I/O,
 * never throws. The start line goes through sip.js's grammar; headers are kept as received under
 * canonical names and checked structurally (RFC 3261 §8.1.1: Via, From, To, Call-ID, CSeq;
 * §20.14 Content-Length). A failure carries a coded reason and, when the headers were readable,
 * what a stateless 400 needs (stateless-response.ts).
 */
import { Grammar } from 'sip.js/lib/core/index.js';
import { canonicalHeaderName, TOKEN_RE } from './header-names.js';
import { parseCSeq } from './headers/cseq.js';
import { parseNameAddr } from './headers/name-addr.js';
import { splitHeaderLines } from './headers/split-header-list.js';
import { parseVia } from './headers/via.js';
import { headerValue, headerValues, type SipHeader, type SipMessage } from './sip-message.js';

export type ParseFailureReason =
  | 'empty'
  | 'no-header-end'
  | 'bad-start-line'
  | 'bad-version'
  | 'bad-header-line'
  | 'missing-header'
  | 'duplicate-header'
  | 'bad-via'
  | 'bad-from'
  | 'bad-to'
  | 'bad-cseq'
  | 'cseq-method-mismatch'
  | 'bad-max-forwards'
  | 'bad-content-length'
  | 'content-length-mismatch';

export interface ParseFailure {
  readonly kind: 'failure';
  readonly reason: ParseFailureReason;
  /** Human-readable, safe for a `Warning` header (no CR/LF). */
  readonly detail: string;
  /** SIP status to answer with when the message was a readable request (400, 505). */
  readonly status: number;
  /** Present when the start line said "request" and the header lines could be read. */
  readonly request?: { readonly method: string; readonly headers: readonly SipHeader[] };
}

export interface ParseOptions {
  /**
   * RFC 3261 §18.3: stream transports MUST carry Content-Length. RFC 7118 §3 lets SIP over
   * WebSocket omit it (each WebSocket message is one SIP message). Default true.
   */
  readonly requireContentLength?: boolean;
}

/** Header fields that must appear exactly once (RFC 3261 §7.3.1: not comma-list headers). */
const SINGLE_VALUED = ['Call-ID', 'CSeq', 'From', 'To', 'Max-Forwards', 'Content-Type'];
/** Parsed header names are canonical (canonicalHeaderName), so an exact lookup suffices. */
const SINGLE_VALUED_SET = new Set(SINGLE_VALUED);

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function parseMessage(frame: Buffer, options: ParseOptions = {}): SipMessage | ParseFailure {
  try {
    return parseUnsafe(frame, options);
  } catch (e) {
    // Defensive: the grammar or a helper threw on input we did not foresee.
    return fail('bad-header-line', `unparseable message (${e instanceof Error ? e.name : 'error'})`);
  }
}

/** Index of the blank line ending the header section and the length of its terminator. */
export function findHeaderEnd(buf: Buffer, from = 0): { index: number; length: number } | undefined {
  const crlf = buf.indexOf('\r\n\r\n', from, 'latin1');
  // COMPAT: tolerate bare-LF line ends (RFC 3261 §7 requires CRLF; some test tools send LF).
  // Only an LF LF before the CRLF CRLF can end the head first: do not scan the body for one.
  const lf = (crlf < 0 ? buf : buf.subarray(0, crlf)).indexOf('\n\n', from, 'latin1');
  if (crlf < 0 && lf < 0) return undefined;
  if (lf >= 0 && (crlf < 0 || lf < crlf)) return { index: lf, length: 2 };
  return { index: crlf, length: 4 };
}

function parseUnsafe(frame: Buffer, options: ParseOptions): SipMessage | ParseFailure {
  let start = 0;
  // RFC 3261 §7.5: implementations SHOULD ignore CRLFs before the start line.
  while (start < frame.length && (frame[start] === 0x0d || frame[start] === 0x0a)) start++;
  if (start >= frame.length) return fail('empty', 'empty message');
  const end = findHeaderEnd(frame, start);
  if (!end) return fail('no-header-end', 'header section not terminated by an empty line');
  const headBytes = frame.subarray(start, end.index);
  let head: string;
  let nonUtf8Headers = false;
  try {
    head = UTF8.decode(headBytes);
  } catch {
    // COMPAT: keep every byte of a non-UTF-8 header section by decoding it as Latin-1.
    head = headBytes.toString('latin1');
    nonUtf8Headers = true;
  }
  const lines = unfold(head);
  const startLine = lines.shift() ?? '';
  const headers: SipHeader[] = [];
  const startParsed = parseStartLine(startLine);
  if (startParsed.kind === 'failure') return startParsed;

  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trimEnd() : '';
    if (!TOKEN_RE.test(name)) {
      return fail('bad-header-line', `malformed header line "${printable(line, 40)}"`, reqInfo(startParsed, headers));
    }
    headers.push({ name: canonicalHeaderName(name), value: trimLws(line.slice(colon + 1)) });
  }
  const info = reqInfo(startParsed, headers);

  // One pass: the first value of each single-valued header, and whether a later one differs.
  const firstValue = new Map<string, string>();
  for (const h of headers) {
    if (!SINGLE_VALUED_SET.has(h.name)) continue;
    const seen = firstValue.get(h.name);
    if (seen === undefined) firstValue.set(h.name, h.value);
    else if (seen !== h.value) return fail('duplicate-header', `conflicting ${h.name} headers`, info);
  }

  const body = frame.subarray(end.index + end.length);
  const lengths = headerValues({ headers }, 'Content-Length');
  let bodyLength = body.length;
  if (lengths.length > 0) {
    if (!lengths.every((v) => /^\d{1,10}$/.test(v)) || new Set(lengths.map(Number)).size > 1) {
      return fail('bad-content-length', `invalid Content-Length "${printable(lengths.join(', '), 30)}"`, info);
    }
    bodyLength = Number(lengths[0]);
    if (bodyLength > body.length) {
      return fail(
        'content-length-mismatch',
        `Content-Length ${bodyLength} exceeds the ${body.length} body bytes`,
        info,
      );
    }
  } else if (options.requireContentLength !== false) {
    return fail('bad-content-length', 'missing Content-Length', info);
  }

  const check = checkHeaders(headers, startParsed.kind === 'request' ? startParsed.method : undefined);
  if (check) return { ...check, ...(info ? { request: info } : {}) };

  // RFC 3261 §18.3: bytes beyond Content-Length are not part of this message (datagram rule;
  // on a stream the framer has already cut the frame at that length).
  const msgBody = Buffer.from(body.subarray(0, bodyLength));
  const extra = nonUtf8Headers ? { nonUtf8Headers: true } : {};
  if (startParsed.kind === 'request') {
    return { kind: 'request', method: startParsed.method, uri: startParsed.uri, headers, body: msgBody, ...extra };
  }
  return { kind: 'response', status: startParsed.status, reason: startParsed.reason, headers, body: msgBody, ...extra };
}

type StartLine =
  { kind: 'request'; method: string; uri: string } | { kind: 'response'; status: number; reason: string };

function parseStartLine(line: string): StartLine | ParseFailure {
  // RFC 3261 §7.2: Status-Line = SIP-Version SP Status-Code SP Reason-Phrase (UTF-8 allowed).
  const resp = /^SIP\/(\d+\.\d+) (\d{3}) ?(.*)$/i.exec(line);
  if (resp) {
    if (resp[1] !== '2.0') return fail('bad-version', `unsupported version SIP/${resp[1] ?? ''}`);
    return { kind: 'response', status: Number(resp[2]), reason: resp[3] ?? '' };
  }
  // RFC 3261 §7.1: Request-Line = Method SP Request-URI SP SIP-Version CRLF, single spaces.
  const req = /^(\S+) (\S+) SIP\/(\d+\.\d+)$/i.exec(line);
  if (!req || !req[1] || !req[2]) return fail('bad-start-line', `malformed start line "${printable(line, 60)}"`);
  if (req[3] !== '2.0') {
    return { ...fail('bad-version', `unsupported version SIP/${req[3] ?? ''}`), status: 505 };
  }
  if (!validRequestLine(`${req[1]} ${req[2]} SIP/2.0`)) {
    return fail('bad-start-line', `malformed Request-Line "${printable(line, 60)}"`);
  }
  return { kind: 'request', method: req[1], uri: req[2] };
}

/** Grammar check of a Request-Line, memoized: sip.js's parser is slow per call (see sip-uri.ts). */
const requestLineMemo = new Map<string, boolean>();
function validRequestLine(text: string): boolean {
  const hit = requestLineMemo.get(text);
  if (hit !== undefined) return hit;
  let parsed: unknown;
  try {
    parsed = Grammar.parse(text, 'Request_Response');
  } catch {
    parsed = -1;
  }
  const valid = parsed !== -1 && typeof parsed === 'object' && parsed !== null && 'method' in parsed;
  if (requestLineMemo.size >= 4096) requestLineMemo.clear();
  requestLineMemo.set(text, valid);
  return valid;
}

/**
 * From/To validity, memoized: the same dialog's From and To come back on every in-dialog message
 * and every answer to a server INFO, and parseNameAddr (URI grammar) is the costly part.
 */
const nameAddrMemo = new Map<string, boolean>();
function validNameAddr(value: string): boolean {
  const hit = nameAddrMemo.get(value);
  if (hit !== undefined) return hit;
  const valid = parseNameAddr(value) !== undefined;
  if (nameAddrMemo.size >= 32_768) nameAddrMemo.clear();
  nameAddrMemo.set(value, valid);
  return valid;
}

function checkHeaders(headers: SipHeader[], method: string | undefined): ParseFailure | undefined {
  const msg = { headers };
  for (const name of ['Via', 'From', 'To', 'Call-ID', 'CSeq']) {
    const v = headerValue(msg, name);
    if (v === undefined || v === '') return fail('missing-header', `missing ${name}`);
  }
  for (const via of splitHeaderLines(headerValues(msg, 'Via'))) {
    if (!parseVia(via)) return fail('bad-via', `malformed Via "${printable(via, 60)}"`);
  }
  if (!validNameAddr(headerValue(msg, 'From') ?? '')) return fail('bad-from', 'malformed From');
  if (!validNameAddr(headerValue(msg, 'To') ?? '')) return fail('bad-to', 'malformed To');
  const cseq = parseCSeq(headerValue(msg, 'CSeq') ?? '');
  if (!cseq) return fail('bad-cseq', `malformed CSeq "${printable(headerValue(msg, 'CSeq') ?? '', 30)}"`);
  // RFC 3261 §8.1.1.5: the CSeq method MUST match the method of the request.
  if (method !== undefined && cseq.method !== method) {
    return fail('cseq-method-mismatch', `CSeq method ${cseq.method} does not match ${method}`);
  }
  const mf = headerValue(msg, 'Max-Forwards');
  if (mf !== undefined && !/^\d{1,10}$/.test(mf)) return fail('bad-max-forwards', 'malformed Max-Forwards');
  return undefined;
}

/** RFC 3261 §7.3.1: a line starting with SP or HTAB continues the previous header. */
function unfold(head: string): string[] {
  const out: string[] = [];
  for (const line of head.split(/\r?\n/)) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && out.length > 0) {
      out[out.length - 1] = `${(out[out.length - 1] ?? '').trimEnd()} ${line.trim()}`;
    } else out.push(line);
  }
  return out;
}

/** Trim SP and HTAB only (String#trim would also eat a U+FEFF at the start of a value). */
function trimLws(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && (text.charCodeAt(a) === 0x20 || text.charCodeAt(a) === 0x09)) a++;
  while (b > a && (text.charCodeAt(b - 1) === 0x20 || text.charCodeAt(b - 1) === 0x09)) b--;
  return a === 0 && b === text.length ? text : text.slice(a, b);
}

function reqInfo(start: StartLine, headers: SipHeader[]): ParseFailure['request'] {
  return start.kind === 'request' ? { method: start.method, headers } : undefined;
}

function fail(reason: ParseFailureReason, detail: string, request?: ParseFailure['request']): ParseFailure {
  const status = reason === 'bad-version' ? 505 : 400;
  return request ? { kind: 'failure', reason, detail, status, request } : { kind: 'failure', reason, detail, status };
}

function printable(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\x00-\x1f\x7f"]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

export function isParseFailure(value: SipMessage | ParseFailure): value is ParseFailure {
  return value.kind === 'failure';
}
