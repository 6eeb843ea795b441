// `npm run bench:sip [-- --steps 1000,5000,10000,20000] [--info-sessions 100] [--info-seconds 5] [--no-doc]`
// Raises the file-descriptor limit (re-running itself under `ulimit -n`), bundles the bench
// server with vite, forks it and a separate load-generator process, steps the number of registered
// TCP sessions up, and measures server RSS per session, REGISTER/s and INFO round trips/s. Prints a
// table and, as the last line, one JSON object; appends the figures to docs/benchmarks.md.
import { fork, spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from '../bundle-entry.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
let steps = opt('steps', '1000,5000,10000,20000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const infoSessions = Number(opt('info-sessions', '100'));
const infoSeconds = Number(opt('info-seconds', '5'));
const FD_WANTED = Math.max(...steps) * 2 + 1024;

// 1. Each process needs one descriptor per session: raise the limit, then run again.
if (process.env.PARLANCE_BENCH_FD_RAISED !== '1') {
  const script = `ulimit -n ${FD_WANTED} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"`;
  const r = spawnSync('bash', ['-c', script, process.execPath, fileURLToPath(import.meta.url), ...args], {
    stdio: 'inherit',
    env: { ...process.env, PARLANCE_BENCH_FD_RAISED: '1' },
  });
  process.exit(r.status ?? 1);
}
const fdLimit = Number(spawnSync('bash', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim());
// Each process needs a few descriptors besides the sessions (the listener, IPC, sql.js, stdio).
const fdCap = Math.floor((fdLimit - 300) / 100) * 100;
let fdNote = '';
if (Math.max(...steps) > fdCap) {
  fdNote = `the file-descriptor limit is ${fdLimit} here (hard limit; cannot be raised), so the top step is ${fdCap}`;
  console.log(`note: ${fdNote}`);
  steps = [...new Set(steps.map((n) => Math.min(n, fdCap)))];
}

// 2. Bundle the server side (TypeScript, sql.js) like bench:store does.
const bundle = await bundleEntry(join(here, 'sip-bench-server.ts'));
let server;
let loadgen;
try {
  // 3. The server in its own process.
  server = fork(bundle.file, [], {
    cwd: root,
    execArgv: ['--expose-gc', ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [])],
  });
  const nextFrom = (child) => new Promise((r) => child.once('message', r));
  const ready = await nextFrom(server);
  if (ready.error) throw new Error(ready.error);
  const serverStats = async () => {
    server.send({ cmd: 'rss' });
    return nextFrom(server);
  };
  const baseline = await serverStats();

  // 4. The load generator in another.
  loadgen = fork(
    join(here, 'load-generator.mjs'),
    [String(ready.port), steps.join(','), String(infoSessions), String(infoSeconds)],
    {
      cwd: root,
    },
  );
  const rows = [];
  let registerSeconds = 0;
  let registered = 0;
  let final;
  for (;;) {
    const m = await nextFrom(loadgen);
    if (m.error) throw new Error(`load generator: ${m.error}`);
    if (m.step !== undefined) {
      const s = await serverStats();
      registerSeconds += m.seconds;
      registered += m.registered;
      const row = {
        sessions: s.registrations,
        connections: s.connections,
        rssMB: +(s.rss / 1048576).toFixed(1),
        rssPerSessionKB: +((s.rss - baseline.rss) / 1024 / Math.max(1, s.connections)).toFixed(1),
        registersPerSec: Math.round(m.registered / m.seconds),
      };
      rows.push(row);
      console.log(`step ${m.step}: ${JSON.stringify(row)}`);
      loadgen.send({ ok: true });
    } else if (m.done) {
      final = m;
      loadgen.send({ ok: true });
      break;
    }
  }
  const last = rows[rows.length - 1];
  const after = await serverStats();
  const result = {
    sessions: last.sessions,
    rssPerSessionKB: last.rssPerSessionKB,
    registersPerSec: Math.round(registered / registerSeconds),
    infoRoundTripsPerSec: Math.round(final.infoRoundTrips / final.infoSeconds),
    infoSessions: final.infoSessions,
    baselineRssMB: +(baseline.rss / 1048576).toFixed(1),
    rssMB: last.rssMB,
    overload503: after.counters.overload503 ?? 0,
    steps: rows.map((r) => r.sessions),
  };
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}, ${process.platform}`;
  if (!args.includes('--no-doc')) {
    const table = [
      `## sip — ${new Date().toISOString()}`,
      '',
      `Machine: ${machine}. Server and load generator in separate processes on loopback; every session is`,
      'one TCP connection registered with Digest (407 + REGISTER) as the same user, held with CRLFCRLF',
      `keep-alives; RSS measured after a full GC, per session above the idle baseline (${result.baselineRssMB} MB).`,
      `INFO round trip = client INFO cmd → SIP 200 + server INFO rpl → client 200, on ${result.infoSessions} chat dialogs.`,
      ...(fdNote ? [`Note: ${fdNote}.`] : []),
      '',
      '| sessions | server RSS MB | RSS per session KiB | REGISTER/s (step) |',
      '|---|---|---|---|',
      ...rows.map((r) => `| ${r.sessions} | ${r.rssMB} | ${r.rssPerSessionKB} | ${r.registersPerSec} |`),
      '',
      '| figure | value |',
      '|---|---|',
      ...['sessions', 'rssPerSessionKB', 'registersPerSec', 'infoRoundTripsPerSec', 'overload503'].map(
        (k) => `| ${k} | ${result[k]} |`,
      ),
      '',
      '',
    ].join('\n');
    appendFileSync(join(root, 'docs', 'benchmarks.md'), `\n${table}`);
  }
  console.log(machine);
  console.log(JSON.stringify(result));
} finally {
  loadgen?.kill();
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.send({ cmd: 'stop' });
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    server.kill();
  }
  bundle.dispose();
}
