/**
 * `POST /api/rpc/:method`: the JSON body (empty = `{}`) goes to the dispatcher with the caller's
 * context; the envelope comes back with the catalogue's HTTP status. `auth.login` additionally
 * sets the session cookie and `auth.logout` clears it (the token stays in the body for CLI use).
 */
import type { FastifyInstance } from 'fastify';
import type { AdminResult } from '../admin-api/contract-errors.js';
import type { Logger } from '../log/logger.js';
import type { Dispatch } from './admin-bridge.js';
import { errorEnvelope, sendResult } from './http-errors.js';
import { callContextOf } from './request-context.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';

export function registerRpcRoutes(app: FastifyInstance, deps: { dispatch: Dispatch; logger: Logger }): void {
  app.post<{ Params: { method: string } }>('/api/rpc/:method', async (request, reply) => {
    const { method } = request.params;
    const input: unknown = request.body === undefined || request.body === null ? {} : request.body;
    let result: AdminResult<unknown>;
    try {
      result = await deps.dispatch(method, input, callContextOf(request));
    } catch (err) {
      deps.logger.error('dispatcher threw instead of returning an envelope', { method, err });
      result = { ok: false, error: errorEnvelope('ERR_INTERNAL') };
    }
    if (method === 'auth.login' && result.ok) {
      const session = result.value as { token?: unknown; expiresAt?: unknown };
      if (typeof session.token === 'string' && typeof session.expiresAt === 'string') {
        setSessionCookie(request, reply, session.token, session.expiresAt);
      }
    } else if (method === 'auth.logout') {
      clearSessionCookie(request, reply);
    }
    if (!result.ok) deps.logger.debug('rpc failed', { method, code: result.error.code });
    return sendResult(reply, result);
  });
}
