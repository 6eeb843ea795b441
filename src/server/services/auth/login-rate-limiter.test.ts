import { describe, expect, it } from 'vitest';
import { createLoginRateLimiter } from './login-rate-limiter.js';

describe('login rate limiter', () => {
  it('limits a key after N failures in a sliding minute, independently per key', () => {
    let t = 0;
    const limiter = createLoginRateLimiter({ clock: { now: () => new Date(t) }, perMinute: 3 });
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterSeconds('a')).toBe(0);
      limiter.recordFailure('a');
      t += 10_000;
    }
    // Failures at 0 s, 10 s, 20 s; now 30 s: the oldest expires at 60 s.
    expect(limiter.retryAfterSeconds('a')).toBe(30);
    expect(limiter.retryAfterSeconds('b')).toBe(0);
    t = 60_000;
    expect(limiter.retryAfterSeconds('a')).toBe(0);
    limiter.recordFailure('a');
    expect(limiter.retryAfterSeconds('a')).toBe(10);
    limiter.reset('a');
    expect(limiter.retryAfterSeconds('a')).toBe(0);
  });
});
