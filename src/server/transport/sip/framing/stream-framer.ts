/**
 * Byte-stream framing for SIP over TCP/TLS (STYLE.md practice 2): a pure state machine,
 * `push(chunk) → { frames, keepAlives, error? }`. Frames are cut by `Content-Length` in BYTES
 * before anything is decoded (RFC 3261 §18.3). Bare CRLFs between messages are keep-alives
 * (RFC 5626 §3.5.1 "ping" = CRLF CRLF, "pong" = CRLF; XCCOS.md §10 item 3). After an error the
 * framer is dead: the connection cannot be re-synchronised and must be closed. Never throws.
 */
import { canonicalHeaderName, headerNameIs } from '../codec/header-names.js';
import { findHeaderEnd } from '../codec/parse-message.js';

export type FramingErrorCode =
  /** Header section or Content-Length above the configured maximum → 413/513 or close. */
  | 'message-too-large'
  /** RFC 3261 §18.3: a stream message MUST carry Content-Length. */
  | 'missing-content-length'
  | 'bad-content-length'
  /** The first line is not a SIP start line. */
  | 'garbage';

export interface FramingError {
  readonly code: FramingErrorCode;
  readonly message: string;
  /** The header section of the offending message, when it was complete (to address a 4xx). */
  readonly head?: Buffer;
}

export interface FramerResult {
  readonly frames: Buffer[];
  /** RFC 5626 pings (CRLF CRLF) seen; the connection may answer each with a pong (CRLF). */
  readonly keepAlives: number;
  readonly error?: FramingError;
}

export interface StreamFramerOptions {
  /** Largest accepted message, headers plus body, in bytes. */
  readonly maxMessageBytes: number;
}

export const PONG = Buffer.from('\r\n');

export interface StreamFramer {
  push(chunk: Buffer): FramerResult;
}

/** Loose on purpose: odd spacing is the parser's 400 to give; only non-SIP streams fail here. */
const START_LINE_RE = /^(SIP\/\d+\.\d+[ \t].*|[!-~]+[ \t]+\S.*[ \t]SIP\/\d+\.\d+[ \t]*)$/i;

export function createStreamFramer(options: StreamFramerOptions): StreamFramer {
  // Amortised growth: a byte-at-a-time sender costs O(n), not O(n²) copies (slow-loris safety).
  let store: Buffer = Buffer.alloc(0);
  /** `store` is a chunk as received, not a buffer of ours (frames may be views into it). */
  let storeIsChunk = false;
  let start = 0;
  let end = 0;
  /** The unconsumed bytes (a view into `store`). */
  let buf: Buffer = store;
  /** Where the search for the blank line resumes (avoids rescanning on every byte). */
  let scanFrom = 0;
  let startLineChecked = false;
  let dead: FramingError | undefined;

  function push(chunk: Buffer): FramerResult {
    if (dead) return { frames: [], keepAlives: 0, error: dead };
    append(chunk);
    const frames: Buffer[] = [];
    let keepAlives = 0;
    for (;;) {
      if (!startLineChecked) {
        const skipped = skipKeepAlives();
        keepAlives += skipped.pings;
        if (skipped.waiting || buf.length === 0) break;
      }
      const step = nextFrame();
      if (step === 'wait') break;
      if ('code' in step) {
        dead = step;
        store = buf = Buffer.alloc(0);
        start = end = 0;
        return { frames, keepAlives, error: step };
      }
      frames.push(step.frame);
    }
    return { frames, keepAlives };
  }

  /** Drop leading CR/LF; count CRLF CRLF pairs as pings. `waiting` while a lone CR/CRLF might grow. */
  function skipKeepAlives(): { pings: number; waiting: boolean } {
    let pings = 0;
    let i = 0;
    while (i < buf.length) {
      if (buf[i] === 0x0d && buf[i + 1] === 0x0a && buf[i + 2] === 0x0d && buf[i + 3] === 0x0a) {
        pings++;
        i += 4;
      } else if (buf[i] === 0x0d || buf[i] === 0x0a) {
        // A lone CRLF (a pong, or a stray line end). A CR, CRLF or CRLFCR at the very end may be
        // the start of a ping: wait for more bytes before deciding.
        const rest = buf.length - i;
        if (rest < 4 && isPingPrefix(buf.subarray(i))) break;
        i++;
      } else break;
    }
    if (i > 0) consume(i);
    const waiting = buf.length > 0 && (buf[0] === 0x0d || buf[0] === 0x0a);
    return { pings, waiting };
  }

  function nextFrame(): { frame: Buffer } | FramingError | 'wait' {
    // The usual start of a response (the 200s to our INFOs) needs no pattern match.
    if (!startLineChecked && startsWithSip20(buf)) startLineChecked = true;
    if (!startLineChecked) {
      const eol = buf.indexOf(0x0a);
      if (eol < 0) {
        if (buf.length > options.maxMessageBytes) return tooLarge();
        if (buf.length > 16_384) return garbage();
        return 'wait';
      }
      const line = buf.subarray(0, eol).toString('latin1').replace(/\r$/, '');
      if (!START_LINE_RE.test(line)) return garbage();
      startLineChecked = true;
    }
    const end = findHeaderEnd(buf, Math.max(0, scanFrom - 3));
    if (!end) {
      scanFrom = buf.length;
      if (buf.length > options.maxMessageBytes) return tooLarge();
      return 'wait';
    }
    const head = buf.subarray(0, end.index);
    const length = contentLength(head);
    if (typeof length !== 'number') return { ...length, head: Buffer.from(head) };
    const total = end.index + end.length + length;
    if (total > options.maxMessageBytes) {
      return {
        code: 'message-too-large',
        message: `message of ${total} bytes exceeds the limit`,
        head: Buffer.from(head),
      };
    }
    if (buf.length < total) return 'wait';
    // A frame cut from a chunk Node handed us is a view (the chunk is never written to); one
    // cut from the framer's own growing buffer is copied, as that buffer is reused.
    const frame = storeIsChunk ? buf.subarray(0, total) : Buffer.from(buf.subarray(0, total));
    consume(total);
    scanFrom = 0;
    startLineChecked = false;
    return { frame };
  }

  function append(chunk: Buffer): void {
    if (start === end) {
      // Nothing pending: frame straight from the chunk (frames and heads are copied out).
      store = chunk;
      storeIsChunk = true;
      start = 0;
      end = chunk.length;
      buf = store;
      return;
    }
    if (end + chunk.length > store.length) {
      const live = end - start;
      const next = Buffer.allocUnsafe(Math.max(4096, 2 * live + chunk.length));
      store.copy(next, 0, start, end);
      store = next;
      storeIsChunk = false;
      start = 0;
      end = live;
    }
    chunk.copy(store, end);
    end += chunk.length;
    buf = store.subarray(start, end);
  }

  function consume(n: number): void {
    start += n;
    if (start >= end) {
      start = end = 0;
      // Drop a large idle buffer once it is empty.
      if (store.length > 65_536) store = Buffer.alloc(0);
    }
    buf = store.subarray(start, end);
  }

  function tooLarge(): FramingError {
    return { code: 'message-too-large', message: `header section exceeds ${options.maxMessageBytes} bytes` };
  }

  // No getters on this per-connection object: each would give every framer its own hidden class.
  return { push };
}

