// The machine's own floor for one room delivery, measured by `npm run bench:fanout` before its
// shapes: plain Node, no SIP — 1,000 loopback TCP connections, a server process writing one
// 1,100-byte message to each (50 rounds a second) and a client process answering each with
// 300 bytes. Reports each side's CPU µs per delivery. This host's speed varies over time (a
// shared VM): the floor lets runs at different times be compared as ratios.
// Usage: node machine-floor.mjs → prints one JSON line { serverUs, clientUs }.
import { fork } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const CONNECTIONS = 1000;
const ROUNDS = 100;
const PER_SECOND = 50;
const role = process.argv[2];

if (role === 'server') {
  const sockets = [];
  const message = Buffer.alloc(1100, 0x78);
  const server = net.createServer((s) => {
    s.setNoDelay(true);
    sockets.push(s);
    s.on('data', () => undefined);
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('message', (m) => {
    if (m !== 'go') return;
    const c0 = process.cpuUsage();
    let rounds = 0;
    const timer = setInterval(() => {
      for (const s of sockets) s.write(message);
      if (++rounds === ROUNDS) {
        clearInterval(timer);
        setTimeout(() => {
          const c = process.cpuUsage(c0);
          process.send({ us: (c.user + c.system) / (ROUNDS * sockets.length) });
        }, 300);
      }
    }, 1000 / PER_SECOND);
  });
} else if (role === 'client') {
  const answer = Buffer.alloc(300, 0x79);
  let c0;
  let received = 0;
  let open = 0;
  for (let i = 0; i < CONNECTIONS; i++) {
    const s = net.connect(Number(process.argv[3]), '127.0.0.1', () => {
      if (++open === CONNECTIONS) process.send({ open });
    });
    s.setNoDelay(true);
    let pending = 0;
    s.on('data', (d) => {
      c0 ??= process.cpuUsage();
      pending += d.length;
      while (pending >= 1100) {
        pending -= 1100;
        received++;
        s.write(answer);
      }
    });
  }
  process.on('message', () => {
    const c = process.cpuUsage(c0);
    process.send({ us: (c.user + c.system) / received });
  });
} else {
  const self = fileURLToPath(import.meta.url);
  const next = (child) => new Promise((r) => child.once('message', r));
  const server = fork(self, ['server']);
  const { port } = await next(server);
  const client = fork(self, ['client', String(port)]);
  await next(client);
  server.send('go');
  const { us: serverUs } = await next(server);
  client.send('report');
  const { us: clientUs } = await next(client);
  server.kill();
  client.kill();
  console.log(JSON.stringify({ serverUs: +serverUs.toFixed(1), clientUs: +clientUs.toFixed(1) }));
}
