import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminEvent } from '../admin-api/contract.js';
import type { AdminResult } from '../admin-api/contract-errors.js';
import { ConfigSchema } from '../config/config-schema.js';
import { createLogger } from '../log/logger-factory.js';
import type { LogRecord } from '../log/logger.js';
import type { CallContext } from '../server-handle.js';
import { startHttpServer, type HttpServer } from './http-server.js';
import { SESSION_COOKIE } from './session-cookie.js';

/**
 * A small hand-written dispatch function at the transport boundary: one user, sessions by token,
 * `rooms.create` publishes an event. It records every context it sees.
 */
function createTestDispatch() {
  const sessions = new Map<string, string>();
  const listeners = new Set<(e: AdminEvent) => void>();
  const contexts: { method: string; ctx: CallContext }[] = [];
  let next = 1;
  const expiresAt = new Date(Date.now() + 3600_000).toISOString();
  const user = {
    id: 'u1',
    sipUri: 'sip:admin@example.com',
    displayName: 'Admin',
    email: '',
    role: 'admin',
    createdAt: '',
    updatedAt: '',
  };
  const fail = (code: string, message = code): AdminResult<unknown> =>
    ({ ok: false, error: { code, message } }) as AdminResult<unknown>;

  async function dispatch(method: string, input: unknown, ctx: CallContext): Promise<AdminResult<unknown>> {
    contexts.push({ method, ctx });
    if (method === 'auth.login') {
      const { username, password } = input as { username?: string; password?: string };
      if (username !== 'admin' || password !== 'correct horse') return fail('ERR_AUTH_INVALID_CREDENTIALS');
      const token = `tok-${next++}`;
      sessions.set(token, 'u1');
      return { ok: true, value: { user, expiresAt, token } };
    }
    if (method === 'boom') throw new Error('dispatcher bug');
    const known = ['auth.session', 'auth.logout', 'server.status', 'rooms.create', 'echo'];
    if (!known.includes(method)) return fail('ERR_ADMIN_UNKNOWN_METHOD');
    if (ctx.token === undefined || !sessions.has(ctx.token)) return fail('ERR_AUTH_REQUIRED');
    switch (method) {
      case 'auth.session':
        return { ok: true, value: { user, expiresAt } };
      case 'auth.logout':
        sessions.delete(ctx.token);
        return { ok: true, value: {} };
      case 'server.status':
        return { ok: true, value: { name: 'parlance' } };
      case 'rooms.create': {
        const room = { id: 'r1', name: (input as { name: string }).name };
        for (const l of listeners) l({ name: 'room.created', payload: room } as unknown as AdminEvent);
        return { ok: true, value: room };
      }
      default:
        return { ok: true, value: input };
    }
  }
  function subscribe(listener: (e: AdminEvent) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }
  return { dispatch, subscribe, contexts, listeners, sessions };
}

let server: HttpServer;
let api: ReturnType<typeof createTestDispatch>;
let records: LogRecord[];
let consoleDir: string;

async function start(overrides: Record<string, unknown> = {}) {
  api = createTestDispatch();
  records = [];
  const config = ConfigSchema.parse({ dataDir: consoleDir, httpPort: 0, ...overrides });
  const logger = createLogger({ level: 'debug', sinks: [(r) => records.push(r)] });
  server = await startHttpServer({ config, logger, dispatch: api.dispatch, subscribe: api.subscribe });
}

function rpc(method: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function login(): Promise<{ cookie: string; token: string; setCookie: string }> {
  const res = await rpc('auth.login', { username: 'admin', password: 'correct horse' });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { ok: true; value: { token: string } };
  const setCookie = res.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0]!, token: body.value.token, setCookie };
}

beforeEach(async () => {
  consoleDir = await mkdtemp(join(tmpdir(), 'parlance-http-'));
});

afterEach(async () => {
  await server?.close();
  await rm(consoleDir, { recursive: true, force: true });
});

