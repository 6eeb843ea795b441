/**
 * RFC 3261 §17.1.2 non-INVITE client transactions for the requests the server originates on a
 * client's connection (INFO, BYE; XCCOS.md §2.6), kept as one table rather than an object, a
 * promise and a timer each: a room delivery is one such transaction per joined endpoint, so at
 * fan-out rates the per-transaction cost is the server's cost.
 *
 * Reliable transports only: no Timer E retransmissions, Timer K is zero, so a transaction ends at
 * its first final response. Timer F bounds the wait: transactions are kept in send order per
 * timeout value, and ONE timer (through the injected TimerPort) fires at the earliest deadline.
 * A timeout is reported like a 408 and a transport failure like a 503 (§8.1.3.1), with the kind
 * alongside for callers that tell them apart.
 */
import type { SipResponse } from '../codec/sip-message.js';
import { branchId } from './branch.js';
import type { TransactionTransport } from './server-transaction.js';
import type { TimerHandle, TimerPort } from './timers.js';

export type ClientOutcome =
  | { readonly kind: 'response'; readonly response: SipResponse }
  /** Timer F fired: "the client transaction SHOULD inform the TU about the timeout" (§17.1.2.2). */
  | { readonly kind: 'timeout' }
  | { readonly kind: 'transport-error' };

export type ClientFinalKind = ClientOutcome['kind'];

/** §8.1.3.1: a timeout counts as 408, a transport error as 503. */
export const TIMEOUT_STATUS = 408;
export const TRANSPORT_ERROR_STATUS = 503;

/**
 * Called once per transaction with its final outcome and the `context` it was added with (so
 * one listener per dialog serves all its requests). `response` is given only to listeners
 * added with `wantsResponse` (the fan-out path needs the status alone and allocates nothing).
 */
export type ClientListener<C = unknown> = (
  kind: ClientFinalKind,
  status: number,
  response: SipResponse | undefined,
  context: C,
) => void;

/** What a caller sees of a tracked transaction. */
export interface PendingClientTransaction {
  /** The number in its branch (branch.ts). */
  readonly id: number;
  readonly method: string;
  readonly wantsResponse: boolean;
}

interface Pending extends PendingClientTransaction {
  readonly transport: TransactionTransport;
  readonly listener: ClientListener;
  readonly context: unknown;
  readonly deadline: number;
  readonly wantsResponse: boolean;
  readonly queue: DeadlineQueue;
  done: boolean;
}

/**
 * The transactions of one timeout value in send order, so deadlines rise from `head` on.
 * Invariant: `items[head]` is live (or the queue is empty): ended ones are skipped at once, and
 * ended ones behind a live head are compacted away once they are most of the queue.
 */
interface DeadlineQueue {
  items: Pending[];
  head: number;
  /** Ended transactions in items[head…]. */
  ended: number;
}

const COMPACT_AT = 4096;

export class ClientTransactions {
  private readonly byId = new Map<number, Pending>();
  private readonly queues = new Map<number, DeadlineQueue>();
  private timer: TimerHandle | undefined;
  private timerDue = Infinity;

  constructor(private readonly timers: TimerPort) {}

  get size(): number {
    return this.byId.size;
  }

  /**
   * Track a request just handed to `transport`, its branch made from `id` (branch.ts). An id
   * already in use is a caller bug (ids are unique) and is refused.
   */
  add<C>(
    id: number,
    method: string,
    transport: TransactionTransport,
    timeoutMs: number,
    listener: ClientListener<C>,
    context: C,
    wantsResponse = false,
  ): boolean {
    if (this.byId.has(id)) return false;
    let queue = this.queues.get(timeoutMs);
    if (!queue) this.queues.set(timeoutMs, (queue = { items: [], head: 0, ended: 0 }));
    const deadline = this.timers.now() + timeoutMs;
    const entry: Pending = {
      id,
      method,
      transport,
      listener: listener as ClientListener,
      context,
      deadline,
      wantsResponse,
      queue,
      done: false,
    };
    this.byId.set(id, entry);
    queue.items.push(entry);
    if (deadline < this.timerDue) this.schedule(deadline);
    return true;
  }

  /** The transaction a response's top Via branch and CSeq method match, if any (§17.1.3). */
  get(branch: string, method: string): PendingClientTransaction | undefined {
    const id = branchId(branch);
    const entry = id === undefined ? undefined : this.byId.get(id);
    return entry?.method === method ? entry : undefined;
  }

  /**
   * A response for `tx`. Provisional responses keep it (Proceeding); a final one ends it
   * (§17.1.2.2: Completed, then Terminated at once as Timer K is zero). Pass the response only
   * when `tx.wantsResponse`.
   */
  receive(tx: PendingClientTransaction, status: number, response: SipResponse | undefined): void {
    if (status >= 200) this.finish(tx as Pending, 'response', status, response);
  }

  /** Fail every transaction sent on a transport that closed. */
  transportClosed(transport: TransactionTransport): void {
    for (const entry of [...this.byId.values()])
      if (entry.transport === transport) this.finish(entry, 'transport-error', TRANSPORT_ERROR_STATUS, undefined);
  }

  /** Fail everything (server stop). */
  dispose(): void {
    for (const entry of [...this.byId.values()])
      this.finish(entry, 'transport-error', TRANSPORT_ERROR_STATUS, undefined);
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDue = Infinity;
  }

  private finish(entry: Pending, kind: ClientFinalKind, status: number, response: SipResponse | undefined): void {
    if (entry.done) return;
    entry.done = true;
    this.byId.delete(entry.id);
    trim(entry.queue);
    entry.listener(kind, status, response, entry.context);
  }

  private schedule(due: number): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = this.timers.setTimeout(() => this.sweep(), Math.max(0, due - this.timers.now()));
  }

  /** Timer F: time out every transaction past its deadline, then wait for the next deadline. */
  private sweep(): void {
    this.timer = undefined;
    this.timerDue = Infinity;
    const now = this.timers.now();
    for (const queue of this.queues.values()) {
      while (queue.head < queue.items.length && queue.items[queue.head]!.deadline <= now) {
        this.finish(queue.items[queue.head]!, 'timeout', TIMEOUT_STATUS, undefined);
      }
    }
    let next = Infinity;
    for (const queue of this.queues.values())
      if (queue.head < queue.items.length) next = Math.min(next, queue.items[queue.head]!.deadline);
    if (next !== Infinity && next < this.timerDue) this.schedule(next);
  }
}

/** Restore the queue invariant after one of its transactions ended. */
function trim(queue: DeadlineQueue): void {
  queue.ended += 1;
  const { items } = queue;
  while (queue.head < items.length && items[queue.head]!.done) {
    queue.head += 1;
    queue.ended -= 1;
  }
  if (queue.head === items.length) {
    items.length = 0;
    queue.head = 0;
    queue.ended = 0;
  } else if (queue.ended > COMPACT_AT && queue.ended * 2 > items.length - queue.head) {
    queue.items = items.slice(queue.head).filter((e) => !e.done);
    queue.head = 0;
    queue.ended = 0;
  } else if (queue.head > COMPACT_AT && queue.head * 2 > items.length) {
    queue.items = items.slice(queue.head);
    queue.head = 0;
  }
}
