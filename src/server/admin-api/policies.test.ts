/**
 * Persistent Chat policy rules through the real dispatcher and store (LYNC.md §2.9, §3.2): the
 * global policy exists and is reset rather than deleted; identities are unique; only per-user
 * policies are assigned; an assigned policy is deleted only with force; effective policy is
 * per-user → site → global; every change is audited and announced.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './handlers/in-process-harness.js';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

describe('Persistent Chat policies', () => {
  it('has a disabled global policy; precedence user → site → global', async () => {
    s = await startTestServer({ siteName: 'Lab' });
    const user = await s.ok('users.create', {
      sipUri: 'sip:ann@example.com',
      displayName: 'Ann',
      password: 'ann-password',
    });
    expect((await s.ok('policies.list', {})).items).toEqual([
      expect.objectContaining({ id: 'global', identity: 'global', scope: 'global', enablePersistentChat: false }),
    ]);
    expect(await s.ok('policies.effective', { userId: user.id })).toMatchObject({ source: 'global' });
    await s.ok('policies.create', { scope: 'site', name: 'Other', enablePersistentChat: true });
    expect(await s.ok('policies.effective', { userId: user.id })).toMatchObject({ source: 'global' });
    const site = await s.ok('policies.create', { scope: 'site', name: 'Lab', enablePersistentChat: true });
    expect(site.identity).toBe('site:Lab');
    expect(await s.ok('policies.effective', { userId: user.id })).toMatchObject({
      source: 'site',
      policy: { id: site.id },
    });
    const tag = await s.ok('policies.create', { scope: 'user', name: 'NoChat' });
    await s.ok('users.assignPolicy', { userId: user.id, policyId: tag.id });
    expect(await s.ok('policies.effective', { userId: user.id })).toMatchObject({
      source: 'user',
      policy: { identity: 'tag:NoChat', enablePersistentChat: false, userCount: 1 },
    });
    await s.ok('users.assignPolicy', { userId: user.id, policyId: null });
    expect(await s.ok('policies.effective', { userId: user.id })).toMatchObject({ source: 'site' });
    expect(s.auditLog('policy.').map((e) => e.action)).toEqual([
      'policy.assign',
      'policy.assign',
      'policy.create',
      'policy.create',
      'policy.create',
    ]);
    expect(s.events.filter((e) => e.name.startsWith('policy.')).map((e) => e.name)).toEqual([
      'policy.created',
      'policy.created',
      'policy.created',
      'policy.assigned',
      'policy.assigned',
    ]);
  });

  it('refuses duplicates, site policies as assignments, and deleting an assigned policy without force', async () => {
    s = await startTestServer();
    const user = await s.ok('users.create', {
      sipUri: 'sip:bo@example.com',
      displayName: 'Bo',
      password: 'bo-password',
    });
    const tag = await s.ok('policies.create', { scope: 'user', name: 'Chat', enablePersistentChat: true });
    const dup = await s.call('policies.create', { scope: 'user', name: 'chat' }, s.admin);
    expect(dup).toMatchObject({ ok: false, error: { code: 'ERR_POLICY_IDENTITY_TAKEN' } });
    const site = await s.ok('policies.create', { scope: 'site', name: 'Chat' }); // other scope, other identity
    expect(await s.call('users.assignPolicy', { userId: user.id, policyId: site.id }, s.admin)).toMatchObject({
      ok: false,
      error: { code: 'ERR_POLICY_WRONG_SCOPE' },
    });
    await s.ok('users.assignPolicy', { userId: user.id, policyId: tag.id });
    expect(await s.call('policies.delete', { id: tag.id }, s.admin)).toMatchObject({
      ok: false,
      error: { code: 'ERR_POLICY_IN_USE' },
    });
    expect(await s.ok('policies.delete', { id: tag.id, force: true })).toEqual({ id: tag.id, reset: false });
    expect(await s.ok('policies.effective', { userId: user.id })).toMatchObject({ source: 'global' });
    expect(await s.call('policies.get', { id: tag.id }, s.admin)).toMatchObject({
      ok: false,
      error: { code: 'ERR_POLICY_NOT_FOUND' },
    });
    // Deleting the global policy resets it.
    await s.ok('policies.update', { id: 'global', enablePersistentChat: true, description: 'on' });
    expect(await s.ok('policies.delete', { id: 'global' })).toEqual({ id: 'global', reset: true });
    expect(await s.ok('policies.get', { id: 'global' })).toMatchObject({
      enablePersistentChat: false,
      description: '',
    });
    // Deleting a user removes the assignment (ON DELETE CASCADE).
    const tag2 = await s.ok('policies.create', { scope: 'user', name: 'Two' });
    await s.ok('users.assignPolicy', { userId: user.id, policyId: tag2.id });
    await s.ok('users.delete', { id: user.id });
    expect(await s.ok('policies.get', { id: tag2.id })).toMatchObject({ userCount: 0 });
  });
});