function isPingPrefix(bytes: Buffer): boolean {
  const ping = [0x0d, 0x0a, 0x0d, 0x0a];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== ping[i]) return false;
  return true;
}

function garbage(): FramingError {
  return { code: 'garbage', message: 'the stream does not start with a SIP start line' };
}

const SIP_2_0_SP = [0x53, 0x49, 0x50, 0x2f, 0x32, 0x2e, 0x30, 0x20];

function startsWithSip20(bytes: Buffer): boolean {
  if (bytes.length < SIP_2_0_SP.length) return false;
  for (let i = 0; i < SIP_2_0_SP.length; i++) if (bytes[i] !== SIP_2_0_SP[i]) return false;
  return true;
}

/** Content-Length from a header section (long or compact `l` form; folded lines tolerated). */
function contentLength(head: Buffer): number | FramingError {
  const raw = head.toString('latin1');
  const quick = plainContentLength(raw);
  if (quick !== undefined) return quick;
  const values = /\n[ \t]/.test(raw) ? contentLengthValuesFolded(raw) : contentLengthValues(raw);
  if (values.length === 0) {
    return { code: 'missing-content-length', message: 'a message on a stream transport must carry Content-Length' };
  }
  if (!values.every((v) => /^\d{1,10}$/.test(v)) || new Set(values.map(Number)).size > 1) {
    return { code: 'bad-content-length', message: 'invalid Content-Length' };
  }
  return Number(values[0]);
}

/**
 * The plain case in one pass without slicing: no folded lines and exactly one Content-Length
 * (long or `l` form) of 1–10 digits. Anything else is undefined and goes the careful way.
 */
function plainContentLength(text: string): number | undefined {
  let value = -1;
  let at = text.indexOf('\n');
  while (at >= 0) {
    const s = at + 1;
    const c = text.charCodeAt(s);
    if (c === 32 || c === 9) return undefined;
    const first = c | 0x20;
    if (first === 0x63 /* c */ || first === 0x6c /* l */) {
      const colon = text.indexOf(':', s);
      const eol = text.indexOf('\n', s);
      const lineEnd = eol < 0 ? text.length : eol;
      if (
        colon > 0 &&
        colon < lineEnd &&
        (headerNameIs(text, s, colon, 'content-length') || headerNameIs(text, s, colon, 'l'))
      ) {
        if (value >= 0) return undefined;
        let i = colon + 1;
        while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
        let digits = 0;
        let n = 0;
        for (; i < lineEnd; i++, digits++) {
          const d = text.charCodeAt(i) - 48;
          if (d < 0 || d > 9) break;
          n = n * 10 + d;
        }
        while (i < lineEnd && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 13)) i++;
        if (digits === 0 || digits > 10 || i !== lineEnd) return undefined;
        value = n;
      }
    }
    at = text.indexOf('\n', s);
  }
  return value >= 0 ? value : undefined;
}

/** The usual case (no folded lines): only lines starting with `c` or `l` are looked at. */
function contentLengthValues(text: string): string[] {
  const values: string[] = [];
  let at = text.indexOf('\n');
  while (at >= 0) {
    const next = text.indexOf('\n', at + 1);
    const first = text.charCodeAt(at + 1) | 0x20;
    if (first === 0x63 /* c */ || first === 0x6c /* l */) {
      const line = text.slice(at + 1, next < 0 ? text.length : next).replace(/\r$/, '');
      const colon = line.indexOf(':');
      if (colon > 0 && canonicalHeaderName(line.slice(0, colon).trim()) === 'Content-Length')
        values.push(line.slice(colon + 1).trim());
    }
    at = next;
  }
  return values;
}

function contentLengthValuesFolded(raw: string): string[] {
  const text = raw.replace(/\r?\n[ \t]+/g, ' ');
  const values: string[] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    if (canonicalHeaderName(line.slice(0, colon).trim()) === 'Content-Length')
      values.push(line.slice(colon + 1).trim());
  }
  return values;
}
