/**
 * The desktop server host against the real built server worker (out/main/server-worker.js, built
 * by `npm run build`): start, calls, events, log forwarding, restart after the worker dies, the
 * restart policy giving up, and stop.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AdminEvent } from '../server/admin-api/contract.js';
import { loadConfig } from '../server/config/load-config.js';
import { createLogger } from '../server/log/logger-factory.js';
import type { LogRecord } from '../server/log/logger.js';
import { startServerWorker } from '../server/rpc/worker-client.js';
import type { WorkerData } from '../server/rpc/worker-protocol.js';
import { startServerHost, type ServerHost, type ServerWorker, type StartServerWorker } from './server-host.js';

const WORKER_FILE = process.env['PARLANCE_TEST_WORKER_FILE'] ?? join(process.cwd(), 'out', 'main', 'server-worker.js');
const workerUrl = pathToFileURL(WORKER_FILE);
const IPC = { transport: 'ipc', trusted: true } as const;
const FAST = { initialDelayMs: 20, maxDelayMs: 100, maxConsecutiveRestarts: 2, stableAfterMs: 60_000 };

let dataDir: string;
let host: ServerHost | undefined;
let hostLogs: LogRecord[];
let workerLogs: LogRecord[];

function workerData(dir: string): WorkerData {
  const config = loadConfig({
    flags: { httpPort: '0', sipTcpPort: '0', sipTlsPort: '-1', adminPassword: 'desktop-test-password' },
    env: {},
    defaultDataDir: dir,
  });
  return { config, hostKind: 'electron', version: '0.0.0-test' };
}

function options(start: StartServerWorker, extra: { onGiveUp?: (reason: string) => void } = {}) {
  return {
    start,
    workerUrl,
    data: workerData(dataDir),
    logger: createLogger({ level: 'debug', sinks: [(r) => hostLogs.push(r)], category: 'main' }).child('server-host'),
    forwardLog: (r: LogRecord) => workerLogs.push(r),
    restartPolicy: FAST,
    ...extra,
  };
}

async function until(predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'parlance-server-host-'));
  hostLogs = [];
  workerLogs = [];
});

afterEach(async () => {
  await host?.stop();
  host = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

describe.runIf(existsSync(WORKER_FILE))('server host (real worker)', () => {
  it('starts the worker, relays calls and events, forwards worker logs', async () => {
    host = await startServerHost(options(startServerWorker));
    expect(host.state).toBe('running');

    const status = await host.call('server.status', {}, IPC);
    expect(status.ok && (status.value as { host: string }).host).toBe('electron');
    // The desktop window is the local administrator: no login over trusted IPC.
    const session = await host.call('auth.session', {}, IPC);
    expect(session.ok && (session.value as { user: { role: string } }).user.role, JSON.stringify(session)).toBe(
      'admin',
    );

    const events: AdminEvent[] = [];
    const unsubscribe = host.subscribe((e) => events.push(e));
    const created = await host.call('categories.create', { name: 'Host test' }, IPC);
    expect(created.ok, JSON.stringify(created)).toBe(true);
    await until(() => events.some((e) => e.name === 'category.created'), 'category.created');
    unsubscribe();

    expect(workerLogs.length).toBeGreaterThan(0);
    expect(workerLogs.every((r) => typeof r.msg === 'string' && typeof r.category === 'string')).toBe(true);
  });

  it('restarts a worker that died, refusing calls with ERR_SERVER_UNAVAILABLE meanwhile', async () => {
    const workers: ServerWorker[] = [];
    const start: StartServerWorker = async (o) => {
      const w = await startServerWorker(o);
      workers.push(w);
      return w;
    };
    host = await startServerHost(options(start));
    // Kill the worker behind the host's back: to the host this is an unexpected exit.
    await workers[0]!.stop();
    expect(host.state).toBe('restarting');
    const during = await host.call('server.status', {}, IPC);
    expect(during.ok === false && during.error.code).toBe('ERR_SERVER_UNAVAILABLE');

    await until(() => host!.state === 'running', 'the restart');
    expect(workers).toHaveLength(2);
    const after = await host.call('server.status', {}, IPC);
    expect(after.ok, JSON.stringify(after)).toBe(true);
    expect(hostLogs.some((r) => r.msg === 'server worker restarted')).toBe(true);
  });

  it('gives up after the configured number of failed restarts', async () => {
    // After the first start the data directory becomes unusable (a file where the directory was).
    const broken = join(dataDir, 'not-a-directory');
    writeFileSync(broken, 'x');
    let attempt = 0;
    const workers: ServerWorker[] = [];
    const start: StartServerWorker = async (o) => {
      const data = attempt++ === 0 ? o.data : { ...o.data, config: { ...o.data.config, dataDir: broken } };
      const w = await startServerWorker({ ...o, data });
      workers.push(w);
      return w;
    };
    let gaveUp: string | undefined;
    host = await startServerHost(options(start, { onGiveUp: (reason) => (gaveUp = reason) }));
    await workers[0]!.stop();

    await until(() => gaveUp !== undefined, 'the host to give up');
    expect(host.state).toBe('failed');
    expect(attempt).toBe(1 + FAST.maxConsecutiveRestarts);
    const call = await host.call('server.status', {}, IPC);
    expect(call.ok === false && call.error.code).toBe('ERR_SERVER_UNAVAILABLE');
  });

  it('rejects when the very first start fails, with the coded error', async () => {
    const broken = join(dataDir, 'file');
    writeFileSync(broken, 'x');
    const opts = options(startServerWorker);
    opts.data = { ...opts.data, config: { ...opts.data.config, dataDir: broken } };
    await expect(startServerHost(opts)).rejects.toMatchObject({ code: expect.stringMatching(/^ERR_/) });
  });

  it('stop() ends the worker for good: no restart, calls refused', async () => {
    host = await startServerHost(options(startServerWorker));
    await host.stop();
    expect(host.state).toBe('stopped');
    await new Promise((r) => setTimeout(r, FAST.maxDelayMs * 2));
    expect(host.state).toBe('stopped');
    const call = await host.call('server.status', {}, IPC);
    expect(call.ok === false && call.error.code).toBe('ERR_SERVER_UNAVAILABLE');
    host = undefined;
  });
});

it('has the built server worker to test against', () => {
  expect(existsSync(WORKER_FILE), `${WORKER_FILE} is missing: run \`npm run build\` first`).toBe(true);
});
