/**
 * The SIP endpoint: listener → framer → codec → transactions, and a small delegate upward
 * (STYLE.md practice 3). Malformed input becomes a 400 or a closed connection, never an
 * exception in the accept loop. Overload (issue 4 item 8): bounded per-connection and global
 * counts of requests awaiting their final response; above them new requests get 503 with
 * Retry-After and never reach the delegate.
 */
import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from '../../../log/logger.js';
import { parseMessage } from '../codec/parse-message.js';
import { peekResponse } from '../codec/peek-response.js';
import type { SipRequest, SipResponse } from '../codec/sip-message.js';
import { responseForParseFailure, serviceUnavailable } from '../codec/stateless-response.js';
import type { ClientListener, ClientOutcome } from '../transactions/client-transactions.js';
import type { ServerTransaction } from '../transactions/server-transaction.js';
import { systemTimers, type TimerHandle, type TimerPort } from '../transactions/timers.js';
import { TransactionLayer, type ViaSender } from '../transactions/transaction-layer.js';
import type { ConnectionSink, SipConnection } from './sip-connection.js';
import { countResponse, createSipCounters, type SipCounters } from './sip-counters.js';
import { createStreamConnection } from './stream-connection.js';
import { listenTcp, type SipListener } from './tcp-listener.js';
import { listenTls, type TlsListenerOptions } from './tls-listener.js';
import { wireRecord, type WireTap } from './wire-trace.js';
import { createWebSocketConnection } from './ws-connection.js';
import { attachWebSocketListener, type WebSocketListener } from './ws-listener.js';

export interface SipEndpointDelegate {
  /** A new request with its server transaction; answer through `transaction.reply(...)`. */
  onRequest(request: SipRequest, transaction: ServerTransaction, connection: SipConnection): void;
  /** An ACK that no transaction absorbed: the ACK for a 2xx (RFC 3261 §13.3.1.4). */
  onAck?(request: SipRequest, connection: SipConnection): void;
  /** A CANCEL answered by the endpoint (200 + 487 to its INVITE); informs the TU. */
  onCancel?(invite: ServerTransaction, connection: SipConnection): void;
  onConnectionClosed?(connection: SipConnection): void;
}

export interface SipEndpointOptions {
  readonly logger: Logger;
  readonly timers?: TimerPort;
  readonly maxMessageBytes?: number;
  readonly maxConnections?: number;
  /** Close a connection silent for this long (keep-alives count as activity). */
  readonly idleTimeoutMs?: number;
  readonly maxSendQueueBytes?: number;
  /** Requests awaiting a final response, per connection and in total, before 503. */
  readonly maxPendingPerConnection?: number;
  readonly maxPendingGlobal?: number;
  readonly retryAfterSeconds?: number;
  /** Overload hook: return a Retry-After in seconds to refuse the request with 503, or undefined. */
  readonly overloadCheck?: (request: SipRequest, connection: SipConnection) => number | undefined;
  readonly answerKeepAlives?: boolean;
  readonly wireTap?: WireTap;
  /** Timer J override (absorb non-INVITE retransmissions for longer than RFC's 0 s). */
  readonly timerJ?: number;
  /** Host written in the Via of server-originated requests; defaults to the connection's local address. */
  readonly viaHost?: string;
}

export interface SipEndpoint {
  listenTcp(options: { host: string; port: number }): Promise<SipListener>;
  listenTls(options: TlsListenerOptions): Promise<SipListener>;
  attachWebSocket(server: HttpServer, options?: { path?: string; secure?: boolean }): WebSocketListener;
  /** Accept an already-connected stream socket (for hosts that own their listeners). */
  acceptSocket(socket: Socket, transport: 'TCP' | 'TLS'): void;
  /** Send a non-INVITE request over a client's own connection and await its final response. */
  sendRequest(connection: SipConnection, request: SipRequest, timeoutMs?: number): Promise<ClientOutcome>;
  /** The Via for requests the server sends on `connection` (for request templates). */
  viaFor(connection: SipConnection): ViaSender;
  /**
   * A request serialized by the caller with our Via (`viaFor`) and the branch of `branchId`
   * (branch.ts): queued on the connection and tracked as a client transaction whose final status
   * goes to `listener` with `context`. False when the connection refused it (closed, overloaded).
   */
  sendSerializedRequest<C>(
    connection: SipConnection,
    branchId: number,
    method: string,
    bytes: Buffer,
    listener: ClientListener<C>,
    context: C,
  ): boolean;
  readonly counters: Readonly<SipCounters>;
  readonly connections: ReadonlySet<SipConnection>;
  readonly pendingRequests: number;
  close(): Promise<void>;
}

