/**
 * One dispatcher for every transport (STYLE.md §7.2), in this order: unknown method →
 * ERR_ADMIN_UNKNOWN_METHOD; unless the method is public, the caller must be authenticated
 * (ERR_AUTH_REQUIRED) and, for admin methods, an administrator (ERR_AUTH_FORBIDDEN, audited);
 * the input is parsed with the contract's schema (ERR_ADMIN_VALIDATION with `details.issues`);
 * a ServerError becomes its envelope, anything else is logged with an incident id → ERR_INTERNAL.
 */
import { isServerError } from '../errors/server-error.js';
import type { Logger } from '../log/logger.js';
import type { CallContext } from '../server-handle.js';
import type { Caller } from '../services/auth/auth-service.js';
import { anonymousActor } from '../services/shared/actor.js';
import { adminMethods, isAdminMethod, type AdminMethod } from './contract.js';
import { fail, ok, type AdminError, type AdminResult, type ValidationIssue } from './contract-errors.js';
import type { AdminHandler, AdminHandlers } from './handlers/handler-types.js';

/** Methods any signed-in user may call; every other non-public method needs the admin role. */
export const USER_METHODS: ReadonlySet<AdminMethod> = new Set<AdminMethod>(['auth.logout', 'auth.session']);

export interface DispatcherDeps {
  logger: Logger;
  resolveCaller(ctx: CallContext): Caller | null;
  /** Records a refused call in the audit log. */
  recordRefusal(caller: Caller, method: AdminMethod): Promise<void>;
  newIncidentId(): string;
}

export type Dispatch = (method: string, input: unknown, ctx: CallContext) => Promise<AdminResult<unknown>>;

export function createDispatcher(handlers: AdminHandlers, deps: DispatcherDeps): Dispatch {
  const log = deps.logger.child('admin');

  return async function dispatch(method, rawInput, ctx) {
    if (!isAdminMethod(method)) {
      return fail({
        code: 'ERR_ADMIN_UNKNOWN_METHOD',
        message: `Unknown admin method "${method}"`,
        details: { method },
      });
    }
    const descriptor = adminMethods[method];
    try {
      // Authenticate before looking at the input: without a session the answer is always 401.
      let caller: Caller | null = null;
      if (!descriptor.public) {
        caller = deps.resolveCaller(ctx);
        if (!caller) return fail({ code: 'ERR_AUTH_REQUIRED', message: 'Authentication is required' });
        if (caller.user.role !== 'admin' && !USER_METHODS.has(method)) {
          await deps.recordRefusal(caller, method);
          log.warn('refused admin method to non-admin', { method, user: caller.actor.name });
          return fail({ code: 'ERR_AUTH_FORBIDDEN', message: 'Only administrators may do this', details: { method } });
        }
      }
      const parsed = descriptor.input.safeParse(rawInput);
      if (!parsed.success) return fail(validationError(parsed.error.issues));
      const actor = caller?.actor ?? anonymousActor(ctx.remoteAddress);
      const handler = handlers[method] as AdminHandler<typeof method>;
      const value = await handler(parsed.data as never, { call: ctx, caller, actor });
      return ok(value);
    } catch (err) {
      if (isServerError(err)) return fail(err.toJSON());
      const incidentId = deps.newIncidentId();
      log.error('admin method failed', { method, incidentId, err });
      return fail({
        code: 'ERR_INTERNAL',
        message: `Internal error (incident ${incidentId})`,
        details: { incidentId },
      });
    }
  };
}

function validationError(zodIssues: readonly { path: readonly PropertyKey[]; message: string }[]): AdminError {
  const issues: ValidationIssue[] = zodIssues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  return {
    code: 'ERR_ADMIN_VALIDATION',
    message: first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'The request is invalid',
    details: { issues },
  };
}
