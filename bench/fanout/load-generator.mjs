// The load generator of `npm run bench:fanout` (a separate process from the server). Plain Node.
// argv: port, shape JSON ({ name, clients, groups: [{ rooms: [uri…], perClient, weight }] }),
// steps (target deliveries/s, comma-separated), step seconds.
// 1. Signs in `clients` SIP clients over TCP, one connection each (REGISTER → 407 → Digest
//    REGISTER → 200; INVITE chat server → 200 → ACK), and joins each to its rooms with one
//    cmd:bjoin; every server INFO is answered 200 at once.
// 2. For each step posts grpchat INFOs at the step's rate (rooms picked by group weight, authors
//    among the room's members), each carrying the step and its send time (performance.now()), and
//    records every delivery's latency. A step ends when every expected delivery of its posts has
//    arrived or `drain` seconds after its last post.
// Reports each step to the parent over IPC ({ step }), then { done }.
import { createHash, randomBytes } from 'node:crypto';
import { connect } from 'node:net';

const [portArg, shapeArg, stepsArg, secondsArg] = process.argv.slice(2);
const PORT = Number(portArg);
const SHAPE = JSON.parse(shapeArg);
const STEPS = stepsArg.split(',').map(Number);
const STEP_SECONDS = Number(secondsArg ?? 4);
const DRAIN_MS = 3000;
const DOMAIN = 'example.com';
const CHAT = `sip:parlance-chat@${DOMAIN}`;
const CONCURRENCY = 100;

const md5 = (s) => createHash('md5').update(s).digest('hex');
const report = (msg) =>
  new Promise((resolve) => {
    process.once('message', resolve);
    process.send(msg);
  });

// ---- measurement state (shared by all clients) ----

const stepsById = new Map();

function onDelivery(body, now) {
  const i = body.indexOf('<chat>fb ');
  if (i < 0) return;
  const end = body.indexOf('</chat>', i);
  const [stepId, sentAt] = body.slice(i + 9, end).split(' ');
  const s = stepsById.get(stepId);
  if (!s) return;
  s.latencies.push(now - Number(sentAt));
  s.delivered += 1;
  s.lastAt = now;
}

