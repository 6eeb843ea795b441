/**
 * A bounded outbound queue per endpoint (issue 5 item 3): envelopes go out in order with at most
 * `window` in flight; a slow endpoint that lets `capacity` envelopes pile up, or one whose INFO
 * fails, is declared dead (`onDead` once) so it cannot stall a room.
 */
import type { OutboundEnvelope } from '../../protocol/xccos/outbound-envelope.js';

export interface OutboundQueue {
  push(envelope: OutboundEnvelope): void;
  /** Envelopes waiting or in flight. */
  readonly depth: number;
  readonly dead: boolean;
  close(): void;
}

export interface OutboundQueueOptions {
  /** Send one envelope; `done(true)` on a 2xx, `done(false)` otherwise (once, possibly at once). */
  send(envelope: OutboundEnvelope, done: (ok: boolean) => void): void;
  onDead(reason: 'overflow' | 'send-failed'): void;
  capacity: number;
  window: number;
}

export function createOutboundQueue({ send, onDead, capacity, window }: OutboundQueueOptions): OutboundQueue {
  let waiting: OutboundEnvelope[] = [];
  let head = 0;
  let inFlight = 0;
  let dead = false;
  let pumping = false;

  function die(reason: 'overflow' | 'send-failed'): void {
    if (dead) return;
    dead = true;
    waiting = [];
    head = 0;
    onDead(reason);
  }

  // One callback per queue, not per envelope (this runs once per room delivery).
  function settled(ok: boolean): void {
    inFlight -= 1;
    if (!ok) die('send-failed');
    else pump();
  }

  function pump(): void {
    // A `send` may settle at once and call back in here: the outer loop carries on instead.
    if (pumping) return;
    pumping = true;
    while (!dead && inFlight < window && head < waiting.length) {
      const envelope = waiting[head]!;
      head += 1;
      inFlight += 1;
      send(envelope, settled);
    }
    if (head === waiting.length) {
      waiting.length = 0;
      head = 0;
    }
    pumping = false;
  }

  return {
    push(envelope) {
      if (dead) return;
      if (waiting.length - head + inFlight >= capacity) {
        die('overflow');
        return;
      }
      waiting.push(envelope);
      pump();
    },
    get depth() {
      return waiting.length - head + inFlight;
    },
    get dead() {
      return dead;
    },
    close() {
      dead = true;
      waiting = [];
      head = 0;
    },
  };
}
