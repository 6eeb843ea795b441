/**
 * The headless HTTP transport (STYLE.md §7.3): the admin API bridge (`POST /api/rpc/:method`,
 * `GET /api/events`) and, when `config.consoleDir` is set, the built console. Fastify 5 with its
 * own logger off; requests are logged through the injected Logger under `http`.
 */
import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import type { Server as NodeHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config/config-schema.js';
import { ServerError } from '../errors/server-error.js';
import type { Logger } from '../log/logger.js';
import type { Dispatch, Subscribe } from './admin-bridge.js';
import { isConsoleRoute, registerConsole, sendConsoleIndex } from './console-routes.js';
import { registerEventStream } from './event-stream.js';
import { registerFileRoutes, type FileTransfers } from './file-routes.js';
import { classifyHttpError, errorEnvelope, httpStatusOf } from './http-errors.js';
import { registerJsonBody } from './json-body.js';
import { registerRpcRoutes } from './rpc-routes.js';
import { SECURITY_HEADERS } from './security-headers.js';

/** Largest accepted request body. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpServerDeps {
  config: Config;
  logger: Logger;
  dispatch: Dispatch;
  subscribe: Subscribe;
  /** XCCOS file transfers (absent: no file routes). */
  files?: FileTransfers;
  /** Event-stream heartbeat (and session re-check) interval; 15 s unless a test shortens it. */
  heartbeatMs?: number;
}

export interface HttpServer {
  /** Base URL a browser on this machine can open, with the real port (also when configured as 0). */
  url: string;
  /** The underlying Node server, for protocols that upgrade (SIP over WebSocket at `/sip`). */
  server: NodeHttpServer;
  close(): Promise<void>;
}

export async function startHttpServer(deps: HttpServerDeps): Promise<HttpServer> {
  const log = deps.logger.child('http');
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: false,
    return503OnClosing: true,
  });

  await app.register(fastifyCookie);
  registerJsonBody(app);

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const fields = {
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      remoteAddress: request.ip,
    };
    if (reply.statusCode >= 500) log.warn('request failed', fields);
    else log.debug('request', fields);
  });

  app.setErrorHandler((err, request, reply) => {
    const { error, expected } = classifyHttpError(err);
    if (!expected) log.error('unhandled error in HTTP request', { method: request.method, url: request.url, err });
    return reply.code(httpStatusOf(error.code)).send({ ok: false, error });
  });

  const serveConsole = deps.config.consoleDir !== '';
  app.setNotFoundHandler((request, reply) => {
    if (serveConsole && isConsoleRoute(request)) return sendConsoleIndex(reply);
    return reply.code(404).send({
      ok: false,
      error: errorEnvelope('ERR_HTTP_NOT_FOUND', `No such endpoint: ${request.method} ${request.url}`),
    });
  });

  registerRpcRoutes(app, { dispatch: deps.dispatch, logger: log });
  registerEventStream(app, {
    dispatch: deps.dispatch,
    subscribe: deps.subscribe,
    logger: log,
    ...(deps.heartbeatMs === undefined ? {} : { heartbeatMs: deps.heartbeatMs }),
  });
  if (deps.files) registerFileRoutes(app, { files: deps.files, logger: log });
  if (serveConsole) await registerConsole(app, deps.config.consoleDir);

  try {
    await app.listen({ host: deps.config.bind, port: deps.config.httpPort });
  } catch (cause) {
    await app.close().catch(() => undefined);
    const reason = (cause as { code?: string }).code ?? (cause as Error).message;
    const explain: Record<string, string> = {
      EADDRINUSE: 'the address is already in use (is another Parlance running?)',
      EACCES: 'permission denied (ports below 1024 need privileges)',
      EADDRNOTAVAIL: 'the address is not available on this machine',
    };
    throw new ServerError(
      'ERR_HTTP_LISTEN_FAILED',
      `Cannot listen on ${deps.config.bind}:${deps.config.httpPort}: ${explain[reason] ?? reason}`,
      { bind: deps.config.bind, port: deps.config.httpPort, reason },
      { cause },
    );
  }
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${browsableHost(deps.config.bind)}:${port}`;
  log.info('HTTP server listening', { bind: deps.config.bind, port, url, console: serveConsole });

  let closing: Promise<void> | undefined;
  return {
    url,
    server: app.server,
    close() {
      closing ??= app.close().then(() => log.info('HTTP server closed'));
      return closing;
    },
  };
}

/** The wildcard addresses are not browsable: point at loopback instead. */
function browsableHost(bind: string): string {
  if (bind === '0.0.0.0') return '127.0.0.1';
  if (bind === '::' || bind === '[::]') return '[::1]';
  return bind.includes(':') ? `[${bind}]` : bind;
}
