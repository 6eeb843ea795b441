// A plain-JS worker speaking the host⇄worker protocol (rpc/worker-protocol.ts), used to test
// worker-client.ts without the server core. `workerData.scenario` picks the behaviour.
import { parentPort, workerData } from 'node:worker_threads';

const scenario = workerData.scenario ?? 'ok';
const log = (msg) =>
  parentPort.postMessage({
    kind: 'log',
    record: { time: new Date().toISOString(), level: 'info', category: 'test', msg },
  });

if (scenario === 'fatal') {
  log('starting');
  parentPort.postMessage({
    kind: 'fatal',
    error: { code: 'ERR_CONFIG_INVALID', message: 'bad port', details: { key: 'httpPort' } },
  });
  setInterval(() => {}, 1000); // a leftover handle: the client must terminate the thread
} else if (scenario === 'throw') {
  throw new Error('exploded during start');
} else {
  log('starting');
  parentPort.on('message', (message) => {
    if (message.kind === 'stop') {
      if (scenario === 'hang-on-stop') return; // never answers: the client's stop timeout ends it
      parentPort.postMessage({ kind: 'stopped' });
      if (scenario === 'leak-on-stop') setInterval(() => {}, 1000);
      else parentPort.unref();
      return;
    }
    const { id, method, input, ctx } = message;
    if (method === 'crash') process.exit(3);
    if (method === 'never') return;
    if (method === 'emit') parentPort.postMessage({ kind: 'event', event: { name: 'room.created', payload: input } });
    // Answer out of order to prove correlation by id.
    setTimeout(
      () => parentPort.postMessage({ kind: 'result', id, result: { ok: true, value: { method, input, ctx } } }),
      typeof input?.delayMs === 'number' ? input.delayMs : 0,
    );
  });
  parentPort.postMessage({
    kind: 'ready',
    httpUrl: 'http://127.0.0.1:1',
    firstRun: { username: 'admin', sipUri: 'sip:admin@example.com', generatedPassword: 'pw' },
  });
}
