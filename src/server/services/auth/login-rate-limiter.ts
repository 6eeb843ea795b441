/**
 * Failed-login counter per source address over a sliding one-minute window. In memory on
 * purpose: it protects a running server and need not survive a restart.
 */
import type { Clock } from '../shared/clock-port.js';

export interface LoginRateLimiter {
  /** Seconds until the next attempt is allowed, or 0 when not limited. */
  retryAfterSeconds(key: string): number;
  recordFailure(key: string): void;
  reset(key: string): void;
}

const WINDOW_MS = 60_000;
const MAX_TRACKED_KEYS = 10_000;

export function createLoginRateLimiter({ clock, perMinute }: { clock: Clock; perMinute: number }): LoginRateLimiter {
  const failures = new Map<string, number[]>();

  function recent(key: string, now: number): number[] {
    const times = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  }

  return {
    retryAfterSeconds(key) {
      const now = clock.now().getTime();
      const times = recent(key, now);
      if (times.length < perMinute) return 0;
      const oldestThatCounts = times[times.length - perMinute]!;
      return Math.max(1, Math.ceil((oldestThatCounts + WINDOW_MS - now) / 1000));
    },
    recordFailure(key) {
      const now = clock.now().getTime();
      const times = recent(key, now);
      times.push(now);
      failures.set(key, times);
      if (failures.size > MAX_TRACKED_KEYS) {
        for (const k of failures.keys()) {
          recent(k, now);
          if (failures.size <= MAX_TRACKED_KEYS) break;
        }
        if (failures.size > MAX_TRACKED_KEYS) failures.delete(failures.keys().next().value!);
      }
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
