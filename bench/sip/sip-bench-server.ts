/**
 * The server side of `npm run bench:sip`: a real Parlance server (in-memory store, SIP over TCP on
 * a free port, Digest on) in its own process, driven over the fork IPC channel by run.mjs:
 * `{ cmd: 'rss' }` → `{ rss, heapUsed, sessions, registrations, connections }` after a full GC.
 */
import { composeServer } from '../../src/server/compose.js';
import { ConfigSchema } from '../../src/server/config/config-schema.js';
import type { RunningSipFrontend } from '../../src/server/frontend/start-sip-frontend.js';

const send = (m: unknown) => process.send?.(m);
const gc = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
  const config = ConfigSchema.parse({
    dataDir: '/in-memory',
    domain: 'example.com',
    adminPassword: 'bench-admin-1',
    sipTcpPort: 0,
    sipTlsPort: -1,
    sipWebSocket: false,
    logLevel: 'warn',
  });
  let sip: RunningSipFrontend | null = null;
  const handle = await composeServer(
    config,
    { kind: 'in-process', log: () => undefined, http: false, sip: true },
    { expose: (i) => void (sip = i.sip), sip: { maxPendingGlobal: 50_000 } },
  );
  const running = sip as RunningSipFrontend | null;
  if (!running) throw new Error('no SIP front end');
  const ctx = { transport: 'ipc' as const, trusted: true };
  const created = await handle.dispatch(
    'users.create',
    { sipUri: 'sip:bench@example.com', displayName: 'Bench', password: 'bench-password' },
    ctx,
  );
  if (!created.ok) throw new Error(created.error.message);
  await handle.dispatch('policies.update', { id: 'global', enablePersistentChat: true }, ctx);
  process.on('message', (m: { cmd?: string }) => {
    if (m.cmd === 'rss') {
      gc?.();
      gc?.();
      const mem = process.memoryUsage();
      const s = running.status();
      send({
        rss: mem.rss,
        heapUsed: mem.heapUsed,
        sessions: s.sessions,
        registrations: s.registrations,
        connections: s.connections,
        counters: s.counters,
      });
    } else if (m.cmd === 'stop') {
      void handle.stop().then(() => process.exit(0));
    }
  });
  send({ ready: true, port: running.status().ports.tcp });
}

main().catch((e: unknown) => {
  send({ error: String(e) });
  process.exit(1);
});
