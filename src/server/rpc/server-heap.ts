/**
 * The server thread's young generation. Every room delivery allocates a little (its INFO's
 * bytes, its client transaction) that dies within milliseconds; V8's default young generation
 * (16 MiB semi-spaces) fills many times a second at fan-out rates and each scavenge copies the
 * deliveries still in flight. 64 MiB semi-spaces cut the scavenge work about fourfold; the
 * space is committed only as the allocation rate needs it. `npm run bench:fanout` runs its
 * server with the same setting (`SERVER_SEMI_SPACE_MB`, as `--max-semi-space-size`).
 */
export const SERVER_SEMI_SPACE_MB = 64;

/** Worker `resourceLimits`: V8 sizes the young generation as three semi-spaces. */
export const SERVER_WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 3 * SERVER_SEMI_SPACE_MB } as const;