class Client {
  constructor(index) {
    this.index = index;
    this.user = `u${index}`;
    this.uri = `sip:${this.user}@${DOMAIN}`;
    this.tag = randomBytes(4).toString('hex');
    this.callId = `fan-${index}-${randomBytes(4).toString('hex')}`;
    this.cseq = 0;
    this.envid = index * 1_000_000;
    this.pending = new Map(); // "cseq METHOD" → resolve
    this.replies = new Map(); // envid → resolve
    this.buf = Buffer.alloc(0);
    this.rooms = [];
  }
  open() {
    return new Promise((resolve, reject) => {
      this.socket = connect({ port: PORT, host: '127.0.0.1' }, resolve);
      this.socket.setNoDelay(true);
      this.socket.on('error', reject);
      this.socket.on('data', (chunk) => this.onData(chunk));
    });
  }
  onData(chunk) {
    let buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    const now = performance.now();
    for (;;) {
      while (buf.length >= 2 && buf[0] === 13 && buf[1] === 10) buf = buf.subarray(2);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) break;
      const head = buf.toString('latin1', 0, end);
      const cl = head.indexOf('\r\nContent-Length: ');
      const len = cl < 0 ? 0 : parseInt(head.slice(cl + 18), 10);
      if (buf.length < end + 4 + len) break;
      const body = len === 0 ? '' : buf.toString('utf8', end + 4, end + 4 + len);
      buf = buf.subarray(end + 4 + len);
      this.onMessage(head, body, now);
    }
    this.buf = buf.length === 0 ? Buffer.alloc(0) : Buffer.from(buf);
  }
  onMessage(head, body, now) {
    const lines = head.split('\r\n');
    if (lines[0].startsWith('SIP/2.0 ')) {
      const cseq = lines.find((l) => l.startsWith('CSeq: '))?.slice(6);
      const r = this.pending.get(cseq);
      if (r) {
        this.pending.delete(cseq);
        r({ status: Number(lines[0].slice(8, 11)), lines });
      }
      return;
    }
    // A request from the server: answer 200 at once (INFO, BYE, anything).
    const copy = lines.filter(
      (l) =>
        l.startsWith('Via: ') ||
        l.startsWith('From: ') ||
        l.startsWith('To: ') ||
        l.startsWith('Call-ID: ') ||
        l.startsWith('CSeq: '),
    );
    this.socket.write(`SIP/2.0 200 OK\r\n${copy.join('\r\n')}\r\nContent-Length: 0\r\n\r\n`);
    if (body.length === 0) return;
    if (body.includes('<grpchat')) onDelivery(body, now);
    else if (body.includes('<rpl ')) {
      const m = /<commandid seqid="\d+" envid="(\d+)"/.exec(body);
      const r = m && this.replies.get(m[1]);
      if (r) {
        this.replies.delete(m[1]);
        r(body);
      }
    }
  }
  request(lines, body = '') {
    const cseq = lines.find((l) => l.startsWith('CSeq: ')).slice(6);
    const done = new Promise((resolve) => this.pending.set(cseq, resolve));
    this.socket.write(`${lines.join('\r\n')}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    return done;
  }
  register(n, auth) {
    const lp = this.socket.localPort;
    return this.request([
      `REGISTER sip:${DOMAIN} SIP/2.0`,
      `Via: SIP/2.0/TCP 127.0.0.1:${lp};branch=z9hG4bKf${this.index}r${n}`,
      `From: <${this.uri}>;tag=${this.tag};epid=${this.index}`,
      `To: <${this.uri}>`,
      `Call-ID: reg-${this.callId}`,
      `CSeq: ${n} REGISTER`,
      `Contact: <sip:127.0.0.1:${lp};transport=tcp>;proxy=replace`,
      'Max-Forwards: 70',
      ...(auth ? [`Proxy-Authorization: ${auth}`] : []),
    ]);
  }
  async signIn() {
    const challenge = await this.register(1);
    const h = challenge.lines.find((l) => l.startsWith('Proxy-Authenticate: '));
    const p = (k) => new RegExp(`${k}="([^"]*)"`).exec(h)?.[1] ?? '';
    const cnonce = randomBytes(6).toString('hex');
    const ha1 = md5(`${this.user}:${p('realm')}:password-1`);
    const response = md5(`${ha1}:${p('nonce')}:00000001:${cnonce}:auth:${md5('REGISTER:(null)')}`);
    const auth = `Digest username="${this.user}", realm="${p('realm')}", nonce="${p('nonce')}", uri="(null)", qop=auth, nc=00000001, cnonce="${cnonce}", response="${response}", opaque="${p('opaque')}"`;
    const ok = await this.register(2, auth);
    if (ok.status !== 200) throw new Error(`${this.user} REGISTER ${ok.status}`);
    const lp = this.socket.localPort;
    const invite = await this.request(
      [
        `INVITE ${CHAT} SIP/2.0`,
        `Via: SIP/2.0/TCP 127.0.0.1:${lp};branch=z9hG4bKf${this.index}i`,
        `From: <${this.uri}>;tag=${this.tag};epid=${this.index}`,
        `To: <${CHAT}>`,
        `Call-ID: ${this.callId}`,
        `CSeq: ${++this.cseq} INVITE`,
        `Contact: <${this.uri}:${lp};maddr=127.0.0.1;transport=tcp>;proxy=replace`,
        'Content-Type: application/sdp',
      ],
      'v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=session\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=message 5060 sip null\r\n',
    );
    if (invite.status !== 200) throw new Error(`${this.user} INVITE ${invite.status}`);
    this.to = invite.lines.find((l) => l.startsWith('To: ')).slice(4);
    this.socket.write(`${this.dialogLines('ACK', this.cseq).join('\r\n')}\r\nContent-Length: 0\r\n\r\n`);
  }
  dialogLines(method, cseq) {
    return [
      `${method} ${CHAT} SIP/2.0`,
      `Via: SIP/2.0/TCP 127.0.0.1:${this.socket.localPort};branch=z9hG4bKf${this.index}c${cseq}`,
      `From: <${this.uri}>;tag=${this.tag};epid=${this.index}`,
      `To: ${this.to}`,
      `Call-ID: ${this.callId}`,
      `CSeq: ${cseq} ${method}`,
      'Content-Type: text/plain',
    ];
  }
  info(body) {
    return this.request(this.dialogLines('INFO', ++this.cseq), body);
  }
  async join(roomUris) {
    const id = String(++this.envid);
    const chanids = roomUris
      .map((u, k) => `<chanid key="${k}" domain="${DOMAIN}" value="${u.slice(u.lastIndexOf('/') + 1)}"/>`)
      .join('');
    const reply = new Promise((resolve) => this.replies.set(id, resolve));
    const r = await this.info(
      `<xccos ver="1" envid="${id}" xmlns="urn:parlano:xml:ns:xccos"><cmd id="cmd:bjoin" seqid="1"><data>${chanids}</data></cmd></xccos>`,
    );
    if (r.status !== 200) throw new Error(`${this.user} bjoin SIP ${r.status}`);
    const body = await reply;
    if (!body.includes('<resp code="200"') || body.includes('<fib '))
      throw new Error(`${this.user} bjoin: ${body.slice(0, 300)}`);
  }
  post(roomUri, text) {
    return this.info(
      `<xccos ver="1" envid="${++this.envid}" xmlns="urn:parlano:xml:ns:xccos"><grpchat id="grpchat" seqid="1" chanUri="${roomUri}" author="${this.uri}" ts="${new Date().toISOString()}"><chat>${text}</chat></grpchat></xccos>`,
    );
  }
}

