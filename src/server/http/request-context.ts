import type { FastifyRequest } from 'fastify';
import type { CallContext } from '../server-handle.js';
import { sessionTokenOf } from './session-cookie.js';

/** Who is calling, as the HTTP transport establishes it (never from the request body). */
export function callContextOf(request: FastifyRequest): CallContext {
  const ctx: CallContext = { transport: 'http', remoteAddress: request.ip };
  const token = sessionTokenOf(request);
  if (token !== undefined) ctx.token = token;
  return ctx;
}
