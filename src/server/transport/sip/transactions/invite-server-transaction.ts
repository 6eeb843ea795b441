/**
 * RFC 3261 §17.2.1 INVITE server transaction, with the RFC 6026 Accepted state:
 * Proceeding → (2xx) Accepted → Terminated; Proceeding → (300–699) Completed → (ACK) Confirmed →
 * Terminated. Reliable transports only: no Timer G retransmissions, Timer I is zero.
 */
import type { SipRequest, SipResponse } from '../codec/sip-message.js';
import { ServerTransaction, type ServerTransactionDeps, type TransactionTransport } from './server-transaction.js';
import { TIMER_H, TIMER_I, TIMER_L, TRYING_DELAY } from './timers.js';

export class InviteServerTransaction extends ServerTransaction {
  readonly kind = 'invite' as const;

  constructor(key: string, request: SipRequest, transport: TransactionTransport, deps: ServerTransactionDeps) {
    super(key, request, transport, deps, 'Proceeding');
    // "The server transaction MUST generate a 100 (Trying) response unless it knows that the TU
    // will generate a provisional or final response within 200 ms."
    this.startTimer(TRYING_DELAY, () => {
      if (this.stateValue === 'Proceeding' && this.lastResponse === undefined) this.reply(100);
    });
  }

  receiveRetransmission(): void {
    // "If a request retransmission is received while in the Proceeding state, the most recent
    // provisional response that was received from the TU MUST be passed to the transport layer."
    // "while in the Completed state, if a request retransmission is received, the server SHOULD
    // pass the response to the transport for retransmission." Accepted/Confirmed absorb it.
    if (this.stateValue === 'Proceeding' || this.stateValue === 'Completed') this.resend();
  }

  /** An ACK matched this transaction (§17.2.1). Returns true when the ACK was absorbed here. */
  receiveAck(): boolean {
    if (this.stateValue === 'Completed') {
      // "If an ACK is received while the server transaction is in the Completed state, the
      // server transaction MUST transition to the Confirmed state." Timer I = 0 (reliable).
      this.stateValue = 'Confirmed';
      if (TIMER_I <= 0) this.terminate();
      else this.startTimer(TIMER_I, () => this.terminate());
      return true;
    }
    if (this.stateValue === 'Confirmed') return true;
    // RFC 6026 §8.7: an ACK for a 2xx in Accepted is passed to the TU.
    return false;
  }

  protected onResponseSent(response: SipResponse): void {
    if (response.status < 200) return;
    this.deps.observer.onFinalResponse(this);
    if (response.status < 300) {
      // RFC 6026 §8.6: on a 2xx "the server transaction MUST transition to the Accepted state"
      // and start Timer L (64*T1).
      this.stateValue = 'Accepted';
      this.startTimer(TIMER_L, () => this.terminate());
      return;
    }
    // "the state machine MUST transition to the Completed state" and set Timer H (64*T1).
    this.stateValue = 'Completed';
    this.startTimer(TIMER_H, () => {
      if (this.stateValue !== 'Completed') return;
      // "If timer H fires while in the Completed state, it implies that the ACK was never
      // received. In this case, the server transaction MUST transition to the Terminated state,
      // and MUST indicate to the TU that a transaction failure has occurred."
      this.deps.observer.onTimeout?.(this);
      this.terminate();
    });
  }
}
