/**
 * RFC 3261 §17.2.2 non-INVITE server transaction: Trying → Proceeding → Completed → Terminated.
 * Timer J is 0 on reliable transports; a longer `timerJ` keeps absorbing retransmissions.
 */
import type { SipRequest, SipResponse } from '../codec/sip-message.js';
import { ServerTransaction, type ServerTransactionDeps, type TransactionTransport } from './server-transaction.js';

export class NonInviteServerTransaction extends ServerTransaction {
  readonly kind = 'non-invite' as const;

  constructor(key: string, request: SipRequest, transport: TransactionTransport, deps: ServerTransactionDeps) {
    super(key, request, transport, deps, 'Trying');
  }

  receiveRetransmission(): void {
    // "Once in the Trying state, any further request retransmissions are discarded."
    // "If a retransmission of the request is received while in the Proceeding state, the most
    // recently sent provisional response MUST be passed to the transport layer."
    // "While in the Completed state, the server transaction MUST pass the final response to the
    // transport layer for retransmission whenever a retransmission of the request is received."
    if (this.stateValue === 'Proceeding' || this.stateValue === 'Completed') this.resend();
  }

  protected onResponseSent(response: SipResponse): void {
    if (response.status < 200) {
      this.stateValue = 'Proceeding';
      return;
    }
    this.stateValue = 'Completed';
    this.deps.observer.onFinalResponse(this);
    // "When the server transaction enters the Completed state, it MUST set Timer J to fire in
    // 64*T1 seconds for unreliable transports, and zero seconds for reliable transports."
    if (this.deps.timerJ <= 0) this.terminate();
    else this.startTimer(this.deps.timerJ, () => this.terminate());
  }
}
