/** Time and identity come from the composition root, so a journal replay is deterministic. */
export interface Clock {
  now(): Date;
}

/** Returns a fresh unique id (crypto.randomUUID in production). */
export type IdGenerator = () => string;