const cpuTotal = (u) => u.user + u.system;

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const clients = Array.from({ length: SHAPE.clients }, (_, i) => new Client(i));
  // Memberships: in each group, client i joins perClient rooms, round-robin.
  const rooms = []; // { uri, members: Client[], weight }
  for (const g of SHAPE.groups) {
    const base = rooms.length;
    for (const uri of g.rooms) rooms.push({ uri, members: [], weight: 0 });
    for (const c of clients) {
      for (let j = 0; j < g.perClient; j++) {
        const room = rooms[base + ((c.index * g.perClient + j) % g.rooms.length)];
        if (!room.members.includes(c)) {
          room.members.push(c);
          c.rooms.push(room.uri);
        }
      }
    }
    for (let k = base; k < rooms.length; k++) rooms[k].weight = g.weight / g.rooms.length;
  }
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < clients.length) {
        const c = clients[next++];
        await c.open();
        await c.signIn();
        await c.join(c.rooms);
      }
    }),
  );
  const setupSeconds = (performance.now() - t0) / 1000;
  // Weighted room choice; expected deliveries per post = room size (the author included).
  const totalWeight = rooms.reduce((a, r) => a + r.weight, 0);
  const cumulative = [];
  let acc = 0;
  for (const r of rooms) cumulative.push((acc += r.weight / totalWeight));
  const pick = () => {
    const x = Math.random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return rooms[lo];
  };
  const deliveriesPerPost = rooms.reduce((a, r) => a + (r.weight / totalWeight) * r.members.length, 0);
  await report({ ready: true, setupSeconds, deliveriesPerPost, joined: clients.length, rooms: rooms.length });

  for (let k = 0; k < STEPS.length; k++) {
    const target = STEPS[k];
    const postsPerSec = target / deliveriesPerPost;
    const id = `s${k}`;
    const s = { id, latencies: [], delivered: 0, expected: 0, lastAt: 0, posts: 0, refused: 0, acked: 0 };
    stepsById.set(id, s);
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const stopAt = start + STEP_SECONDS * 1000;
    await new Promise((resolve) => {
      const tick = setInterval(() => {
        const now = performance.now();
        const due = Math.floor((postsPerSec * (Math.min(now, stopAt) - start)) / 1000);
        while (s.posts < due) {
          const room = pick();
          const author = room.members[Math.floor(Math.random() * room.members.length)];
          s.posts += 1;
          s.expected += room.members.length;
          author.post(room.uri, `fb ${id} ${performance.now().toFixed(3)}`).then((r) => {
            if (r.status === 200) s.acked += 1;
            else {
              s.refused += 1;
              s.expected -= room.members.length;
            }
          });
        }
        if (now >= stopAt) {
          clearInterval(tick);
          resolve();
        }
      }, 2);
    });
    const lastPost = performance.now();
    while (performance.now() - lastPost < DRAIN_MS && (s.delivered < s.expected || s.acked + s.refused < s.posts)) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const elapsed = (Math.max(s.lastAt, lastPost) - start) / 1000;
    const sorted = Float64Array.from(s.latencies).sort();
    const row = {
      targetDeliveriesPerSec: target,
      postsPerSec: +(s.posts / STEP_SECONDS).toFixed(1),
      deliveriesPerSec: Math.round(s.delivered / elapsed),
      p50Ms: +percentile(sorted, 50).toFixed(2),
      p99Ms: +percentile(sorted, 99).toFixed(2),
      maxMs: +(sorted[sorted.length - 1] ?? 0).toFixed(2),
      delivered: s.delivered,
      expected: s.expected,
      refused: s.refused,
      loadgenUsPerDelivery: s.delivered > 0 ? +(cpuTotal(process.cpuUsage(cpu0)) / s.delivered).toFixed(1) : null,
    };
    stepsById.delete(id);
    const answer = await report({ step: row });
    if (answer?.stop) break;
  }
  await report({ done: true });
  for (const c of clients) c.socket.destroy();
  process.exit(0);
}

main().catch((e) => {
  process.send({ error: String(e?.stack ?? e) });
  process.exit(1);
});
