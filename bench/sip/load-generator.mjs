// The load generator of `npm run bench:sip` (a separate process from the server): opens
// registered SIP-over-TCP sessions in steps (each: REGISTER → 407 → Digest REGISTER → 200), holds
// them with CRLFCRLF keep-alives, reports each step to the parent over IPC, then measures
// in-dialog INFO round trips (client INFO cmd → SIP 200 + server INFO rpl → client 200) on chat
// dialogs. Plain Node, no dependencies.
import { createHash, randomBytes } from 'node:crypto';
import { connect } from 'node:net';

const [port, stepsArg, infoSessionsArg, infoSecondsArg] = process.argv.slice(2);
const PORT = Number(port);
const STEPS = stepsArg.split(',').map(Number);
const INFO_SESSIONS = Number(infoSessionsArg ?? 100);
const INFO_SECONDS = Number(infoSecondsArg ?? 5);
const USER = 'bench';
const PASSWORD = 'bench-password';
const DOMAIN = 'example.com';
const CONCURRENCY = 400;

const md5 = (s) => createHash('md5').update(s).digest('hex');
const ask = (msg) =>
  new Promise((resolve) => {
    process.once('message', resolve);
    process.send(msg);
  });

/** Minimal SIP framing: headers up to CRLFCRLF, then Content-Length bytes. */
function framer(onMessage) {
  let buf = Buffer.alloc(0);
  return (chunk) => {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    for (;;) {
      while (buf.length >= 2 && buf[0] === 13 && buf[1] === 10) buf = buf.subarray(2);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buf.subarray(0, end).toString('latin1');
      const m = /\r\nContent-Length:\s*(\d+)/i.exec(head);
      const len = m ? Number(m[1]) : 0;
      if (buf.length < end + 4 + len) return;
      const body = buf.subarray(end + 4, end + 4 + len).toString('utf8');
      buf = buf.subarray(end + 4 + len);
      onMessage(head, body);
    }
  };
}

const header = (head, name) => new RegExp(`\\r\\n${name}:\\s*([^\\r\\n]*)`, 'i').exec(head)?.[1];

