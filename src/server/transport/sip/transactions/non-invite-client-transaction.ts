/**
 * RFC 3261 §17.1.2 non-INVITE client transaction for requests the server originates on a
 * client's connection (INFO, BYE, NOTIFY; XCCOS.md §2.6). Reliable transports: no Timer E
 * retransmissions, Timer K is zero; Timer F bounds the wait for a final response.
 */
import type { SipRequest, SipResponse } from '../codec/sip-message.js';
import type { TransactionTransport } from './server-transaction.js';
import type { TimerHandle, TimerPort } from './timers.js';

export type ClientOutcome =
  | { readonly kind: 'response'; readonly response: SipResponse }
  /** Timer F fired: "the client transaction SHOULD inform the TU about the timeout" (§17.1.2.2). */
  | { readonly kind: 'timeout' }
  | { readonly kind: 'transport-error' };

export class NonInviteClientTransaction {
  state: 'Trying' | 'Proceeding' | 'Completed' | 'Terminated' = 'Trying';
  readonly outcome: Promise<ClientOutcome>;
  private settle!: (o: ClientOutcome) => void;
  private timerF: TimerHandle | undefined;

  constructor(
    readonly key: string,
    // Not kept: an in-flight delivery should hold no more than its key and outcome (GC, fan-out).
    request: SipRequest,
    readonly transport: TransactionTransport,
    private readonly timers: TimerPort,
    timeoutMs: number,
    private readonly onTerminated: (tx: NonInviteClientTransaction) => void,
  ) {
    this.outcome = new Promise((resolve) => (this.settle = resolve));
    if (!transport.send(request)) {
      queueMicrotask(() => this.finish({ kind: 'transport-error' }));
      return;
    }
    this.timerF = timers.setTimeout(() => this.finish({ kind: 'timeout' }), timeoutMs);
  }

  receiveResponse(response: SipResponse): void {
    if (this.state === 'Completed' || this.state === 'Terminated') return;
    if (response.status < 200) {
      this.state = 'Proceeding';
      return;
    }
    // "If a final response (status codes 200-699) is received while in the Trying or Proceeding
    // state, the response MUST be passed to the TU, and the client transaction MUST transition to
    // the Completed state." Timer K = 0 for reliable transports.
    this.finish({ kind: 'response', response });
  }

  /** The connection closed under the transaction. */
  fail(): void {
    this.finish({ kind: 'transport-error' });
  }

  private finish(outcome: ClientOutcome): void {
    if (this.state === 'Terminated') return;
    if (this.timerF !== undefined) this.timers.clearTimeout(this.timerF);
    this.state = 'Terminated';
    this.settle(outcome);
    this.onTerminated(this);
  }
}
