import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminEvent } from '../admin-api/contract.js';
import type { AdminResult } from '../admin-api/contract-errors.js';
import { ServerError } from '../errors/server-error.js';
import type { CallContext, ServerHandle } from '../server-handle.js';
import { createWorkerEndpoint } from './worker-endpoint.js';
import type { HostToWorker, WorkerToHost } from './worker-protocol.js';

/** A hand-written ServerHandle at the boundary: echoes calls, publishes on demand, records stop. */
function createHandle() {
  const listeners = new Set<(e: AdminEvent) => void>();
  const state = { stopped: false };
  const handle: ServerHandle = {
    httpUrl: 'http://127.0.0.1:9',
    firstRun: null,
    async dispatch(method: string, input: unknown, ctx: CallContext): Promise<AdminResult<unknown>> {
      if (method === 'throw') throw new Error('handler bug');
      if (method === 'function') return { ok: true, value: { fn: () => 1, keep: 'yes' } };
      return { ok: true, value: { method, input, ctx } };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      state.stopped = true;
    },
  };
  const publish = (e: AdminEvent) => listeners.forEach((l) => l(e));
  return { handle, listeners, state, publish };
}

let host: MessagePort;
let worker: MessagePort;
const received: WorkerToHost[] = [];

function channel() {
  const c = new MessageChannel();
  host = c.port1;
  worker = c.port2;
  received.length = 0;
  host.on('message', (m: WorkerToHost) => received.push(m));
}

const send = (m: HostToWorker) => host.postMessage(m);
const waitFor = (pred: (m: WorkerToHost) => boolean) =>
  expect.poll(() => received.find(pred), { timeout: 2000 }).toBeTruthy();

afterEach(() => {
  host?.close();
  worker?.close();
});

describe('worker endpoint', () => {
  it('answers calls that arrive while the server starts, then posts ready, events and results', async () => {
    channel();
    const { handle, publish } = createHandle();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const endpoint = createWorkerEndpoint(worker);
    const outcome = endpoint.run(async () => {
      await gate;
      return handle;
    });
    send({ kind: 'call', id: 1, method: 'early.call', input: { a: 1 }, ctx: { transport: 'worker' } });
    await new Promise((r) => setTimeout(r, 30));
    expect(received).toEqual([]);
    release();
    await waitFor((m) => m.kind === 'result');
    expect(received).toContainEqual({ kind: 'ready', httpUrl: 'http://127.0.0.1:9', firstRun: null });
    expect(received).toContainEqual({
      kind: 'result',
      id: 1,
      result: { ok: true, value: { method: 'early.call', input: { a: 1 }, ctx: { transport: 'worker' } } },
    });

    publish({ name: 'room.deleted', payload: { id: 'r9' } });
    await waitFor((m) => m.kind === 'event');
    expect(received).toContainEqual({ kind: 'event', event: { name: 'room.deleted', payload: { id: 'r9' } } });

    endpoint.log({ time: 't', level: 'info', category: 'x', msg: 'hello' });
    await waitFor((m) => m.kind === 'log');

    send({ kind: 'stop' });
    expect(await outcome).toBe('stopped');
  });

  it('maps a throwing handler to ERR_INTERNAL and sends a JSON copy of non-cloneable results', async () => {
    channel();
    const { handle } = createHandle();
    void createWorkerEndpoint(worker).run(async () => handle);
    send({ kind: 'call', id: 7, method: 'throw', input: {}, ctx: { transport: 'worker' } });
    send({ kind: 'call', id: 8, method: 'function', input: {}, ctx: { transport: 'worker' } });
    await waitFor((m) => m.kind === 'result' && m.id === 8);
    expect(received).toContainEqual({
      kind: 'result',
      id: 7,
      result: { ok: false, error: { code: 'ERR_INTERNAL', message: 'handler bug', details: { name: 'Error' } } },
    });
    expect(received).toContainEqual({ kind: 'result', id: 8, result: { ok: true, value: { keep: 'yes' } } });
  });

  it('stops the server, unsubscribes, posts stopped and refuses later calls', async () => {
    channel();
    const { handle, listeners, state } = createHandle();
    const outcome = createWorkerEndpoint(worker).run(async () => handle);
    await waitFor((m) => m.kind === 'ready');
    expect(listeners.size).toBe(1);
    send({ kind: 'stop' });
    expect(await outcome).toBe('stopped');
    expect(state.stopped).toBe(true);
    expect(listeners.size).toBe(0);
    await waitFor((m) => m.kind === 'stopped');
    send({ kind: 'call', id: 2, method: 'late', input: {}, ctx: { transport: 'worker' } });
    await waitFor((m) => m.kind === 'result');
    expect(received.at(-1)).toMatchObject({
      kind: 'result',
      id: 2,
      result: { ok: false, error: { code: 'ERR_SERVER_UNAVAILABLE' } },
    });
  });

  it('posts fatal with the coded error when the start fails', async () => {
    channel();
    const outcome = createWorkerEndpoint(worker).run(async () => {
      throw new ServerError('ERR_STORE_MIGRATION_FAILED', 'migration 2 failed', { version: 2 });
    });
    expect(await outcome).toBe('fatal');
    await waitFor((m) => m.kind === 'fatal');
    expect(received).toEqual([
      {
        kind: 'fatal',
        error: { code: 'ERR_STORE_MIGRATION_FAILED', message: 'migration 2 failed', details: { version: 2 } },
      },
    ]);
  });
});
