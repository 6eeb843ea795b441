import { describe, expect, it } from 'vitest';
import { createManualTimers } from './manual-timers.js';
import { branchId, branchOf, nextBranchId } from './branch.js';
import { ClientTransactions, type ClientFinalKind } from './client-transactions.js';
import { TIMER_F } from './timers.js';

const t1 = { send: () => true };
const t2 = { send: () => true };

function table() {
  const timers = createManualTimers();
  const outcomes: Array<[string, ClientFinalKind, number]> = [];
  const tx = new ClientTransactions(timers);
  // Keys name the transactions in the outcomes; each gets a real branch id.
  const ids = new Map<string, number>();
  const add = (key: string, transport = t1, timeout = TIMER_F) => {
    const id = ids.get(key) ?? nextBranchId();
    ids.set(key, id);
    return tx.add(
      id,
      'INFO',
      transport,
      timeout,
      (kind, status, _r, ctx: string) => outcomes.push([ctx, kind, status]),
      key,
    );
  };
  const get = (key: string) => tx.get(branchOf(ids.get(key)!), 'INFO');
  return { timers, tx, outcomes, add, get };
}

describe('client transactions (RFC 3261 §17.1.2, reliable transports)', () => {
  it('ends at the first final response, keeps provisional ones, and refuses a key in use', () => {
    const { tx, outcomes, add, get } = table();
    expect(add('b1')).toBe(true);
    expect(add('b1')).toBe(false);
    tx.receive(get('b1')!, 180, undefined);
    expect(outcomes).toEqual([]);
    tx.receive(get('b1')!, 200, undefined);
    expect(outcomes).toEqual([['b1', 'response', 200]]);
    expect(get('b1')).toBeUndefined();
    expect(tx.size).toBe(0);
  });

  it('times out each transaction at its own Timer F, in send order, with one timer', () => {
    const { timers, tx, outcomes, add, get } = table();
    add('a');
    timers.advance(1000);
    add('b');
    add('c', t1, 5000);
    tx.receive(get('b')!, 200, undefined);
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
    const { tx, outcomes, add, get } = table();
    add('a', t1);
    add('b', t2);
    tx.transportClosed(t1);
    expect(outcomes).toEqual([['a', 'transport-error', 503]]);
    expect(get('b')).toBeDefined();
    tx.dispose();
    expect(outcomes.at(-1)).toEqual(['b', 'transport-error', 503]);
  });

  it('stays bounded behind a transaction that never gets an answer', () => {
    const { timers, tx, outcomes, add, get } = table();
    add('stalled');
    for (let i = 0; i < 100_000; i++) {
      add(`k${i}`);
      tx.receive(get(`k${i}`)!, 200, undefined);
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
        nextBranchId(),
        'INFO',
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

describe('branches', () => {
  it('carry their id, and only ours match', () => {
    const id = nextBranchId();
    expect(branchOf(id)).toMatch(/^z9hG4bK/);
    expect(branchId(branchOf(id))).toBe(id);
    expect(branchId('z9hG4bKsomeone-else.12')).toBeUndefined();
    expect(branchId(branchOf(id).replace(/\d+$/, 'x'))).toBeUndefined();
    expect(branchId(`${branchOf(0).slice(0, -1)}012`)).toBeUndefined();
    const { tx } = table();
    tx.add(id, 'INFO', t1, 1000, () => undefined, undefined);
    expect(tx.get(branchOf(id), 'BYE')).toBeUndefined();
    expect(tx.get(branchOf(id), 'INFO')?.id).toBe(id);
  });
});
