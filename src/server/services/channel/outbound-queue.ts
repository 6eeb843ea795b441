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

export function createOutboundQueue(options: OutboundQueueOptions): OutboundQueue {
  return new BoundedOutboundQueue(options);
}

// A class, not an object literal with getters: one per endpoint, and per-instance getters would
// give each its own hidden class (megamorphic loads on the delivery path).
class BoundedOutboundQueue implements OutboundQueue {
  private waiting: OutboundEnvelope[] = [];
  private head = 0;
  private inFlight = 0;
  private isDead = false;
  private pumping = false;
  /** One callback per queue, not per envelope (this runs once per room delivery). */
  private readonly settled = (ok: boolean): void => {
    this.inFlight -= 1;
    if (!ok) this.die('send-failed');
    else this.pump();
  };

  constructor(private readonly options: OutboundQueueOptions) {}

  push(envelope: OutboundEnvelope): void {
    if (this.isDead) return;
    if (this.depth >= this.options.capacity) {
      this.die('overflow');
      return;
    }
    this.waiting.push(envelope);
    this.pump();
  }

  get depth(): number {
    return this.waiting.length - this.head + this.inFlight;
  }

  get dead(): boolean {
    return this.isDead;
  }

  close(): void {
    this.isDead = true;
    this.waiting = [];
    this.head = 0;
  }

  private die(reason: 'overflow' | 'send-failed'): void {
    if (this.isDead) return;
    this.close();
    this.options.onDead(reason);
  }

  private pump(): void {
    // A `send` may settle at once and call back in here: the outer loop carries on instead.
    if (this.pumping) return;
    this.pumping = true;
    const { send, window } = this.options;
    while (!this.isDead && this.inFlight < window && this.head < this.waiting.length) {
      const envelope = this.waiting[this.head]!;
      this.head += 1;
      this.inFlight += 1;
      send(envelope, this.settled);
    }
    if (this.head === this.waiting.length) {
      this.waiting.length = 0;
      this.head = 0;
    }
    this.pumping = false;
  }
}
