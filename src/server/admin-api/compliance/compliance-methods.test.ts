/** compliance.* through the dispatcher of a real in-process server (validation, roles, audit, events). */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../handlers/in-process-harness.js';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

async function record(server: TestServer, n: number) {
  await server.data.transaction((w) => {
    for (let i = 1; i <= n; i++) {
      w.compliance.record({
        type: i % 2 ? 'CHAT' : 'JOIN',
        at: server.clock.now().toISOString(),
        room: { id: null, uri: 'ma-chan://example.com/lobby', name: 'Lobby', logged: true },
        user: { id: null, uri: 'sip:eve@example.com', name: 'Eve', email: 'eve@example.com' },
        messageId: i % 2 ? i : 0,
        content: i % 2 ? `hello ${i}` : '',
      });
    }
  });
}

describe('compliance.* through the dispatcher', () => {
  it('has the documented defaults and validates RunInterval, paths and the custom adapter', async () => {
    s = await startTestServer();
    expect(await s.ok('compliance.getConfig', {})).toMatchObject({
      enabled: false,
      adapter: 'xml',
      runIntervalMinutes: 15,
      oneChatRoomPerOutputFile: false,
      addChatRoomDetails: false,
      addUserDetails: false,
      createFileAttachmentsManifest: false,
      outputDir: '',
    });
    for (const [input, path] of [
      [{ runIntervalMinutes: 0 }, 'runIntervalMinutes'],
      [{ runIntervalMinutes: 43201 }, 'runIntervalMinutes'],
      [{ runIntervalMinutes: 1.5 }, 'runIntervalMinutes'],
      [{ outputDir: 'relative/dir' }, 'outputDir'],
      [{ adapter: 'custom' }, 'customModule'],
      [{ adapter: 'pdf' }, 'adapter'],
    ] as const) {
      const r = await s.call('compliance.updateConfig', input, s.admin);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('ERR_ADMIN_VALIDATION');
        expect(JSON.stringify(r.error.details)).toContain(path);
      }
    }
    const missing = await s.call(
      'compliance.updateConfig',
      { adapter: 'custom', customModule: '/nope/adapter.mjs' },
      s.admin,
    );
    expect(!missing.ok && missing.error.code).toBe('ERR_COMPLIANCE_ADAPTER_INVALID');
    expect(s.auditLog('compliance.')).toHaveLength(0);
  });

  it('refuses non-administrators and runNow while disabled', async () => {
    s = await startTestServer();
    await s.ok('users.create', { sipUri: 'sip:mallory@example.com', displayName: 'M', password: 'mallory-pass' });
    const user = await s.loginAs('mallory', 'mallory-pass');
    const r = await s.call('compliance.status', {}, user);
    expect(!r.ok && r.error.code).toBe('ERR_AUTH_FORBIDDEN');
    const run = await s.call('compliance.runNow', {}, s.admin);
    expect(!run.ok && run.error.code).toBe('ERR_COMPLIANCE_DISABLED');
  });

  it('configures, runs now, reports status, browses events and previews the output', async () => {
    s = await startTestServer();
    const dir = mkdtempSync(join(tmpdir(), 'parlance-compliance-api-'));
    const config = await s.ok('compliance.updateConfig', { enabled: true, outputDir: dir, addUserDetails: true });
    expect(config).toMatchObject({ enabled: true, outputDir: dir, updatedBy: 'sip:admin@example.com' });
    expect(s.auditLog('compliance.config.update')[0]).toMatchObject({ actor: 'sip:admin@example.com' });
    await record(s, 6);
    expect((await s.ok('compliance.status', {})).queueDepth).toBe(6);

    const { run } = await s.ok('compliance.runNow', { wait: true });
    expect(run).toMatchObject({
      outcome: 'succeeded',
      trigger: 'manual',
      eventsProcessed: 6,
      actor: 'sip:admin@example.com',
    });
    expect(s.auditLog('compliance.run')[0]).toMatchObject({ target: run.id, actor: 'sip:admin@example.com' });
    expect(s.events.map((e) => e.name)).toEqual(
      expect.arrayContaining(['compliance.status.changed', 'compliance.run.progressed', 'compliance.run.completed']),
    );

    const status = await s.ok('compliance.status', {});
    expect(status).toMatchObject({ enabled: true, queueDepth: 0, running: null, lastError: null, outputDir: dir });
    expect(status.lastRun?.id).toBe(run.id);
    expect(status.nextRunAt).not.toBeNull();

    const found = await s.ok('compliance.events.search', { types: ['CHAT'], user: 'eve', limit: 2 });
    expect(found.total).toBe(3);
    expect(found.items.map((e) => e.content)).toEqual(['hello 5', 'hello 3']);
    expect(found.items[0]!.deliveredAt).not.toBeNull();

    const outputs = await s.ok('compliance.outputs.list', {});
    expect(outputs.items.map((f) => f.name)).toEqual(readdirSync(dir));
    const name = outputs.items[0]!.name;
    const preview = await s.ok('compliance.outputs.preview', { name });
    expect(preview.content).toBe(readFileSync(join(dir, name), 'utf8'));
    expect(preview.content).toContain('<Sender UserName="Eve"');
    expect(preview.truncated).toBe(false);
    const traversal = await s.call('compliance.outputs.preview', { name: '../../etc/passwd' }, s.admin);
    expect(!traversal.ok && traversal.error.code).toBe('ERR_COMPLIANCE_OUTPUT_NOT_FOUND');
    expect((await s.ok('compliance.runs.list', {})).items[0]!.id).toBe(run.id);
  });
});
