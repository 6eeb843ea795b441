/**
 * Server envelope ids (XCCOS.md §9 item 4): a unique, rising 64-bit counter written in decimal,
 * shared by every server → client XCCOS document (the front end's own `rpl:requri` and the
 * Channel service's replies and notices). Parsing and serializing are protocol/xccos's.
 */
export function createEnvidCounter(startAt: bigint): () => string {
  let next = startAt;
  return () => {
    next += 1n;
    return next.toString();
  };
}
