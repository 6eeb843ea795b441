/**
 * The transaction table: matches incoming requests to server transactions (absorbing
 * retransmissions), creates new ones, hands CANCEL and 2xx-ACKs upward, and matches responses to
 * the client transactions of server-originated requests.
 */
import { formatVia } from '../codec/headers/via.js';
import type { ResponsePeek } from '../codec/peek-response.js';
import type { SipHeader, SipRequest, SipResponse } from '../codec/sip-message.js';
import { InviteServerTransaction } from './invite-server-transaction.js';
import { ClientTransactions, type ClientListener, type ClientOutcome } from './client-transactions.js';
import { NonInviteServerTransaction } from './non-invite-server-transaction.js';
import type { ServerTransaction, ServerTransactionObserver, TransactionTransport } from './server-transaction.js';
import { TIMER_F, TIMER_J, type TimerPort } from './timers.js';
import { branchOf, nextBranchId } from './branch.js';
import { cancelTargetKey, clientTransactionMatch, serverTransactionKey } from './transaction-key.js';

export type IncomingRequestResult =
  /** A new transaction: hand it to the TU. */
  | { readonly kind: 'new'; readonly transaction: ServerTransaction }
  /** A retransmission, absorbed by its transaction. */
  | { readonly kind: 'absorbed' }
  /** An ACK that belongs to no INVITE transaction in Completed: the ACK for a 2xx (§13.3.1.4). */
  | { readonly kind: 'ack' }
  /** A CANCEL (§9.2): its own transaction, plus the INVITE transaction it targets, if any. */
  | { readonly kind: 'cancel'; readonly transaction: ServerTransaction; readonly target: ServerTransaction | undefined }
  /** Via/CSeq/Call-ID unusable for matching (the codec normally catches this first). */
  | { readonly kind: 'unmatchable' };

export interface TransactionLayerOptions {
  readonly timers: TimerPort;
  /** Timer J for reliable transports (default 0 per RFC 3261 §17.2.2). */
  readonly timerJ?: number;
  readonly observer?: Partial<ServerTransactionObserver>;
}

export interface ViaSender {
  /** `TCP`, `TLS`, `WS`, `WSS`. */
  readonly transport: string;
  readonly host: string;
  readonly port: number;
}

export class TransactionLayer {
  private readonly server = new Map<string, ServerTransaction>();
  private readonly client: ClientTransactions;
  private readonly observer: ServerTransactionObserver;

  constructor(private readonly options: TransactionLayerOptions) {
    this.client = new ClientTransactions(options.timers);
    this.observer = {
      onFinalResponse: (tx) => options.observer?.onFinalResponse?.(tx),
      onTerminated: (tx) => {
        if (this.server.get(tx.key) === tx) this.server.delete(tx.key);
        options.observer?.onTerminated?.(tx);
      },
      onTimeout: (tx) => options.observer?.onTimeout?.(tx),
    };
  }

  get serverTransactionCount(): number {
    return this.server.size;
  }

  get clientTransactionCount(): number {
    return this.client.size;
  }

  receiveRequest(request: SipRequest, transport: TransactionTransport): IncomingRequestResult {
    const key = serverTransactionKey(request);
    if (key === undefined) return { kind: 'unmatchable' };
    const existing = this.server.get(key);
    if (request.method === 'ACK') {
      if (existing instanceof InviteServerTransaction && existing.receiveAck()) return { kind: 'absorbed' };
      return { kind: 'ack' };
    }
    if (existing && existing.request.method === request.method) {
      existing.receiveRetransmission();
      return { kind: 'absorbed' };
    }
    const deps = { timers: this.options.timers, observer: this.observer, timerJ: this.options.timerJ ?? TIMER_J };
    const tx =
      request.method === 'INVITE'
        ? new InviteServerTransaction(key, request, transport, deps)
        : new NonInviteServerTransaction(key, request, transport, deps);
    this.server.set(key, tx);
    if (request.method === 'CANCEL') {
      const targetKey = cancelTargetKey(request);
      const target = targetKey === undefined ? undefined : this.server.get(targetKey);
      return { kind: 'cancel', transaction: tx, target: target?.kind === 'invite' ? target : undefined };
    }
    return { kind: 'new', transaction: tx };
  }

  /** Returns true when the response matched a client transaction (§17.1.3). */
  receiveResponse(response: SipResponse): boolean {
    const match = clientTransactionMatch(response);
    const tx = match === undefined ? undefined : this.client.get(match.branch, match.method);
    if (!tx) return false;
    this.client.receive(tx, response.status, response);
    return true;
  }

  /**
   * The same for a response known only by its peeked key and status (peek-response.ts): the full
   * parse runs only if someone reads the response's headers. False when no transaction matches.
   */
  receivePeekedResponse(peek: ResponsePeek, frame: Buffer, parse: (frame: Buffer) => SipResponse): boolean {
    const { status } = peek;
    const tx = this.client.get(peek.branch, peek.method);
    if (!tx) return false;
    this.client.receive(tx, status, tx.wantsResponse ? new LazyResponse(status, frame, parse) : undefined);
    return true;
  }

  /**
   * Send a non-INVITE request on a connection and wait for its final response. The top Via is
   * ours, with a fresh RFC 3261 branch, placed before any Via the caller supplied.
   */
  sendRequest(
    request: SipRequest,
    transport: TransactionTransport,
    via: ViaSender,
    timeoutMs = TIMER_F,
  ): Promise<ClientOutcome> {
    const id = nextBranchId();
    const headers: SipHeader[] = [{ name: 'Via', value: formatVia(via.transport, via.host, via.port, branchOf(id)) }];
    for (const h of request.headers) if (h.name !== 'Via') headers.push(h);
    return new Promise((resolve) => {
      if (!transport.send({ ...request, headers })) {
        queueMicrotask(() => resolve({ kind: 'transport-error' }));
        return;
      }
      this.track(
        id,
        request.method,
        transport,
        (kind, _status, response) => resolve(kind === 'response' ? { kind, response: response! } : { kind }),
        undefined,
        timeoutMs,
        true,
      );
    });
  }

  /**
   * The lean form, for requests the caller serialized itself with the branch of `id`
   * (branch.ts) and has just written to `transport` (request-template.ts; one per room
   * delivery): `listener` gets the final status (408 for Timer F, 503 for a transport error)
   * and `context`.
   */
  track<C>(
    id: number,
    method: string,
    transport: TransactionTransport,
    listener: ClientListener<C>,
    context: C,
    timeoutMs = TIMER_F,
    wantsResponse = false,
  ): void {
    this.client.add(id, method, transport, timeoutMs, listener, context, wantsResponse);
  }

  /** Fail every client transaction sent on a transport that closed; drop its server ones. */
  transportClosed(transport: TransactionTransport): void {
    this.client.transportClosed(transport);
    for (const tx of [...this.server.values()]) if (tx.transport === transport) tx.dispose();
  }

  dispose(): void {
    this.client.dispose();
    for (const tx of [...this.server.values()]) tx.dispose();
  }
}

/** A response known by its status; the full parse runs only when its other fields are read. */
class LazyResponse implements SipResponse {
  readonly kind = 'response' as const;
  private full: SipResponse | undefined;
  constructor(
    readonly status: number,
    private readonly frame: Buffer,
    private readonly parse: (frame: Buffer) => SipResponse,
  ) {}
  private get parsed(): SipResponse {
    return (this.full ??= this.parse(this.frame));
  }
  get reason(): string {
    return this.parsed.reason;
  }
  get headers(): SipResponse['headers'] {
    return this.parsed.headers;
  }
  get body(): Buffer {
    return this.parsed.body;
  }
}
