/**
 * One client connection, whatever carries it. Server-originated requests go back over the
 * client's own connection (XCCOS.md §2.1, §10 item 12): `connection.send(message)`.
 */
import type { SipMessage } from '../codec/sip-message.js';
import type { TransactionTransport } from '../transactions/server-transaction.js';

export type SipTransportName = 'TCP' | 'TLS' | 'WS' | 'WSS';

export interface SipConnection extends TransactionTransport {
  readonly id: number;
  readonly transport: SipTransportName;
  readonly secure: boolean;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly localAddress: string;
  readonly localPort: number;
  readonly closed: boolean;
  /** Serialize and queue a message; false when closed or over the send-queue bound. */
  send(message: SipMessage): boolean;
  /** Queue a request already serialized (request-template.ts); false as for `send`. */
  sendSerialized(bytes: Buffer): boolean;
  close(): void;
}

/** What a connection reports to the endpoint that owns it. */
export interface ConnectionSink {
  /** One complete SIP message (already framed; WebSocket messages may lack Content-Length). */
  onMessage(connection: SipConnection, frame: Buffer, messageFramed: boolean): void;
  /** `message` is absent for bytes serialized by the caller (always requests). */
  onSent(connection: SipConnection, message: SipMessage | undefined, bytes: Buffer): void;
  onClosed(connection: SipConnection): void;
  onActivity(connection: SipConnection): void;
}

let nextConnectionId = 1;
export function newConnectionId(): number {
  return nextConnectionId++;
}

/** A connection as its implementation holds it (it sets `closed`). */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
