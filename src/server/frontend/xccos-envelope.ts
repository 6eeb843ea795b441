/**
 * Server envelope ids (XCCOS.md §9 item 4): a unique, rising 64-bit counter written in decimal,
 * shared by every server → client XCCOS document (the front end's own `rpl:requri` and the
 * Channel service's replies and notices). Parsing and serializing are protocol/xccos's.
 */
export function createEnvidCounter(startAt: bigint): () => string {
  // A plain number while it is exact (one envid per delivery: BigInt arithmetic costs more).
  let small = startAt < BigInt(Number.MAX_SAFE_INTEGER) ? Number(startAt) : -1;
  let next = startAt;
  return () => {
    if (small >= 0 && small < Number.MAX_SAFE_INTEGER) {
      small += 1;
      return String(small);
    }
    if (small >= 0) {
      next = BigInt(small);
      small = -1;
    }
    next += 1n;
    return next.toString();
  };
}
