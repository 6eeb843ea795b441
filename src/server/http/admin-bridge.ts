import type { AdminEvent } from '../admin-api/contract.js';
import type { AdminResult } from '../admin-api/contract-errors.js';
import type { CallContext } from '../server-handle.js';

/** The dispatcher as the HTTP transport sees it (STYLE.md §7.2). */
export type Dispatch = (method: string, input: unknown, ctx: CallContext) => Promise<AdminResult<unknown>>;

/** Subscribes to server events; returns the unsubscribe function. */
export type Subscribe = (listener: (event: AdminEvent) => void) => () => void;