class Session {
  constructor(id) {
    this.id = id;
    this.callId = `bench-${id}-${randomBytes(4).toString('hex')}`;
    this.tag = randomBytes(4).toString('hex');
    this.waiters = [];
  }
  open() {
    return new Promise((resolve, reject) => {
      this.socket = connect({ port: PORT, host: '127.0.0.1' }, resolve);
      this.socket.setNoDelay(true);
      this.socket.on('error', reject);
      this.socket.on(
        'data',
        framer((head, body) => this.onMessage(head, body)),
      );
    });
  }
  onMessage(head, body) {
    const first = head.slice(0, head.indexOf('\r\n'));
    const w = this.waiters.findIndex((x) => x.match(first, head));
    if (w >= 0) this.waiters.splice(w, 1)[0].resolve({ first, head, body });
  }
  wait(match) {
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }
  send(lines, body = '') {
    this.socket.write(`${lines.join('\r\n')}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }
  register(cseq, auth) {
    const lp = this.socket.localPort;
    this.send([
      `REGISTER sip:${DOMAIN} SIP/2.0`,
      `Via: SIP/2.0/TCP 127.0.0.1:${lp};branch=z9hG4bK${this.id}r${cseq}`,
      `From: <sip:${USER}@${DOMAIN}>;tag=${this.tag};epid=${this.id}`,
      `To: <sip:${USER}@${DOMAIN}>`,
      `Call-ID: ${this.callId}`,
      `CSeq: ${cseq} REGISTER`,
      `Contact: <sip:127.0.0.1:${lp};transport=tcp>;proxy=replace`,
      'Max-Forwards: 70',
      ...(auth ? [`Proxy-Authorization: ${auth}`] : []),
    ]);
    return this.wait((first, head) => first.startsWith('SIP/2.0') && header(head, 'CSeq') === `${cseq} REGISTER`);
  }
  async signIn() {
    const challenge = await this.register(1);
    const h = header(challenge.head, 'Proxy-Authenticate');
    const p = (k) => new RegExp(`${k}="([^"]*)"`).exec(h)?.[1] ?? '';
    const cnonce = randomBytes(6).toString('hex');
    const ha1 = md5(`${USER}:${p('realm')}:${PASSWORD}`);
    const response = md5(`${ha1}:${p('nonce')}:00000001:${cnonce}:auth:${md5('REGISTER:(null)')}`);
    const auth = `Digest username="${USER}", realm="${p('realm')}", nonce="${p('nonce')}", uri="(null)", qop=auth, nc=00000001, cnonce="${cnonce}", response="${response}", opaque="${p('opaque')}"`;
    const ok = await this.register(2, auth);
    if (!ok.first.startsWith('SIP/2.0 200')) throw new Error(`REGISTER: ${ok.first}`);
  }
  async openChat() {
    const lp = this.socket.localPort;
    this.chatCallId = `chat-${this.callId}`;
    this.cseq = 1;
    const target = `sip:parlance-chat@${DOMAIN}`;
    this.send(
      [
        `INVITE ${target} SIP/2.0`,
        `Via: SIP/2.0/TCP 127.0.0.1:${lp}`,
        `From: <sip:${USER}@${DOMAIN}>;tag=${this.tag};epid=${this.id}`,
        `To: <${target}>`,
        `Call-ID: ${this.chatCallId}`,
        'CSeq: 1 INVITE',
        `Contact: <sip:${USER}@${DOMAIN}:${lp};maddr=127.0.0.1;transport=tcp>`,
        'Content-Type: application/sdp',
      ],
      'v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=session\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=message 5060 sip null\r\n',
    );
    const ok = await this.wait((first, head) => first.startsWith('SIP/2.0') && header(head, 'CSeq') === '1 INVITE');
    if (!ok.first.startsWith('SIP/2.0 200')) throw new Error(`INVITE: ${ok.first}`);
    this.chatTo = header(ok.head, 'To');
    this.target = target;
    this.inDialog('ACK', 1);
  }
  inDialog(method, cseq, body = '') {
    this.send(
      [
        `${method} ${this.target} SIP/2.0`,
        `Via: SIP/2.0/TCP 127.0.0.1:${this.socket.localPort}`,
        `From: <sip:${USER}@${DOMAIN}>;tag=${this.tag};epid=${this.id}`,
        `To: ${this.chatTo}`,
        `Call-ID: ${this.chatCallId}`,
        `CSeq: ${cseq} ${method}`,
        ...(body ? ['Content-Type: text/plain'] : []),
      ],
      body,
    );
  }
  /** One round trip: our INFO cmd → its 200, and the server's INFO rpl → our 200. */
  async infoRoundTrip(envid) {
    const cseq = ++this.cseq;
    const ok = this.wait((first, head) => first.startsWith('SIP/2.0') && header(head, 'CSeq') === `${cseq} INFO`);
    const rpl = this.wait((first) => first.startsWith('INFO '));
    this.inDialog(
      'INFO',
      cseq,
      `<xccos ver="1" envid="${envid}" xmlns="urn:parlano:xml:ns:xccos"><cmd id="cmd:getinv" seqid="1"><data><inv inviteId="1" domain="${DOMAIN}"/></data></cmd></xccos>`,
    );
    const [r, info] = await Promise.all([ok, rpl]);
    if (!r.first.startsWith('SIP/2.0 200')) throw new Error(`INFO: ${r.first}`);
    const copy = ['Via', 'From', 'To', 'Call-ID', 'CSeq'].map((n) => `${n}: ${header(info.head, n)}`);
    this.send(['SIP/2.0 200 OK', ...copy]);
  }
  keepAlive() {
    if (!this.socket.destroyed) this.socket.write('\r\n\r\n');
  }
}

async function main() {
  const sessions = [];
  // Keep-alives: every session once per 30 s, spread over the interval.
  let ka = 0;
  const keepAlives = setInterval(() => {
    const n = Math.ceil(sessions.length / 30);
    for (let i = 0; i < n && sessions.length > 0; i++) sessions[ka++ % sessions.length].keepAlive();
  }, 1000);
  for (const target of STEPS) {
    const start = performance.now();
    const startCount = sessions.length;
    let next = sessions.length;
    const worker = async () => {
      while (next < target) {
        const s = new Session(next++);
        await s.open();
        await s.signIn();
        sessions.push(s);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - start) / 1000;
    await ask({ step: target, registered: sessions.length - startCount, seconds });
  }
  // INFO round trips on chat dialogs.
  const chat = sessions.slice(0, Math.min(INFO_SESSIONS, sessions.length));
  await Promise.all(chat.map((s) => s.openChat()));
  let trips = 0;
  let envid = 1;
  const until = performance.now() + INFO_SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    chat.map(async (s) => {
      while (performance.now() < until) {
        await s.infoRoundTrip(envid++);
        trips++;
      }
    }),
  );
  const infoSeconds = (performance.now() - t0) / 1000;
  clearInterval(keepAlives);
  await ask({ done: true, infoRoundTrips: trips, infoSeconds, infoSessions: chat.length });
  for (const s of sessions) s.socket.destroy();
  process.exit(0);
}

main().catch((e) => {
  process.send({ error: String(e?.stack ?? e) });
  process.exit(1);
});
