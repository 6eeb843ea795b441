/**
 * Rate limit on failed REGISTER authentication per source address (issue 4 item 8): above
 * `perMinute` failures in a sliding minute, further REGISTERs from that address get 503 with
 * `Retry-After` until the oldest failure leaves the window.
 */
export interface RegisterFailureLimiter {
  /** Seconds to wait, or undefined when the address may try. */
  blocked(address: string): number | undefined;
  recordFailure(address: string): void;
  /** A success does not wipe the record: guessing one password right must not reset the budget. */
  readonly trackedAddresses: number;
}

const WINDOW_MS = 60_000;

export function createRegisterFailureLimiter(options: {
  now: () => number;
  perMinute: number;
}): RegisterFailureLimiter {
  const failures = new Map<string, number[]>();
  const prune = (address: string, now: number): number[] => {
    const list = failures.get(address);
    if (!list) return [];
    while (list.length > 0 && (list[0] ?? 0) <= now - WINDOW_MS) list.shift();
    if (list.length === 0) failures.delete(address);
    return list;
  };
  return {
    blocked(address) {
      const now = options.now();
      const list = prune(address, now);
      if (list.length < options.perMinute) return undefined;
      const oldest = list[list.length - options.perMinute] ?? now;
      return Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
    },
    recordFailure(address) {
      const now = options.now();
      const list = prune(address, now);
      list.push(now);
      failures.set(address, list);
      // Bound memory under a spray of source addresses: forget the oldest entries.
      if (failures.size > 100_000) {
        const first = failures.keys().next().value;
        if (first !== undefined) failures.delete(first);
      }
    },
    get trackedAddresses() {
      return failures.size;
    },
  };
}
