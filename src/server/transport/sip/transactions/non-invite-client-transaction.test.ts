import { describe, expect, it } from 'vitest';
import { createManualTimers } from './manual-timers.js';
import { ClientTransactions, type ClientFinalKind } from './non-invite-client-transaction.js';
import { TIMER_F } from './timers.js';

const t1 = { send: () => true };
const t2 = { send: () => true };

function table() {
  const timers = createManualTimers();
  const outcomes: Array<[string, ClientFinalKind, number]> = [];
  const tx = new ClientTransactions(timers);
  const add = (key: string, transport = t1, timeout = TIMER_F) =>
    tx.add(key, transport, timeout, (kind, status, _r, ctx: string) => outcomes.push([ctx, kind, status]), key);
  return { timers, tx, outcomes, add };
}

describe('client transactions (RFC 3261 §17.1.2, reliable transports)', () => {
  it('ends at the first final response, keeps provisional ones, and refuses a key in use', () => {
    const { tx, outcomes, add } = table();
    expect(add('c|b1|INFO')).toBe(true);
    expect(add('c|b1|INFO')).toBe(false);
    tx.receive(tx.get('c|b1|INFO')!, 180, undefined);
    expect(outcomes).toEqual([]);
    tx.receive(tx.get('c|b1|INFO')!, 200, undefined);
    expect(outcomes).toEqual([['c|b1|INFO', 'response', 200]]);
    expect(tx.get('c|b1|INFO')).toBeUndefined();
    expect(tx.size).toBe(0);
  });

  it('times out each transaction at its own Timer F, in send order, with one timer', () => {
    const { timers, tx, outcomes, add } = table();
    add('a');
    timers.advance(1000);
    add('b');
    add('c', t1, 5000);
    tx.receive(tx.get('b')!, 200, undefined);
    expect(timers.pending).toBe(1);
    timers.advance(4999);
    expect(outcomes).toEqual([['b', 'response', 200]]);
    timers.advance(1);
    expect(outcomes.at(-1)).toEqual(['c', 'timeout', 408]);
    timers.advance(TIMER_F - 6000 - 1);
    expect(outcomes).toHaveLength(2);
    timers.advance(1);
    expect(outcomes.at(-1)).toEqual(['a', 'timeout', 408]);
    expect(tx.size).toBe(0);
    expect(timers.pending).toBe(0);
  });

  it('fails the transactions of a closed transport as 503 and keeps the others', () => {
    const { tx, outcomes, add } = table();
    add('a', t1);
    add('b', t2);
    tx.transportClosed(t1);
    expect(outcomes).toEqual([['a', 'transport-error', 503]]);
    expect(tx.get('b')).toBeDefined();
    tx.dispose();
    expect(outcomes.at(-1)).toEqual(['b', 'transport-error', 503]);
  });

  it('stays bounded behind a transaction that never gets an answer', () => {
    const { timers, tx, outcomes, add } = table();
    add('stalled');
    for (let i = 0; i < 100_000; i++) {
      add(`k${i}`);
      tx.receive(tx.get(`k${i}`)!, 200, undefined);
    }
    const queue = (tx as unknown as { queues: Map<number, { items: unknown[] }> }).queues.get(TIMER_F)!;
    // Answered ones behind the stalled head are compacted away, not kept for 32 s.
    expect(queue.items.length).toBeLessThan(10_000);
    timers.advance(TIMER_F);
    expect(outcomes.at(-1)).toEqual(['stalled', 'timeout', 408]);
    expect(tx.size).toBe(0);
  });

  it('lets a listener send the next request from inside its callback', () => {
    const timers = createManualTimers();
    const tx = new ClientTransactions(timers);
    const seen: string[] = [];
    const next = (n: number) =>
      tx.add(
        `k${n}`,
        t1,
        1000,
        (kind) => {
          seen.push(`${n}:${kind}`);
          if (n < 3) next(n + 1);
        },
        undefined,
      );
    next(1);
    timers.advance(1000);
    expect(seen).toEqual(['1:timeout']);
    timers.advance(1000);
    timers.advance(1000);
    expect(seen).toEqual(['1:timeout', '2:timeout', '3:timeout']);
    expect(tx.size).toBe(0);
  });
});
