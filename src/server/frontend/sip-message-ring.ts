/**
 * The in-memory ring buffer of recent SIP messages (issue 4 item 9) behind `sip.recentMessages`,
 * for the console's Logs page. Recording keeps a reference to the bytes; formatting happens only
 * when somebody reads. Bodies are cut at 8 KiB.
 */
import { formatWireRecord, type WireRecord, type WireTap } from '../transport/sip/endpoint/wire-trace.js';

export interface SipMessageView {
  seq: number;
  time: string;
  direction: 'in' | 'out';
  transport: string;
  remote: string;
  connectionId: number;
  firstLine: string;
  callId: string | null;
  text: string;
}

export interface SipMessageQuery {
  limit: number;
  callId?: string | undefined;
  connectionId?: number | undefined;
}

export interface SipMessageRing extends WireTap {
  recentMessages(query: SipMessageQuery): SipMessageView[];
  readonly size: number;
}

const MAX_TEXT_BYTES = 8 * 1024;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

export function createSipMessageRing(capacity: number): SipMessageRing {
  const entries: Array<{ seq: number; record: WireRecord } | undefined> = new Array(capacity);
  let next = 0;
  let seq = 0;

  function view(seqNo: number, r: WireRecord): SipMessageView {
    const bytes = r.bytes.length > MAX_TEXT_BYTES ? r.bytes.subarray(0, MAX_TEXT_BYTES) : r.bytes;
    const text = bytes
      .toString('utf8')
      .replace(CONTROL_CHARS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
    const firstLine = text.slice(0, Math.max(0, text.indexOf('\r\n'))) || text.slice(0, 200);
    const callId = /^(?:Call-ID|i)[ \t]*:[ \t]*(.+?)\r?$/im.exec(text)?.[1] ?? null;
    return {
      seq: seqNo,
      time: new Date(r.time).toISOString(),
      direction: r.direction,
      transport: r.transport,
      remote: r.remote,
      connectionId: r.connectionId,
      firstLine,
      callId,
      text: r.bytes.length > MAX_TEXT_BYTES ? `${text}\n… (${r.bytes.length - MAX_TEXT_BYTES} more bytes)` : text,
    };
  }

  return {
    enabled: () => true,
    record(record) {
      entries[next] = { seq: ++seq, record };
      next = (next + 1) % capacity;
    },
    get size() {
      return Math.min(seq, capacity);
    },
    recentMessages(query) {
      const out: SipMessageView[] = [];
      for (let i = 1; i <= capacity && out.length < query.limit; i++) {
        const e = entries[(next - i + capacity * 2) % capacity];
        if (!e) break;
        if (query.connectionId !== undefined && e.record.connectionId !== query.connectionId) continue;
        const v = view(e.seq, e.record);
        if (query.callId !== undefined && v.callId !== query.callId) continue;
        out.push(v);
      }
      return out.reverse();
    },
  };
}

/** Fan one record out to several taps, each only when it is enabled. */
export function combineWireTaps(taps: readonly WireTap[]): WireTap {
  return {
    enabled: () => taps.some((t) => t.enabled()),
    record: (r) => {
      for (const t of taps) if (t.enabled()) t.record(r);
    },
  };
}

export { formatWireRecord };
