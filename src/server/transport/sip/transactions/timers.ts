/**
 * RFC 3261 §17 / Table 4 timer values and the injected timer port (STYLE.md practice 9). Only
 * reliable transports are served (TCP, TLS, WebSocket), so the retransmission timers A, E and G
 * never run, and I, J and K are zero.
 */
/** RTT estimate (§17.1.1.1). */
export const T1 = 500;
/** Maximum retransmit interval for non-INVITE requests and INVITE responses. */
export const T2 = 4000;
/** Maximum duration a message remains in the network. */
export const T4 = 5000;
/** INVITE client transaction timeout. */
export const TIMER_B = 64 * T1;
/** Non-INVITE client transaction timeout. */
export const TIMER_F = 64 * T1;
/** Wait time for ACK receipt after a non-2xx final response to an INVITE. */
export const TIMER_H = 64 * T1;
/** Wait time for ACK retransmits: 0 s for reliable transports. */
export const TIMER_I = 0;
/** Wait time for non-INVITE request retransmits: 0 s for reliable transports. */
export const TIMER_J = 0;
/** Wait time for response retransmits: 0 s for reliable transports. */
export const TIMER_K = 0;
/** RFC 6026 §8.7: wait time for accepted INVITE request retransmits. */
export const TIMER_L = 64 * T1;
/** §17.2.1: send 100 Trying if the TU has not answered an INVITE within 200 ms. */
export const TRYING_DELAY = 200;

export type TimerHandle = unknown;

export interface TimerPort {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  now(): number;
}

export const systemTimers: TimerPort = {
  setTimeout(callback, ms) {
    const t = setTimeout(callback, ms);
    t.unref?.();
    return t;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
  now: () => Date.now(),
};
