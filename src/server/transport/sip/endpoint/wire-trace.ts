/**
 * The `sip.wire` trace hook (STYLE.md practice 10, issue 4 item 9): off by default, and nothing
 * is formatted unless `enabled()` says so. A tap may feed a trace file, a ring buffer, or both.
 */
import type { Logger } from '../../../log/logger.js';
import type { SipConnection } from './sip-connection.js';

export interface WireRecord {
  readonly direction: 'in' | 'out';
  readonly connectionId: number;
  readonly transport: string;
  readonly remote: string;
  readonly time: number;
  readonly bytes: Buffer;
}

export interface WireTap {
  enabled(): boolean;
  record(entry: WireRecord): void;
}

export function wireRecord(
  direction: 'in' | 'out',
  connection: SipConnection,
  bytes: Buffer,
  time: number,
): WireRecord {
  return {
    direction,
    connectionId: connection.id,
    transport: connection.transport,
    remote: remoteOf(connection),
    time,
    bytes,
  };
}

/** `address:port` of a connection, formatted once (two records per room delivery). */
const remotes = new WeakMap<SipConnection, string>();
function remoteOf(connection: SipConnection): string {
  let remote = remotes.get(connection);
  if (remote === undefined) remotes.set(connection, (remote = `${connection.remoteAddress}:${connection.remotePort}`));
  return remote;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

/** Readable text of a record: a header line, then the message with non-printables escaped. */
export function formatWireRecord(entry: WireRecord): string {
  const arrow = entry.direction === 'in' ? '<<<' : '>>>';
  const text = entry.bytes
    .toString('utf8')
    .replace(CONTROL_CHARS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `${arrow} ${entry.transport} ${entry.remote} #${entry.connectionId} ${new Date(entry.time).toISOString()}\n${text}`;
}

/** A tap writing to a logger (category `sip.wire`) at trace level, only when that level is on. */
export function createLoggerWireTap(logger: Logger): WireTap {
  return {
    enabled: () => logger.isLevelEnabled('trace'),
    record: (entry) =>
      logger.trace(formatWireRecord(entry), { connection: entry.connectionId, direction: entry.direction }),
  };
}
