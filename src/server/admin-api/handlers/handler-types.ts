import type { CallContext } from '../../server-handle.js';
import type { Caller } from '../../services/auth/auth-service.js';
import type { Actor } from '../../services/shared/actor.js';
import type { AdminMethod, AdminOutput, AdminParsedInput } from '../contract.js';

/** What a handler knows about the call, established by the dispatcher. */
export interface HandlerContext {
  call: CallContext;
  /** The authenticated caller; null only for public methods. */
  caller: Caller | null;
  /** Who the action is attributed to (the caller, or anonymous). */
  actor: Actor;
}

export type AdminHandler<M extends AdminMethod> = (
  input: AdminParsedInput<M>,
  ctx: HandlerContext,
) => Promise<AdminOutput<M>>;

/** One handler for every contract method: a missing one does not compile. */
export type AdminHandlers = { [M in AdminMethod]: AdminHandler<M> };

/** The handlers of one resource (`HandlersFor<'rooms'>` = rooms.list, rooms.get, …). */
export type HandlersFor<R extends string> = { [M in Extract<AdminMethod, `${R}.${string}`>]: AdminHandler<M> };
