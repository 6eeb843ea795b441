import { describe, expect, it } from 'vitest';
import type { AdminEvent } from '../admin-api/contract.js';
import { ConfigSchema } from '../config/config-schema.js';
import { isServerError } from '../errors/server-error.js';
import type { LogRecord } from '../log/logger.js';
import { startServerWorker, type WorkerExit } from './worker-client.js';
import type { WorkerData } from './worker-protocol.js';

const workerUrl = new URL('./__fixtures__/protocol-worker.mjs', import.meta.url);

function dataFor(scenario: string): WorkerData {
  const data: WorkerData = {
    config: ConfigSchema.parse({ dataDir: '/nonexistent' }),
    hostKind: 'headless',
    version: '0.0.0-test',
  };
  return { ...data, scenario } as WorkerData;
}

describe('startServerWorker', () => {
  it('resolves with the ready info, correlates out-of-order results and forwards logs and events', async () => {
    const logs: LogRecord[] = [];
    const fromOption: AdminEvent[] = [];
    const w = await startServerWorker({
      workerUrl,
      data: dataFor('ok'),
      onLog: (r) => logs.push(r),
      onEvent: (e) => fromOption.push(e),
    });
    expect(w.ready).toEqual({
      httpUrl: 'http://127.0.0.1:1',
      firstRun: { username: 'admin', sipUri: 'sip:admin@example.com', generatedPassword: 'pw' },
    });
    expect(logs.map((r) => r.msg)).toContain('starting');

    const ctx = { transport: 'cli' as const, token: 't' };
    const [slow, fast] = await Promise.all([
      w.call('a.slow', { delayMs: 80 }, ctx),
      w.call('b.fast', { delayMs: 0 }, ctx),
    ]);
    expect(slow).toEqual({ ok: true, value: { method: 'a.slow', input: { delayMs: 80 }, ctx } });
    expect(fast).toEqual({ ok: true, value: { method: 'b.fast', input: { delayMs: 0 }, ctx } });

    const seen: AdminEvent[] = [];
    const unsubscribe = w.subscribe((e) => seen.push(e));
    await w.call('emit', { id: 'r1' }, ctx);
    unsubscribe();
    await w.call('emit', { id: 'r2' }, ctx);
    expect(seen).toEqual([{ name: 'room.created', payload: { id: 'r1' } }]);
    expect(fromOption.map((e) => (e.payload as { id: string }).id)).toEqual(['r1', 'r2']);

    const exits: WorkerExit[] = [];
    w.onExit((e) => exits.push(e));
    await w.stop();
    expect(exits).toEqual([{ code: 0 }]);
    expect(await w.call('x.y', {}, ctx)).toMatchObject({ ok: false, error: { code: 'ERR_SERVER_UNAVAILABLE' } });
  });

  it('answers pending calls with ERR_SERVER_UNAVAILABLE when the worker dies', async () => {
    const w = await startServerWorker({ workerUrl, data: dataFor('ok') });
    const exited = new Promise<WorkerExit>((r) => w.onExit(r));
    const pending = w.call('never', {}, { transport: 'cli' });
    void w.call('crash', {}, { transport: 'cli' });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'ERR_SERVER_UNAVAILABLE' } });
    expect((await exited).code).toBe(3);
  });

  it('rejects the start with the coded fatal error and ends the thread', async () => {
    const error = await startServerWorker({ workerUrl, data: dataFor('fatal') }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isServerError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'ERR_CONFIG_INVALID', message: 'bad port', details: { key: 'httpPort' } });
  });

  it('rejects the start with ERR_SERVER_UNAVAILABLE when the worker throws before ready', async () => {
    await expect(startServerWorker({ workerUrl, data: dataFor('throw') })).rejects.toMatchObject({
      code: 'ERR_SERVER_UNAVAILABLE',
      message: expect.stringContaining('exploded during start'),
    });
  });

  it('terminates a worker that does not stop within the grace period', async () => {
    const w = await startServerWorker({ workerUrl, data: dataFor('hang-on-stop'), stopTimeoutMs: 100 });
    const t0 = Date.now();
    await w.stop();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(90);
  });

  it('does not wait for stray handles once the server reported stopped', async () => {
    const w = await startServerWorker({ workerUrl, data: dataFor('leak-on-stop'), stopTimeoutMs: 5000 });
    const t0 = Date.now();
    await w.stop();
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
