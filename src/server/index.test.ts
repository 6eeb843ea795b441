/**
 * startServer end to end: first run, HTTP transport on a random port, server.status, idempotent
 * stop, and data surviving a restart on the durable store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigSchema } from './config/config-schema.js';
import { startServer } from './index.js';
import { MIGRATIONS } from './store/migrations/index.js';
import type { LogRecord } from './log/logger.js';
import type { ServerHandle } from './server-handle.js';

const dirs: string[] = [];
const handles: ServerHandle[] = [];
afterEach(async () => {
  await Promise.all(handles.splice(0).map((h) => h.stop()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'parlance-server-'));
  dirs.push(dir);
  return dir;
}

async function rpc(base: string, method: string, body: unknown, token?: string) {
  const res = await fetch(`${base}/api/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test inspects arbitrary JSON
  type Json = any;
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: Json; error?: { code: string } } };
}

describe('startServer', () => {
  it('creates the first admin with a generated password, serves HTTP, reports status, stops idempotently', async () => {
    const logs: LogRecord[] = [];
    const config = ConfigSchema.parse({ dataDir: '/unused', httpPort: 0, domain: 'corp.test' });
    const handle = await startServer(config, { kind: 'in-process', log: (r) => logs.push(r), version: '1.2.3' });
    handles.push(handle);
    expect(handle.firstRun).toMatchObject({ username: 'admin', sipUri: 'sip:admin@corp.test' });
    const password = handle.firstRun!.generatedPassword!;
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(JSON.stringify(logs)).not.toContain(password);
    expect(logs.some((r) => r.msg === 'server started' && r.category === 'server')).toBe(true);
    expect(handle.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const url = handle.httpUrl!;
    expect((await rpc(url, 'server.status', {})).status).toBe(401);
    const login = await rpc(url, 'auth.login', { username: 'admin', password });
    expect(login.body.ok).toBe(true);
    const status = await rpc(url, 'server.status', {}, login.body.value.token);
    expect(status.body.value).toMatchObject({
      name: 'parlance',
      version: '1.2.3',
      domain: 'corp.test',
      httpUrl: url,
      dataDir: '/unused',
      host: 'in-process',
      store: { kind: 'memory', durable: false, schemaVersion: MIGRATIONS.at(-1)!.version },
      counts: { categories: 0, rooms: 0, users: 1 },
    });
    expect(status.body.value.memory.rssBytes).toBeGreaterThan(0);

    const recent = await rpc(url, 'logs.recent', { minLevel: 'info', category: 'server' }, login.body.value.token);
    expect(recent.body.value.items.map((r: LogRecord) => r.msg)).toContain('server started');

    await Promise.all([handle.stop(), handle.stop()]);
    await handle.stop();
    await expect(fetch(`${url}/api/rpc/server.status`, { method: 'POST' })).rejects.toThrow();
  });

  it('keeps data across a restart on the durable store, and does not recreate the admin', async () => {
    const dataDir = await tempDir();
    const config = ConfigSchema.parse({ dataDir, httpPort: 0, adminPassword: 'configured-pass' });
    const host = { kind: 'headless' as const, log: () => undefined, http: false };
    const first = await startServer(config, host);
    expect(first.firstRun).toEqual({ username: 'admin', sipUri: 'sip:admin@example.com' });
    const ctx = { transport: 'ipc' as const, trusted: true };
    const cat = await first.dispatch('categories.create', { name: 'Ops' }, ctx);
    const catId = (cat as { value: { id: string } }).value.id;
    const room = await first.dispatch('rooms.create', { name: 'Incidents', categoryId: catId }, ctx);
    expect(room.ok).toBe(true);
    await first.stop();

    const second = await startServer(config, host);
    handles.push(second);
    expect(second.firstRun).toBeNull();
    const rooms = await second.dispatch('rooms.list', {}, ctx);
    expect(rooms).toMatchObject({ ok: true, value: { items: [{ name: 'Incidents', categoryName: 'Ops' }] } });
    const status = await second.dispatch('server.status', {}, ctx);
    expect(status).toMatchObject({
      ok: true,
      value: { store: { durable: true }, host: 'headless', counts: { rooms: 1 } },
    });
    const login = await second.dispatch(
      'auth.login',
      { username: 'admin', password: 'configured-pass' },
      { transport: 'in-process' },
    );
    expect(login.ok).toBe(true);
  });
});
