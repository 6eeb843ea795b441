/**
 * The server side of `npm run bench:fanout`: a real Parlance server in its own process, composed
 * like `npm run serve` (headless host, journaled store in a temporary data directory, SIP over
 * TCP on a free port, Digest on) with compliance enabled (XML adapter, 1-minute runs). Driven over
 * the fork IPC channel by run.mjs:
 *   `{ cmd: 'setup', users, rooms }` → creates users u0…u{users-1} (password `password-1`), one open
 *     category and `rooms` open rooms → `{ rooms: [uri…] }`;
 *   `{ cmd: 'stats' }` → `{ rss, counters, compliance }`;  `{ cmd: 'stop' }` → exits;
 *   `{ cmd: 'cpu' }` → `{ cpu: process.cpuUsage(), loopP99Ms, loopMaxMs }` (server CPU per delivery,
 *     robust on a shared machine; event-loop delay since the previous call);
 *   `{ cmd: 'profile-start' }` / `{ cmd: 'profile-stop', file }` → a CPU profile of the steps only.
 * Only the password hasher's scrypt cost is lowered (console passwords; Digest uses stored HA1),
 * so that creating thousands of users takes seconds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServer } from '../../src/server/compose.js';
import { ConfigSchema } from '../../src/server/config/config-schema.js';
import type { RunningSipFrontend } from '../../src/server/frontend/start-sip-frontend.js';
import { SERVER_SEMI_SPACE_MB } from '../../src/server/rpc/server-heap.js';
import { createScryptPasswordHasher } from '../../src/server/services/auth/node-auth-crypto.js';

const send = (m: unknown) => process.send?.(m);

async function main(): Promise<void> {
  // Production runs the server in a worker with this young generation (server-heap.ts).
  if (!process.execArgv.includes(`--max-semi-space-size=${SERVER_SEMI_SPACE_MB}`)) {
    throw new Error(`run the bench server with --max-semi-space-size=${SERVER_SEMI_SPACE_MB} (server-heap.ts)`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'parlance-fanout-'));
  const config = ConfigSchema.parse({
    dataDir,
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
    { kind: 'headless', log: () => undefined, http: false, sip: true },
    { expose: (i) => void (sip = i.sip), hasher: createScryptPasswordHasher({ cost: 1024 }) },
  );
  const running = sip as RunningSipFrontend | null;
  if (!running) throw new Error('no SIP front end');
  const ctx = { transport: 'ipc' as const, trusted: true };
  const ok = async (method: string, input: unknown) => {
    const r = await handle.dispatch(method as never, input as never, ctx);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };
  await ok('policies.update', { id: 'global', enablePersistentChat: true });
  await ok('compliance.updateConfig', {
    enabled: true,
    adapter: 'xml',
    outputDir: join(dataDir, 'compliance-out'),
    runIntervalMinutes: 1,
  });

  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let profiler: Session | null = null;
  process.on('message', (m: { cmd?: string; users?: number; rooms?: number; file?: string }) => {
    void (async () => {
      try {
        if (m.cmd === 'setup') {
          for (let i = 0; i < m.users!; i += 100) {
            const batch = [];
            for (let j = i; j < Math.min(m.users!, i + 100); j++) {
              batch.push(
                ok('users.create', { sipUri: `sip:u${j}@example.com`, displayName: `U${j}`, password: 'password-1' }),
              );
            }
            await Promise.all(batch);
          }
          const cat = await ok('categories.create', { name: 'Bench', chatHistory: true });
          const rooms: string[] = [];
          for (let i = 0; i < m.rooms!; i += 50) {
            const batch = [];
            for (let j = i; j < Math.min(m.rooms!, i + 50); j++) {
              batch.push(ok('rooms.create', { name: `Room ${j}`, categoryId: cat.id, privacy: 'open' }));
            }
            for (const r of await Promise.all(batch)) rooms.push(r.uri as string);
          }
          send({ rooms });
        } else if (m.cmd === 'stats') {
          const s = running.status();
          const compliance = await ok('compliance.status', {});
          send({ rss: process.memoryUsage().rss, counters: s.counters, sessions: s.sessions, compliance });
        } else if (m.cmd === 'cpu') {
          // Event-loop delay since the last call: stalls of the server's one thread show here.
          send({ cpu: process.cpuUsage(), loopP99Ms: loop.percentile(99) / 1e6, loopMaxMs: loop.max / 1e6 });
          loop.reset();
        } else if (m.cmd === 'profile-start') {
          profiler = new Session();
          profiler.connect();
          await profiler.post('Profiler.enable');
          await profiler.post('Profiler.start');
          send({ profiling: true });
        } else if (m.cmd === 'profile-stop' && profiler) {
          const { profile } = await profiler.post('Profiler.stop');
          writeFileSync(m.file!, JSON.stringify(profile));
          profiler.disconnect();
          profiler = null;
          send({ profile: m.file });
        } else if (m.cmd === 'stop') {
          await handle.stop();
          rmSync(dataDir, { recursive: true, force: true });
          process.exit(0);
        }
      } catch (e) {
        send({ error: String((e as Error)?.stack ?? e) });
      }
    })();
  });
  send({ ready: true, port: running.status().ports.tcp });
}

main().catch((e: unknown) => {
  send({ error: String((e as Error)?.stack ?? e) });
  process.exit(1);
});