describe('POST /api/rpc/:method', () => {
  beforeEach(() => start());

  it('reports the real port when configured with port 0', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url.endsWith(':0')).toBe(false);
  });

  it('answers 401 with the coded envelope when there is no session', async () => {
    const res = await rpc('server.status', {});
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'ERR_AUTH_REQUIRED', message: 'ERR_AUTH_REQUIRED' } });
  });

  it('sets an HttpOnly, SameSite=Strict session cookie on login that then authorises calls', async () => {
    const { cookie, token, setCookie } = await login();
    expect(cookie).toBe(`${SESSION_COOKIE}=${token}`);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/i);
    const maxAge = Number(/Max-Age=(\d+)/i.exec(setCookie)?.[1]);
    expect(maxAge).toBeGreaterThan(3590);
    expect(maxAge).toBeLessThanOrEqual(3600);

    const res = await rpc('server.status', {}, { cookie });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: { name: 'parlance' } });
    const seen = api.contexts.at(-1)!.ctx;
    expect(seen).toMatchObject({ transport: 'http', token });
    expect(seen.remoteAddress).toMatch(/127\.0\.0\.1/);
  });

  it('accepts a bearer token, and prefers it over the cookie', async () => {
    const { token } = await login();
    const res = await rpc('server.status', undefined, {
      authorization: `Bearer ${token}`,
      cookie: `${SESSION_COOKIE}=stale`,
    });
    expect(res.status).toBe(200);
    expect(api.contexts.at(-1)!.ctx.token).toBe(token);
  });

  it('does not set a cookie on a failed login and maps the code to its status', async () => {
    const res = await rpc('auth.login', { username: 'admin', password: 'nope' });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ERR_AUTH_INVALID_CREDENTIALS');
  });

  it('clears the cookie on logout', async () => {
    const { cookie, token } = await login();
    const res = await rpc('auth.logout', {}, { cookie });
    expect(res.status).toBe(200);
    const cleared = res.headers.get('set-cookie') ?? '';
    expect(cleared).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    expect(api.sessions.has(token)).toBe(false);
    expect((await rpc('server.status', {}, { cookie })).status).toBe(401);
  });

  it('passes the unknown method to the dispatcher and answers 404', async () => {
    const res = await rpc('nope.nothing', {});
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ERR_ADMIN_UNKNOWN_METHOD');
  });

  it('treats an empty body as {} with or without a content type', async () => {
    const { cookie } = await login();
    const withType = await rpc('echo', undefined, { cookie });
    expect(await withType.json()).toEqual({ ok: true, value: {} });
    const bare = await fetch(`${server.url}/api/rpc/echo`, { method: 'POST', headers: { cookie } });
    expect(bare.status).toBe(200);
    expect(await bare.json()).toEqual({ ok: true, value: {} });
  });

  it('passes the JSON body through unchanged', async () => {
    const { cookie } = await login();
    const res = await rpc('echo', { a: [1, 'two', { three: null }] }, { cookie });
    expect(await res.json()).toEqual({ ok: true, value: { a: [1, 'two', { three: null }] } });
  });

  it('answers malformed JSON with 400 ERR_ADMIN_BAD_REQUEST', async () => {
    const res = await fetch(`${server.url}/api/rpc/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { ok: false; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('ERR_ADMIN_BAD_REQUEST');
    expect(body.error.message).toMatch(/not valid JSON/);
  });

  it('refuses bodies over 1 MiB with 413 and a coded envelope', async () => {
    const res = await rpc('echo', { blob: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ERR_HTTP_PAYLOAD_TOO_LARGE');
  });

  it('refuses non-JSON content types with 415', async () => {
    const res = await fetch(`${server.url}/api/rpc/echo`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'name=x',
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ERR_HTTP_UNSUPPORTED_MEDIA_TYPE');
  });

  it('turns a throwing dispatcher into ERR_INTERNAL and logs it under http', async () => {
    const res = await rpc('boom', {});
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ERR_INTERNAL');
    expect(records.some((r) => r.category === 'http' && r.level === 'error')).toBe(true);
  });

  it('answers unknown API paths with a coded 404 and sends security headers', async () => {
    const res = await fetch(`${server.url}/api/nothing`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ERR_HTTP_NOT_FOUND');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('fails with ERR_HTTP_LISTEN_FAILED naming the address when the port is taken', async () => {
    const port = Number(new URL(server.url).port);
    const config = ConfigSchema.parse({ dataDir: consoleDir, httpPort: port });
    const logger = createLogger({ level: 'info', sinks: [] });
    await expect(
      startHttpServer({ config, logger, dispatch: api.dispatch, subscribe: api.subscribe }),
    ).rejects.toMatchObject({
      code: 'ERR_HTTP_LISTEN_FAILED',
      message: expect.stringContaining(`127.0.0.1:${port}: the address is already in use`),
    });
  });

  it('does not serve a console when consoleDir is empty', async () => {
    const res = await fetch(`${server.url}/rooms`);
    expect(res.status).toBe(404);
  });
});

/** An SSE client on node:http (closes its socket at once on `close()`, unlike fetch's pool). */
function openStream(cookie?: string): Promise<{
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  nextData(count: number): Promise<unknown[]>;
  ended: Promise<void>;
  close(): void;
}> {
  return new Promise((resolve, reject) => {
    const req = httpGet(`${server.url}/api/events`, { headers: cookie ? { cookie } : {} }, (res) => {
      res.setEncoding('utf8');
      let buffer = '';
      let raw = '';
      const data: unknown[] = [];
      const waiters: (() => void)[] = [];
      res.on('data', (chunk: string) => {
        buffer += chunk;
        raw += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.startsWith('data: ')) data.push(JSON.parse(frame.slice(6)));
        }
        for (const w of waiters.splice(0)) w();
      });
      const ended = new Promise<void>((r) => res.on('close', () => r()));
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        get body() {
          return raw;
        },
        async nextData(count) {
          while (data.length < count) await new Promise<void>((r) => waiters.push(r));
          return data.splice(0, count);
        },
        ended,
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

describe('GET /api/events', () => {
  beforeEach(() => start());

  it('refuses an unauthenticated stream with 401', async () => {
    const res = await fetch(`${server.url}/api/events`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ERR_AUTH_REQUIRED');
    expect(api.listeners.size).toBe(0);
  });

  it('delivers published events as data frames and unsubscribes when the client goes away', async () => {
    const { cookie } = await login();
    const stream = await openStream(cookie);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(stream.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(api.listeners.size).toBe(1);

    await rpc('rooms.create', { name: 'Lobby' }, { cookie });
    await rpc('rooms.create', { name: 'Ops' }, { cookie });
    expect(await stream.nextData(2)).toEqual([
      { name: 'room.created', payload: { id: 'r1', name: 'Lobby' } },
      { name: 'room.created', payload: { id: 'r1', name: 'Ops' } },
    ]);
    stream.close();
    await expect.poll(() => api.listeners.size).toBe(0);
  });

  it('ends open streams when the server closes', async () => {
    const { cookie } = await login();
    const stream = await openStream(cookie);
    expect(api.listeners.size).toBe(1);
    await server.close();
    await stream.ended;
    expect(api.listeners.size).toBe(0);
  });

  it('ends the stream at the next heartbeat once the session is gone', async () => {
    await server.close();
    api = createTestDispatch();
    const config = ConfigSchema.parse({ dataDir: consoleDir, httpPort: 0 });
    const logger = createLogger({ level: 'debug', sinks: [] });
    server = await startHttpServer({
      config,
      logger,
      dispatch: api.dispatch,
      subscribe: api.subscribe,
      heartbeatMs: 50,
    });
    const { cookie, token } = await login();
    const stream = await openStream(cookie);
    await new Promise((r) => setTimeout(r, 120));
    expect(stream.body).toContain(': heartbeat');
    api.sessions.delete(token);
    await stream.ended;
    expect(api.listeners.size).toBe(0);
  });
});

describe('console', () => {
  beforeEach(async () => {
    await mkdir(join(consoleDir, 'assets'));
    await writeFile(join(consoleDir, 'index.html'), '<!doctype html><title>Parlance console</title>');
    await writeFile(join(consoleDir, 'assets', 'app-1234.js'), 'console.log(1)');
    await start({ consoleDir });
  });

  it('serves index.html at / and as the fallback for client-side routes', async () => {
    for (const path of ['/', '/rooms', '/rooms/abc/edit?x=1']) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('Parlance console');
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    }
  });

  it('serves assets with long caching and 404s for missing files and API paths', async () => {
    const asset = await fetch(`${server.url}/assets/app-1234.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    const api404 = await fetch(`${server.url}/api/unknown`);
    expect(api404.status).toBe(404);
    expect(((await api404.json()) as { error: { code: string } }).error.code).toBe('ERR_HTTP_NOT_FOUND');
  });
});
