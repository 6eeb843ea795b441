/**
 * RFC 3261 §20.42 `Via`: `SIP/2.0/{transport} {sent-by}` plus parameters. Parsed tolerantly and
 * never rewritten: responses copy the received value, adding only `received`/`rport` (§18.2.1,
 * RFC 3581) where we choose to.
 */
import { parseParams } from './split-header-list.js';

/** RFC 3261 §8.1.1.7: branches of RFC 3261 clients start with this magic cookie. */
export const BRANCH_MAGIC_COOKIE = 'z9hG4bK';

export interface Via {
  readonly protocol: string;
  /** Upper-cased. COMPAT: pidgin-sipe writes `SIP/2.0/tcp` (XCCOS.md §10 item 2). */
  readonly transport: string;
  readonly host: string;
  readonly port: number | undefined;
  /** Absent for pidgin-sipe in-dialog requests (XCCOS.md §10 item 1). */
  readonly branch: string | undefined;
  readonly received: string | undefined;
  /** `null` when `rport` is present without a value (RFC 3581 request form). */
  readonly rport: number | null | undefined;
  readonly params: ReadonlyMap<string, string | null>;
}

const VIA_RE =
  /^([A-Za-z0-9.!%*_+`'~-]+)\s*\/\s*([0-9.]+)\s*\/\s*([A-Za-z0-9.!%*_+`'~-]+)\s+(\[[0-9A-Fa-f:.]+\]|[^\s:;]+)(?:\s*:\s*(\d{1,5}))?\s*(.*)$/s;

export function parseVia(value: string): Via | undefined {
  const m = VIA_RE.exec(value.trim());
  if (!m || !m[1] || !m[2] || !m[3] || !m[4]) return undefined;
  const params = parseParams(m[6] ?? '');
  if (!params) return undefined;
  const port = m[5] === undefined ? undefined : Number(m[5]);
  if (port !== undefined && port > 65535) return undefined;
  const rportRaw = params.get('rport');
  const rport = rportRaw === undefined ? undefined : rportRaw === null ? null : Number(rportRaw);
  if (typeof rport === 'number' && !Number.isInteger(rport)) return undefined;
  return {
    protocol: `${m[1].toUpperCase()}/${m[2]}`,
    transport: m[3].toUpperCase(),
    host: m[4],
    port,
    branch: params.get('branch') ?? undefined,
    received: params.get('received') ?? undefined,
    rport,
    params,
  };
}

/** `host[:port]` as the RFC's `sent-by`, for transaction matching. */
export function viaSentBy(via: Via): string {
  return via.port === undefined ? via.host.toLowerCase() : `${via.host.toLowerCase()}:${via.port}`;
}

/** True for an RFC 3261 branch (§17.2.3); otherwise RFC 2543 matching applies. */
export function hasRfc3261Branch(via: Via): boolean {
  return via.branch !== undefined && via.branch.startsWith(BRANCH_MAGIC_COOKIE);
}

/**
 * RFC 3261 §18.2.1: add `received` when the sent-by host differs from the packet source, and
 * RFC 3581 §4: fill an empty `rport`. Everything else in the value stays as received.
 */
export function stampVia(value: string, via: Via, sourceAddress: string, sourcePort: number): string {
  let out = value;
  if (via.rport === null) out = out.replace(/;\s*rport(?=\s*(;|$))/i, `;rport=${sourcePort}`);
  if (via.received === undefined && (via.host !== sourceAddress || via.rport === null)) {
    out += `;received=${sourceAddress}`;
  }
  return out;
}

/** `SIP/2.0/TCP host:port;branch=…` for requests we originate. */
export function formatVia(transport: string, host: string, port: number, branch: string): string {
  return `SIP/2.0/${transport.toUpperCase()} ${host}:${port};branch=${branch}`;
}
