/**
 * Serves the built console (headless mode) from `consoleDir`: hashed assets cached for a year,
 * `index.html` never cached, and client-side routes (no file extension, outside /api) answered
 * with `index.html` so deep links work.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export async function registerConsole(app: FastifyInstance, consoleDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: consoleDir,
    index: 'index.html',
    wildcard: true,
    cacheControl: false,
    setHeaders(reply, filePath) {
      if (/[\\/]index\.html$/.test(filePath)) reply.header('cache-control', 'no-cache');
      else if (/[\\/]assets[\\/]/.test(filePath)) reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
}

/** True when a request that found no route should get the SPA's `index.html`. */
export function isConsoleRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '/';
  if (path === '/api' || path.startsWith('/api/')) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

export function sendConsoleIndex(reply: FastifyReply): FastifyReply {
  reply.header('cache-control', 'no-cache');
  return reply.sendFile('index.html');
}
