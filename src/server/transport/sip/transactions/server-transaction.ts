/**
 * Server transactions (RFC 3261 §17.2) for reliable transports. The two kinds share this base:
 * they hold the request, the connection it came on, one To-tag for all their responses, and the
 * last response for retransmission. States and timer names are the RFC's.
 */
import { createResponse, randomTag, type ResponseOptions } from '../codec/create-response.js';
import type { SipMessage, SipRequest, SipResponse } from '../codec/sip-message.js';
import type { TimerHandle, TimerPort } from './timers.js';

export type ServerTransactionState = 'Trying' | 'Proceeding' | 'Completed' | 'Confirmed' | 'Accepted' | 'Terminated';

/** The one-member transport seam (cf. SIP.js `Transport.send`): the request's own connection. */
export interface TransactionTransport {
  /** Returns false when the message could not be queued (connection closed or overloaded). */
  send(message: SipMessage): boolean;
}

/** Upward notifications to whoever owns the transaction table. */
export interface ServerTransactionObserver {
  onFinalResponse(tx: ServerTransaction): void;
  onTerminated(tx: ServerTransaction): void;
  /** RFC 3261 §17.2.1: Timer H fired (no ACK) or the transport failed. */
  onTimeout?(tx: ServerTransaction): void;
}

export interface ServerTransactionDeps {
  readonly timers: TimerPort;
  readonly observer: ServerTransactionObserver;
  /** How long a completed non-INVITE transaction absorbs retransmissions (Timer J). */
  readonly timerJ: number;
}

export abstract class ServerTransaction {
  abstract readonly kind: 'invite' | 'non-invite';
  protected stateValue: ServerTransactionState;
  protected lastResponse: SipResponse | undefined;
  private readonly timerHandles = new Set<TimerHandle>();
  /** The To-tag every response of this transaction carries (RFC 3261 §8.2.6.2). */
  readonly toTag: string = randomTag();

  constructor(
    readonly key: string,
    readonly request: SipRequest,
    readonly transport: TransactionTransport,
    protected readonly deps: ServerTransactionDeps,
    initial: ServerTransactionState,
  ) {
    this.stateValue = initial;
  }

  get state(): ServerTransactionState {
    return this.stateValue;
  }

  /** The final status sent, once there is one. */
  get finalStatus(): number | undefined {
    return this.lastResponse && this.lastResponse.status >= 200 ? this.lastResponse.status : undefined;
  }

  /** Build a response from the request (Via, From, To+tag, Call-ID, CSeq copied) and send it. */
  reply(status: number, options: ResponseOptions = {}): SipResponse {
    const response = createResponse(this.request, status, { toTag: this.toTag, ...options });
    this.respond(response);
    return response;
  }

  /** Send a response the TU built. Ignored once a final response has been sent. */
  respond(response: SipResponse): void {
    if (this.finalStatus !== undefined || this.stateValue === 'Terminated') return;
    this.lastResponse = response;
    const sent = this.transport.send(response);
    this.onResponseSent(response);
    if (!sent) this.transportError();
  }

  /** A retransmission of the request arrived (§17.2.1, §17.2.2). */
  abstract receiveRetransmission(): void;

  protected abstract onResponseSent(response: SipResponse): void;

  protected resend(): void {
    if (this.lastResponse) this.transport.send(this.lastResponse);
  }

  protected startTimer(ms: number, fire: () => void): void {
    const handle = this.deps.timers.setTimeout(() => {
      this.timerHandles.delete(handle);
      fire();
    }, ms);
    this.timerHandles.add(handle);
  }

  protected terminate(): void {
    if (this.stateValue === 'Terminated') return;
    this.stateValue = 'Terminated';
    for (const h of this.timerHandles) this.deps.timers.clearTimeout(h);
    this.timerHandles.clear();
    this.deps.observer.onTerminated(this);
  }

  /** §17.2.4: a transport failure informs the TU and ends the transaction. */
  protected transportError(): void {
    this.deps.observer.onTimeout?.(this);
    this.terminate();
  }

  /** Tear down without waiting (connection closed, endpoint stopping). */
  dispose(): void {
    this.terminate();
  }
}
