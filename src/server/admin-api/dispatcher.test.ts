/**
 * The dispatcher through the in-process transport against real services and an in-memory store
 * (STYLE.md §7.7): unknown methods, validation, authentication, authorization, error mapping.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log/logger-factory.js';
import type { LogRecord } from '../log/logger.js';
import { ServerError } from '../errors/server-error.js';
import type { Caller } from '../services/auth/auth-service.js';
import { ADMIN_METHODS, adminMethods } from './contract.js';
import { createDispatcher, USER_METHODS } from './dispatcher.js';
import type { AdminHandlers } from './handlers/handler-types.js';
import {
  createFixtures,
  SAMPLE_INPUTS,
  startTestServer,
  TEST_ADMIN_PASSWORD,
  type Fixtures,
  type TestServer,
} from './handlers/in-process-harness.js';

let s: TestServer;
let f: Fixtures;
beforeEach(async () => {
  s = await startTestServer();
  f = await createFixtures(s);
});
afterEach(async () => {
  await s.stop();
});

describe('dispatcher', () => {
  it('refuses an unknown method', async () => {
    const result = await s.call('rooms.explode', {}, s.admin);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'ERR_ADMIN_UNKNOWN_METHOD', details: { method: 'rooms.explode' } },
    });
    // Names inherited from Object.prototype are not methods either.
    expect(await s.call('toString', {}, s.admin)).toMatchObject({
      ok: false,
      error: { code: 'ERR_ADMIN_UNKNOWN_METHOD' },
    });
  });

  it('reports every validation issue with its path', async () => {
    const result = await s.call('rooms.create', { name: '', description: 'x'.repeat(257) }, s.admin);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ERR_ADMIN_VALIDATION');
    const issues = result.error.details!.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path).sort()).toEqual(['categoryId', 'description', 'name']);
    expect(issues.find((i) => i.path === 'description')!.message).toMatch(/256/);
  });

  it('applies schema defaults', async () => {
    const cat = await s.ok('categories.create', { name: 'Eng' });
    expect(cat).toMatchObject({ description: '', invitations: false, fileUpload: false, chatHistory: true });
    const room = await s.ok('rooms.create', { name: 'Lobby', categoryId: cat.id });
    expect(room).toMatchObject({ privacy: 'closed', type: 'normal', invitations: 'inherit', disabled: false });
  });

  it('requires a session for every non-public method, before looking at the input', async () => {
    const before = await s.ok('rooms.list', {});
    for (const method of ADMIN_METHODS) {
      if (adminMethods[method].public) continue;
      const input = SAMPLE_INPUTS[method](f);
      for (const ctx of [{ transport: 'http' as const }, { transport: 'http' as const, token: 'not-a-session' }]) {
        expect(await s.call(method, input, ctx), method).toMatchObject({
          ok: false,
          error: { code: 'ERR_AUTH_REQUIRED' },
        });
      }
      expect(await s.call(method, { junk: true }), method).toMatchObject({ error: { code: 'ERR_AUTH_REQUIRED' } });
    }
    expect(await s.ok('rooms.list', {})).toEqual(before);
  });

  it('ends a session at logout and when it expires', async () => {
    const second = await s.loginAs('admin', TEST_ADMIN_PASSWORD);
    expect(await s.ok('auth.logout', {}, second)).toEqual({});
    expect(await s.call('server.status', {}, second)).toMatchObject({ error: { code: 'ERR_AUTH_REQUIRED' } });
    expect((await s.call('server.status', {}, s.admin)).ok).toBe(true);
    expect(s.auditLog('auth.logout')).toHaveLength(1);
    s.clock.advance(8 * 60 * 60_000 + 1);
    expect(await s.call('server.status', {}, s.admin)).toMatchObject({ error: { code: 'ERR_AUTH_REQUIRED' } });
  });

  it('lets auth.login through without a session', async () => {
    const result = await s.call('auth.login', { username: 'admin', password: TEST_ADMIN_PASSWORD });
    expect(result).toMatchObject({ ok: true, value: { user: { sipUri: 'sip:admin@example.com', role: 'admin' } } });
  });

  it('treats the trusted desktop transport as the first administrator', async () => {
    const status = await s.call('server.status', {}, { transport: 'ipc', trusted: true });
    expect(status.ok).toBe(true);
    const session = await s.ok('auth.session', {}, { transport: 'ipc', trusted: true });
    expect(session.user.sipUri).toBe('sip:admin@example.com');
    const cat = await s.ok('categories.create', { name: 'Desk' }, { transport: 'ipc', trusted: true });
    expect(
      (await s.ok('rooms.create', { name: 'R', categoryId: cat.id }, { transport: 'ipc', trusted: true })).createdBy,
    ).toBe('sip:admin@example.com');
  });

  it('refuses admin methods to non-admin users, audits the refusal, and allows their own session', async () => {
    await s.ok('users.create', { sipUri: 'sip:bob@example.com', displayName: 'Bob', password: 'bob-password' });
    const bob = await s.loginAs('bob', 'bob-password', '10.0.0.9');
    const refused: string[] = [];
    for (const method of ADMIN_METHODS) {
      if (adminMethods[method].public || USER_METHODS.has(method)) continue;
      const result = await s.call(method, SAMPLE_INPUTS[method](f), bob);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'ERR_AUTH_FORBIDDEN' } });
      refused.push(method);
    }
    expect(refused.length).toBeGreaterThan(10);
    const audited = s.auditLog('auth.forbidden');
    expect(audited.map((e) => e.target).sort()).toEqual(refused.sort());
    expect(audited[0]).toMatchObject({ actor: 'sip:bob@example.com', remoteAddress: '10.0.0.9' });
    expect(await s.ok('auth.session', {}, bob)).toMatchObject({
      user: { sipUri: 'sip:bob@example.com', role: 'user' },
    });
    expect(await s.ok('rooms.get', { id: f.roomId })).toMatchObject({ disabled: false });
  });

  it('maps a ServerError to its envelope and anything else to ERR_INTERNAL with an incident id', async () => {
    const records: LogRecord[] = [];
    const logger = createLogger({ level: 'info', sinks: [(r) => records.push(r)] });
    const caller: Caller = {
      actor: { id: 'u1', name: 'sip:a@example.com', role: 'admin' },
      user: {
        id: 'u1',
        sipUri: 'sip:a@example.com',
        displayName: 'A',
        email: '',
        role: 'admin',
        createdAt: '',
        updatedAt: '',
      },
    };
    const handlers = new Proxy({} as AdminHandlers, {
      get: (_t, method) => async () => {
        if (method === 'rooms.get') throw new ServerError('ERR_ROOM_NOT_FOUND', 'no such room', { id: 'r1' });
        throw new TypeError('kaboom');
      },
    });
    const dispatch = createDispatcher(handlers, {
      logger,
      resolveCaller: () => caller,
      recordRefusal: async () => undefined,
      newIncidentId: () => 'incident-7',
    });
    expect(await dispatch('rooms.get', { id: 'r1' }, { transport: 'in-process' })).toEqual({
      ok: false,
      error: { code: 'ERR_ROOM_NOT_FOUND', message: 'no such room', details: { id: 'r1' } },
    });
    const internal = await dispatch('rooms.list', {}, { transport: 'in-process' });
    expect(internal).toEqual({
      ok: false,
      error: {
        code: 'ERR_INTERNAL',
        message: 'Internal error (incident incident-7)',
        details: { incidentId: 'incident-7' },
      },
    });
    expect(JSON.stringify(internal)).not.toContain('kaboom');
    const logged = records.find((r) => r.incidentId === 'incident-7')!;
    expect(logged).toMatchObject({ level: 'error', category: 'admin', method: 'rooms.list' });
    expect((logged.err as { message: string }).message).toBe('kaboom');
  });
});
