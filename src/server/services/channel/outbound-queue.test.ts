import { describe, expect, it } from 'vitest';
import type { OutboundEnvelope } from '../../protocol/xccos/outbound-envelope.js';
import { createOutboundQueue } from './outbound-queue.js';

function harness(capacity = 4, window = 2, answerAtOnce?: boolean) {
  const sent: OutboundEnvelope[] = [];
  const pending: Array<(ok: boolean) => void> = [];
  const dead: string[] = [];
  const q = createOutboundQueue({
    capacity,
    window,
    send: (e, done) => {
      sent.push(e);
      if (answerAtOnce !== undefined) done(answerAtOnce);
      else pending.push(done);
    },
    onDead: (r) => dead.push(r),
  });
  return { q, sent, pending, dead };
}

describe('outbound queue', () => {
  it('sends in order with at most `window` in flight', () => {
    const { q, sent, pending } = harness(10, 2);
    for (const x of ['a', 'b', 'c', 'd']) q.push(x);
    expect(sent).toEqual(['a', 'b']);
    expect(q.depth).toBe(4);
    pending.shift()!(true);
    expect(sent).toEqual(['a', 'b', 'c']);
    pending.shift()!(true);
    pending.shift()!(true);
    pending.shift()!(true);
    expect(sent).toEqual(['a', 'b', 'c', 'd']);
    expect(q.depth).toBe(0);
  });

  it('declares an endpoint dead once when it lets `capacity` pile up, or when a send fails', () => {
    const slow = harness(3, 1);
    for (const x of ['a', 'b', 'c', 'd', 'e']) slow.q.push(x);
    expect(slow.dead).toEqual(['overflow']);
    expect(slow.q.dead).toBe(true);
    const failing = harness(10, 2);
    failing.q.push('a');
    failing.q.push('b');
    failing.pending[0]!(false);
    failing.pending[1]!(true);
    failing.q.push('c');
    expect(failing.dead).toEqual(['send-failed']);
    expect(failing.sent).toEqual(['a', 'b']);
  });

  it('copes with sends that settle at once (no recursion, order kept)', () => {
    const fine = harness(10_000, 4, true);
    for (let i = 0; i < 5000; i++) fine.q.push(String(i));
    expect(fine.sent).toHaveLength(5000);
    expect(fine.sent[4999]).toBe('4999');
    expect(fine.q.depth).toBe(0);
    const broken = harness(10, 4, false);
    broken.q.push('a');
    broken.q.push('b');
    expect(broken.dead).toEqual(['send-failed']);
    expect(broken.sent).toEqual(['a']);
  });
});
