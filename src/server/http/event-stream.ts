/**
 * `GET /api/events`: server-sent events for the console. Authorised like any call (the
 * `auth.session` method with the request's context); the session is re-checked with every
 * heartbeat so a logged-out or expired session loses its stream. Each event is one
 * `data: {"name":…,"payload":…}` frame.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { Logger } from '../log/logger.js';
import type { Dispatch, Subscribe } from './admin-bridge.js';
import { sendResult } from './http-errors.js';
import { callContextOf } from './request-context.js';
import { SECURITY_HEADERS } from './security-headers.js';

export const HEARTBEAT_MS = 15_000;
/** A client that lets this much pile up unread is dropped (it reconnects and refetches). */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface EventStreamDeps {
  dispatch: Dispatch;
  subscribe: Subscribe;
  logger: Logger;
  heartbeatMs?: number;
}

export function registerEventStream(app: FastifyInstance, deps: EventStreamDeps): void {
  const open = new Set<ServerResponse>();
  const heartbeatMs = deps.heartbeatMs ?? HEARTBEAT_MS;

  // Streams never end by themselves: end them before Fastify waits for connections to drain.
  app.addHook('preClose', (done) => {
    for (const res of open) res.end();
    done();
  });

  app.get('/api/events', async (request, reply) => {
    const ctx = callContextOf(request);
    const auth = await deps.dispatch('auth.session', {}, ctx);
    if (!auth.ok) return sendResult(reply, auth);

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n: connected\n\n');
    open.add(res);

    const write = (chunk: string): void => {
      if (res.writableEnded || res.destroyed) return;
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        deps.logger.warn('event stream client too slow; dropping it', { remoteAddress: ctx.remoteAddress });
        res.end();
        return;
      }
      res.write(chunk);
    };

    const unsubscribe = deps.subscribe((event) => {
      write(`data: ${JSON.stringify({ name: event.name, payload: event.payload })}\n\n`);
    });
    const heartbeat = setInterval(() => {
      write(': heartbeat\n\n');
      deps.dispatch('auth.session', {}, ctx).then(
        (r) => {
          if (!r.ok) res.end();
        },
        () => res.end(),
      );
    }, heartbeatMs);
    heartbeat.unref();

    let closed = false;
    const cleanup = (): void => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
    };
    res.on('close', cleanup);
    request.raw.on('close', cleanup);
    deps.logger.debug('event stream opened', { remoteAddress: ctx.remoteAddress });
  });
}
