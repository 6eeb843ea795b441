/**
 * The server worker (built to out/main/server-worker.js): runs `startServer` inside a
 * worker_threads worker for the Electron main process and the headless host, and serves the
 * worker port (rpc/worker-endpoint.ts). The configuration arrives already parsed in workerData.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startServer } from './index.js';
import { createWorkerEndpoint } from './rpc/worker-endpoint.js';
import type { WorkerData } from './rpc/worker-protocol.js';

if (parentPort === null) throw new Error('server-worker must run in a worker thread');
const port = parentPort;
const data = workerData as WorkerData;
const endpoint = createWorkerEndpoint(port);

const host = { kind: data.hostKind, log: endpoint.log, version: data.version };
const outcome = await endpoint.run(() => startServer(data.config, host));
if (outcome === 'fatal') process.exitCode = 1;
// Let the thread end once the server has released its handles; the host terminates it otherwise.
port.unref();
