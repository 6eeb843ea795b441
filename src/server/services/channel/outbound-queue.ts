/**
 * A bounded outbound queue per endpoint (issue 5 item 3): INFOs go out in order with at most
 * `window` in flight; a slow endpoint that lets `capacity` documents pile up, or one whose INFO
 * fails, is declared dead (`onDead` once) so it cannot stall a room.
 */
export interface OutboundQueue {
  push(xml: string): void;
  /** Documents waiting or in flight. */
  readonly depth: number;
  readonly dead: boolean;
  close(): void;
}

export interface OutboundQueueOptions {
  send(xml: string): Promise<boolean>;
  onDead(reason: 'overflow' | 'send-failed'): void;
  capacity: number;
  window: number;
}

export function createOutboundQueue({ send, onDead, capacity, window }: OutboundQueueOptions): OutboundQueue {
  const waiting: string[] = [];
  let inFlight = 0;
  let dead = false;

  function die(reason: 'overflow' | 'send-failed'): void {
    if (dead) return;
    dead = true;
    waiting.length = 0;
    onDead(reason);
  }

  // One pair of callbacks per queue, not per document (this runs once per room delivery).
  function settled(ok: boolean): void {
    inFlight -= 1;
    if (!ok) die('send-failed');
    else pump();
  }
  function failed(): void {
    inFlight -= 1;
    die('send-failed');
  }

  function pump(): void {
    while (!dead && inFlight < window && waiting.length > 0) {
      const xml = waiting.shift()!;
      inFlight += 1;
      send(xml).then(settled, failed);
    }
  }

  return {
    push(xml) {
      if (dead) return;
      if (waiting.length + inFlight >= capacity) {
        die('overflow');
        return;
      }
      waiting.push(xml);
      pump();
    },
    get depth() {
      return waiting.length + inFlight;
    },
    get dead() {
      return dead;
    },
    close() {
      dead = true;
      waiting.length = 0;
    },
  };
}