export function createSipEndpoint(options: SipEndpointOptions, delegate: SipEndpointDelegate): SipEndpoint {
  const timers = options.timers ?? systemTimers;
  const log = options.logger;
  const maxMessageBytes = options.maxMessageBytes ?? 64 * 1024;
  const maxConnections = options.maxConnections ?? 25_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 10 * 60_000;
  const maxSendQueueBytes = options.maxSendQueueBytes ?? 1024 * 1024;
  const maxPerConn = options.maxPendingPerConnection ?? 32;
  const maxGlobal = options.maxPendingGlobal ?? 5_000;
  const retryAfter = options.retryAfterSeconds ?? 5;
  const counters = createSipCounters();
  const connections = new Set<SipConnection>();
  const lastActivity = new Map<SipConnection, number>();
  const pendingByConn = new Map<SipConnection, number>();
  const pendingTx = new Set<ServerTransaction>();
  const listeners: Array<{ close(): unknown }> = [];
  const tap = options.wireTap;

  const release = (tx: ServerTransaction) => {
    if (!pendingTx.delete(tx)) return;
    const conn = tx.transport as SipConnection;
    const n = (pendingByConn.get(conn) ?? 1) - 1;
    if (n <= 0) pendingByConn.delete(conn);
    else pendingByConn.set(conn, n);
  };

  const layer = new TransactionLayer({
    timers,
    ...(options.timerJ !== undefined ? { timerJ: options.timerJ } : {}),
    observer: { onFinalResponse: release, onTerminated: release },
  });

  const sink: ConnectionSink = {
    onActivity(connection) {
      lastActivity.set(connection, timers.now());
    },
    onSent(connection, message, bytes) {
      counters.bytesOut += bytes.length;
      if (message?.kind === 'response') countResponse(counters, message.status);
      if (tap?.enabled()) tap.record(wireRecord('out', connection, bytes, timers.now()));
    },
    onClosed(connection) {
      if (!connections.delete(connection)) return;
      counters.connectionsOpen = connections.size;
      lastActivity.delete(connection);
      layer.transportClosed(connection);
      pendingByConn.delete(connection);
      safely('onConnectionClosed', () => delegate.onConnectionClosed?.(connection));
    },
    onMessage(connection, frame, messageFramed) {
      counters.bytesIn += frame.length;
      if (tap?.enabled()) tap.record(wireRecord('in', connection, frame, timers.now()));
      try {
        receive(connection, frame, messageFramed);
      } catch (e) {
        // Defensive: a bug below must cost one connection, not the process.
        log.error('sip message handling failed', { err: String(e), connection: connection.id });
        connection.close();
      }
    },
  };

  function viaFor(connection: SipConnection): ViaSender {
    return {
      transport: connection.transport,
      host: options.viaHost ?? connection.localAddress,
      port: connection.localPort,
    };
  }

  function receive(connection: SipConnection, frame: Buffer, messageFramed: boolean): void {
    // The answers to our own INFOs (one per room delivery): match by branch + CSeq method from a
    // minimal scan; the full parse runs only when nothing matches (or for a lazy header read).
    if (frame[0] === 0x53 && layer.clientTransactionCount > 0) {
      const peek = peekResponse(frame);
      const parse = messageFramed ? parseFramedResponse : parseStreamResponse;
      if (peek && layer.receivePeekedResponse(peek, frame, parse)) {
        counters.responsesReceived++;
        return;
      }
    }
    const message = parseMessage(frame, { requireContentLength: !messageFramed });
    if (message.kind === 'failure') {
      counters.parseErrors++;
      log.debug('malformed SIP message', { reason: message.reason, detail: message.detail, connection: connection.id });
      const answer = responseForParseFailure(message);
      if (answer) connection.send(answer);
      else if (message.request) connection.close();
      return;
    }
    if (message.kind === 'response') {
      counters.responsesReceived++;
      if (!layer.receiveResponse(message)) log.debug('stray response dropped', { status: message.status });
      return;
    }
    counters.requestsReceived++;
    if (message.method !== 'ACK' && message.method !== 'CANCEL' && overloaded(message, connection)) return;
    const result = layer.receiveRequest(message, connection);
    switch (result.kind) {
      case 'new': {
        pendingTx.add(result.transaction);
        pendingByConn.set(connection, (pendingByConn.get(connection) ?? 0) + 1);
        const tx = result.transaction;
        safely(
          'onRequest',
          () => delegate.onRequest(message, tx, connection),
          () => tx.reply(500),
        );
        return;
      }
      case 'absorbed':
        counters.retransmissions++;
        return;
      case 'ack':
        safely('onAck', () => delegate.onAck?.(message, connection));
        return;
      case 'cancel': {
        // RFC 3261 §9.2: answer the CANCEL 200 and the INVITE 487 if it has no final response;
        // "If the UAS did not find a matching transaction for the CANCEL, it SHOULD respond 481".
        const target = result.target;
        if (target && target.finalStatus === undefined) {
          result.transaction.reply(200);
          target.reply(487);
          safely('onCancel', () => delegate.onCancel?.(target, connection));
        } else result.transaction.reply(481);
        return;
      }
      case 'unmatchable':
        connection.close();
        return;
    }
  }

  function parsedResponse(frame: Buffer, messageFramed: boolean): SipResponse {
    const m = parseMessage(frame, { requireContentLength: !messageFramed });
    if (m.kind === 'response') return m;
    // The peek matched but the full parser refuses the frame: keep what the peek saw.
    return {
      kind: 'response',
      status: Number(frame.toString('latin1', 8, 11)),
      reason: '',
      headers: [],
      body: Buffer.alloc(0),
    };
  }

  const parseStreamResponse = (frame: Buffer) => parsedResponse(frame, false);
  const parseFramedResponse = (frame: Buffer) => parsedResponse(frame, true);

  function overloaded(request: SipRequest, connection: SipConnection): boolean {
    const hook = options.overloadCheck?.(request, connection);
    const full = (pendingByConn.get(connection) ?? 0) >= maxPerConn || pendingTx.size >= maxGlobal;
    if (hook === undefined && !full) return false;
    counters.overload503++;
    connection.send(serviceUnavailable(request, hook ?? retryAfter));
    return true;
  }

  function safely(what: string, fn: () => void, onError?: () => void): void {
    try {
      fn();
    } catch (e) {
      log.error(`SIP delegate ${what} threw`, { err: e instanceof Error ? e.message : String(e) });
      try {
        onError?.();
      } catch {
        /* the transaction may already be gone */
      }
    }
  }

  function admit(connection: SipConnection): void {
    connections.add(connection);
    counters.connectionsAccepted++;
    counters.connectionsOpen = connections.size;
    lastActivity.set(connection, timers.now());
  }

  function acceptSocket(socket: Socket, transport: 'TCP' | 'TLS'): void {
    if (connections.size >= maxConnections) {
      counters.connectionsRejected++;
      socket.destroy();
      return;
    }
    const connection = createStreamConnection(socket, transport, sink, {
      maxMessageBytes,
      maxSendQueueBytes,
      answerKeepAlives: options.answerKeepAlives ?? false,
      onFramingError: (c, error) => {
        counters.framingErrors++;
        log.debug('SIP framing error; closing', { code: error.code, connection: c.id });
      },
    });
    admit(connection);
  }

  // Idle sweep: one timer for all connections instead of one per connection.
  const sweepEvery = Math.max(250, Math.min(idleTimeoutMs / 4, 5_000));
  let sweepHandle: TimerHandle | undefined;
  const sweep = () => {
    const cutoff = timers.now() - idleTimeoutMs;
    for (const [conn, at] of lastActivity) {
      if (at <= cutoff) {
        counters.idleTimeouts++;
        conn.close();
      }
    }
    sweepHandle = timers.setTimeout(sweep, sweepEvery);
  };
  sweepHandle = timers.setTimeout(sweep, sweepEvery);

  return {
    async listenTcp(opts) {
      const l = await listenTcp(opts, (s) => acceptSocket(s, 'TCP'));
      listeners.push(l);
      return l;
    },
    async listenTls(opts) {
      const l = await listenTls(opts, (s) => acceptSocket(s, 'TLS'));
      listeners.push(l);
      return l;
    },
    attachWebSocket(server, opts = {}) {
      const l = attachWebSocketListener(
        server,
        { path: opts.path ?? '/sip', maxPayload: maxMessageBytes },
        (ws, req) => {
          if (connections.size >= maxConnections) {
            counters.connectionsRejected++;
            ws.terminate();
            return;
          }
          const s = req.socket;
          const connection = createWebSocketConnection(
            ws,
            {
              secure: opts.secure ?? false,
              remoteAddress: s.remoteAddress ?? '',
              remotePort: s.remotePort ?? 0,
              localAddress: s.localAddress ?? '',
              localPort: s.localPort ?? 0,
              maxSendQueueBytes,
            },
            sink,
          );
          admit(connection);
        },
      );
      listeners.push(l);
      return l;
    },
    acceptSocket,
    sendRequest(connection, request, timeoutMs) {
      return layer.sendRequest(request, connection, viaFor(connection), timeoutMs);
    },
    viaFor,
    sendSerializedRequest(connection, branchId, method, bytes, listener, context) {
      if (!connection.sendSerialized(bytes)) return false;
      layer.track(branchId, method, connection, listener, context);
      return true;
    },
    get counters() {
      return counters;
    },
    connections,
    get pendingRequests() {
      return pendingTx.size;
    },
    async close() {
      if (sweepHandle !== undefined) timers.clearTimeout(sweepHandle);
      for (const c of [...connections]) c.close();
      layer.dispose();
      await Promise.all(listeners.map((l) => l.close()));
    },
  };
}
