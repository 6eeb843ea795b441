/**
 * The business rules of issue 2, through the dispatcher and the real services: room and category
 * rules, user rules, sign-in, the audit trail and the events published after commit.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminResult } from './contract-errors.js';
import {
  createFixtures,
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
  s.events.length = 0;
});
afterEach(async () => {
  await s.stop();
});

function errorOf(result: AdminResult<unknown>) {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('rooms', () => {
  it('creates a room with URI, category name and audit fields, audited and announced after commit', async () => {
    const room = await s.ok('rooms.create', { name: '  Design  ', description: 'Pixels', categoryId: f.categoryId });
    expect(room).toMatchObject({
      name: 'Design',
      categoryId: f.categoryId,
      categoryName: 'Engineering',
      createdBy: 'sip:admin@example.com',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(room.uri).toBe(`ma-chan://example.com/${room.id}`);
    expect(s.events).toEqual([{ name: 'room.created', payload: room }]);
    const [entry] = s.auditLog('room.create');
    expect(entry).toMatchObject({ actor: 'sip:admin@example.com', target: room.id, oldValue: null });
    expect(entry!.newValue).toMatchObject({ name: 'Design', categoryId: f.categoryId });
  });

  it('keeps names unique case-insensitively, on create and rename', async () => {
    const dup = errorOf(await s.call('rooms.create', { name: 'GENERAL', categoryId: f.categoryId }, s.admin));
    expect(dup).toMatchObject({ code: 'ERR_ROOM_NAME_TAKEN', details: { field: 'name', id: f.roomId } });
    const other = await s.ok('rooms.create', { name: 'Other', categoryId: f.categoryId });
    const rename = errorOf(await s.call('rooms.update', { id: other.id, name: 'general' }, s.admin));
    expect(rename.code).toBe('ERR_ROOM_NAME_TAKEN');
    // Renaming a room to its own name (another case) is fine.
    expect((await s.ok('rooms.update', { id: f.roomId, name: 'GENERAL' })).name).toBe('GENERAL');
    expect(s.auditLog('room.create')).toHaveLength(2); // the fixture and "Other"; the refused one left no row
  });

  it('limits the description to 256 characters', async () => {
    const input = { name: 'Long', categoryId: f.categoryId, description: 'd'.repeat(257) };
    const err = errorOf(await s.call('rooms.create', input, s.admin));
    expect(err).toMatchObject({ code: 'ERR_ADMIN_VALIDATION', details: { issues: [{ path: 'description' }] } });
    expect((await s.ok('rooms.create', { ...input, description: 'd'.repeat(256) })).description).toHaveLength(256);
  });

  it('requires an existing category, on create and on move', async () => {
    const err = errorOf(await s.call('rooms.create', { name: 'Orphan', categoryId: 'nope' }, s.admin));
    expect(err).toMatchObject({ code: 'ERR_CATEGORY_NOT_FOUND', details: { field: 'categoryId' } });
    const move = errorOf(await s.call('rooms.update', { id: f.roomId, categoryId: 'nope' }, s.admin));
    expect(move).toMatchObject({ code: 'ERR_CATEGORY_NOT_FOUND', details: { field: 'categoryId' } });
    const moved = await s.ok('rooms.update', { id: f.roomId, categoryId: f.emptyCategoryId });
    expect(moved).toMatchObject({ categoryId: f.emptyCategoryId, categoryName: 'Empty' });
  });

  it('updates, filters, and deletes', async () => {
    s.clock.advance(60_000);
    const updated = await s.ok('rooms.update', { id: f.roomId, privacy: 'secret', type: 'auditorium', disabled: true });
    expect(updated).toMatchObject({
      privacy: 'secret',
      type: 'auditorium',
      disabled: true,
      updatedAt: '2026-01-01T00:01:00.000Z',
    });
    expect(updated.createdAt).toBe('2026-01-01T00:00:00.000Z');
    await s.ok('rooms.create', { name: 'Coffee 100%', description: 'beans', categoryId: f.emptyCategoryId });
    const names = async (filter: object) => (await s.ok('rooms.list', filter)).items.map((r) => r.name);
    expect(await names({})).toEqual(['Coffee 100%', 'General']);
    expect(await names({ disabled: true })).toEqual(['General']);
    expect(await names({ categoryId: f.emptyCategoryId })).toEqual(['Coffee 100%']);
    expect(await names({ search: 'BEAN' })).toEqual(['Coffee 100%']);
    expect(await names({ search: '0%' })).toEqual(['Coffee 100%']);
    expect(await names({ search: '_' })).toEqual([]);
    expect(await names({ privacy: 'secret', type: 'auditorium' })).toEqual(['General']);
    expect(await s.ok('rooms.delete', { id: f.roomId })).toEqual({ id: f.roomId });
    expect(errorOf(await s.call('rooms.get', { id: f.roomId }, s.admin)).code).toBe('ERR_ROOM_NOT_FOUND');
    expect(errorOf(await s.call('rooms.delete', { id: f.roomId }, s.admin)).code).toBe('ERR_ROOM_NOT_FOUND');
    expect(s.events.map((e) => e.name)).toEqual(['room.updated', 'room.created', 'room.deleted']);
    expect(s.auditLog('room.')[0]).toMatchObject({
      action: 'room.delete',
      oldValue: { name: 'General' },
      newValue: null,
    });
  });
});

describe('categories', () => {
  it('creates with a URI and keeps names unique', async () => {
    const cat = await s.ok('categories.create', { name: 'Sales', invitations: true });
    expect(cat).toMatchObject({ uri: `ma-cat://example.com/${cat.id}`, invitations: true, roomCount: 0 });
    const dup = errorOf(await s.call('categories.create', { name: 'sales' }, s.admin));
    expect(dup).toMatchObject({ code: 'ERR_CATEGORY_NAME_TAKEN', details: { field: 'name' } });
    expect((await s.ok('categories.get', { id: f.categoryId })).roomCount).toBe(1);
  });

  it('refuses to delete a category that still has rooms, naming the count', async () => {
    await s.ok('rooms.create', { name: 'Second', categoryId: f.categoryId });
    const err = errorOf(await s.call('categories.delete', { id: f.categoryId }, s.admin));
    expect(err).toMatchObject({ code: 'ERR_CATEGORY_NOT_EMPTY', details: { id: f.categoryId, roomCount: 2 } });
    expect(err.message).toContain('2 rooms');
    expect((await s.ok('categories.list', {})).items.map((c) => c.name)).toEqual(['Empty', 'Engineering']);
    expect(await s.ok('categories.delete', { id: f.emptyCategoryId })).toEqual({ id: f.emptyCategoryId });
    expect(errorOf(await s.call('categories.get', { id: f.emptyCategoryId }, s.admin)).code).toBe(
      'ERR_CATEGORY_NOT_FOUND',
    );
    expect(s.auditLog('category.delete')).toHaveLength(1);
  });

  it('updates and announces', async () => {
    const cat = await s.ok('categories.update', { id: f.categoryId, name: 'Eng', chatHistory: false });
    expect(cat).toMatchObject({ name: 'Eng', chatHistory: false, roomCount: 1 });
    expect((await s.ok('rooms.get', { id: f.roomId })).categoryName).toBe('Eng');
    expect(s.events).toEqual([{ name: 'category.updated', payload: cat }]);
    expect(s.auditLog('category.update')[0]).toMatchObject({
      oldValue: { name: 'Engineering' },
      newValue: { name: 'Eng' },
    });
  });
});

describe('users', () => {
  it('keeps SIP URIs unique and never exposes or audits secrets', async () => {
    const err = errorOf(
      await s.call(
        'users.create',
        { sipUri: 'sip:Carol@Example.com', displayName: 'C2', password: 'another-pass' },
        s.admin,
      ),
    );
    expect(err).toMatchObject({ code: 'ERR_USER_URI_TAKEN', details: { field: 'sipUri' } });
    const listed = JSON.stringify(await s.ok('users.list', {}));
    const audited = JSON.stringify(s.auditLog('user.'));
    for (const text of [listed, audited]) {
      expect(text).not.toMatch(/carol-pass|password_?hash|scrypt|digestHa1/i);
    }
  });

  it('cannot delete or demote the last administrator', async () => {
    const [adminUser] = (await s.ok('users.list', {})).items.filter((u) => u.role === 'admin');
    expect(errorOf(await s.call('users.delete', { id: adminUser!.id }, s.admin)).code).toBe('ERR_USER_LAST_ADMIN');
    expect(errorOf(await s.call('users.update', { id: adminUser!.id, role: 'user' }, s.admin)).code).toBe(
      'ERR_USER_LAST_ADMIN',
    );
    await s.ok('users.update', { id: f.userId, role: 'admin' });
    expect((await s.ok('users.update', { id: adminUser!.id, role: 'user' })).role).toBe('user');
    expect(errorOf(await s.call('users.delete', { id: f.userId }, s.admin)).code).toBe('ERR_AUTH_FORBIDDEN');
  });

  it('changes a password (old one stops working) and deleting a user ends their sessions', async () => {
    const carol = await s.loginAs('carol', 'carol-pass');
    await s.ok('users.update', { id: f.userId, password: 'new-carol-pass' });
    expect(errorOf(await s.call('auth.login', { username: 'carol', password: 'carol-pass' })).code).toBe(
      'ERR_AUTH_INVALID_CREDENTIALS',
    );
    await s.loginAs('sip:carol@example.com', 'new-carol-pass');
    expect((await s.call('auth.session', {}, carol)).ok).toBe(true);
    await s.ok('users.delete', { id: f.userId });
    expect(errorOf(await s.call('auth.session', {}, carol)).code).toBe('ERR_AUTH_REQUIRED');
    expect(s.events.map((e) => e.name)).toEqual(['user.updated', 'user.deleted']);
  });
});

describe('auth', () => {
  it('logs in by SIP URI or user part, audits logins and failed logins', async () => {
    const byUri = await s.call('auth.login', { username: 'SIP:Admin@Example.com', password: TEST_ADMIN_PASSWORD });
    expect(byUri).toMatchObject({
      ok: true,
      value: { user: { sipUri: 'sip:admin@example.com' }, expiresAt: '2026-01-01T08:00:00.000Z' },
    });
    const bad = errorOf(
      await s.call(
        'auth.login',
        { username: 'admin', password: 'wrong' },
        { transport: 'http', remoteAddress: '10.1.1.1' },
      ),
    );
    expect(bad.code).toBe('ERR_AUTH_INVALID_CREDENTIALS');
    const unknown = errorOf(await s.call('auth.login', { username: 'nobody', password: 'x' }));
    expect(unknown.code).toBe(bad.code); // the same answer for unknown users
    expect(unknown.message).toBe(bad.message);
    expect(s.auditLog('auth.login').length).toBeGreaterThanOrEqual(2);
    expect(s.auditLog('auth.login_failed').map((e) => [e.target, e.remoteAddress])).toEqual([
      ['sip:nobody@example.com', null],
      ['sip:admin@example.com', '10.1.1.1'],
    ]);
    expect(JSON.stringify(s.auditLog())).not.toContain(TEST_ADMIN_PASSWORD);
  });

  it('rate-limits failed logins per source address', async () => {
    const from = (remoteAddress: string) => ({ transport: 'http' as const, remoteAddress });
    for (let i = 0; i < 10; i++) {
      expect(errorOf(await s.call('auth.login', { username: 'admin', password: 'nope' }, from('10.9.9.9'))).code).toBe(
        'ERR_AUTH_INVALID_CREDENTIALS',
      );
    }
    const limited = errorOf(
      await s.call('auth.login', { username: 'admin', password: TEST_ADMIN_PASSWORD }, from('10.9.9.9')),
    );
    expect(limited).toMatchObject({ code: 'ERR_AUTH_RATE_LIMITED', details: { retryAfterSeconds: 60 } });
    // Another address is unaffected; after the window the first may try again.
    expect(
      (await s.call('auth.login', { username: 'admin', password: TEST_ADMIN_PASSWORD }, from('10.0.0.1'))).ok,
    ).toBe(true);
    s.clock.advance(60_001);
    expect(
      (await s.call('auth.login', { username: 'admin', password: TEST_ADMIN_PASSWORD }, from('10.9.9.9'))).ok,
    ).toBe(true);
  });

  it('stores only hashes of session tokens', async () => {
    const token = s.admin.token!;
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(s.data.read((r) => r.sessions.get(token))).toBeUndefined();
    const hash = createHash('sha256').update(token).digest('hex');
    expect(s.data.read((r) => r.sessions.get(hash))).toMatchObject({ expiresAt: '2026-01-01T08:00:00.000Z' });
    expect(JSON.stringify(s.auditLog())).not.toContain(token);
  });
});
