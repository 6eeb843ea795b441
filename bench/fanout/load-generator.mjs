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

// ---- the receive hot path: one server INFO per room delivery, framed and answered on the bytes ----
// Searches use Buffer#indexOf with a one-byte needle (memchr: a few ns a call) on a view of the
// valid bytes of the read; nothing is decoded but the few values needed.

const GRPCHAT = Buffer.from('<grpchat');
const CHAT_FB = Buffer.from('<chat>fb ');
const STATUS_200 = Buffer.from('SIP/2.0 200 OK\r\n');
const CONTENT_LENGTH_0 = Buffer.from('Content-Length: 0\r\n\r\n');
const SIP_VERSION = Buffer.from('SIP/2.0 ');
// One read buffer for every socket (net `onread`): each read is handled synchronously in its
// callback, and whatever must outlive it (a message split across reads) is copied out.
const READ_BUFFER = Buffer.allocUnsafe(65536);
// The 200s of one read, written with one socket.write: [start, end) byte ranges of the read,
// a start of -1 standing for STATUS_200 and -2 for CONTENT_LENGTH_0.
let replyRanges = new Int32Array(256);
let replyCount = 0;
let replySize = 0;

function addReplyRange(start, end) {
  if (replyCount === replyRanges.length) {
    const grown = new Int32Array(2 * replyRanges.length);
    grown.set(replyRanges);
    replyRanges = grown;
  }
  replyRanges[replyCount++] = start;
  replyRanges[replyCount++] = end;
}

// headerKind: the five headers a 200 copies, Content-Length, anything else.
const OTHER = 0;
const COPY = 1;
const CONTENT_LENGTH = 2;

/** Does buf[at, at + lower.length) spell `lower` (a lower-case header name), ignoring case? */
function namedI(buf, at, lower) {
  for (let j = 0; j < lower.length; j++) if ((buf[at + j] | 0x20) !== lower.charCodeAt(j)) return false;
  return true;
}

/** Does buf hold `bytes` at `at`? */
function bytesAt(buf, at, bytes) {
  for (let j = 0; j < bytes.length; j++) if (buf[at + j] !== bytes[j]) return false;
  return true;
}

// The canonical names the server writes, with their colon: settled by a byte compare.
const VIA = Buffer.from('Via:');
const FROM = Buffer.from('From:');
const TO = Buffer.from('To:');
const CALL_ID = Buffer.from('Call-ID:');
const CSEQ = Buffer.from('CSeq:');
const CONTENT_LENGTH_NAME = Buffer.from('Content-Length:');
const CONTENT_TYPE = Buffer.from('Content-Type:');
const MAX_FORWARDS = Buffer.from('Max-Forwards:');

/**
 * The kind of the header line buf[s, e): Via/From/To/Call-ID/CSeq (COPY), Content-Length, or
 * other. The canonical spellings are recognised by their bytes; anything else goes through
 * anyHeaderKind.
 */
function headerKind(buf, s, e) {
  switch (buf[s]) {
    case 86: // V
      if (bytesAt(buf, s, VIA)) return COPY;
      break;
    case 70: // F
      if (bytesAt(buf, s, FROM)) return COPY;
      break;
    case 84: // T
      if (bytesAt(buf, s, TO)) return COPY;
      break;
    case 67: // C
      if (bytesAt(buf, s, CSEQ) || bytesAt(buf, s, CALL_ID)) return COPY;
      if (bytesAt(buf, s, CONTENT_LENGTH_NAME)) return CONTENT_LENGTH;
      if (bytesAt(buf, s, CONTENT_TYPE)) return OTHER;
      break;
    case 77: // M
      if (bytesAt(buf, s, MAX_FORWARDS)) return OTHER;
      break;
  }
  return anyHeaderKind(buf, s, e);
}

/**
 * headerKind for any spelling: names in any case and the compact forms (v f t i l), whitespace
 * before the colon allowed; a line whose first letter cannot start one of them is settled by it.
 */
function anyHeaderKind(buf, s, e) {
  const c = buf[s] | 0x20;
  if (c !== 118 && c !== 102 && c !== 116 && c !== 105 && c !== 99 && c !== 108) return OTHER; // v f t i c l
  let k = s;
  while (k < e && buf[k] !== 58 && buf[k] !== 32 && buf[k] !== 9) k++;
  const n = k - s;
  while (k < e && (buf[k] === 32 || buf[k] === 9)) k++;
  if (k >= e || buf[k] !== 58) return OTHER;
  switch (n) {
    case 1:
      if (c === 108) return CONTENT_LENGTH; // l
      return c === 99 ? OTHER : COPY; // v f t i (c is Content-Type)
    case 2:
      return namedI(buf, s, 'to') ? COPY : OTHER;
    case 3:
      return namedI(buf, s, 'via') ? COPY : OTHER;
    case 4:
      return namedI(buf, s, 'from') || namedI(buf, s, 'cseq') ? COPY : OTHER;
    case 7:
      return namedI(buf, s, 'call-id') ? COPY : OTHER;
    case 14:
      return namedI(buf, s, 'content-length') ? CONTENT_LENGTH : OTHER;
    default:
      return OTHER;
  }
}

/** The decimal value of the header line buf[s, e) (after its colon); 0 when there is none. */
function headerNumber(buf, s, e) {
  let k = s;
  while (buf[k] !== 58) k++;
  k++;
  while (k < e && (buf[k] === 32 || buf[k] === 9)) k++;
  let v = 0;
  while (k < e && buf[k] >= 48 && buf[k] <= 57) v = v * 10 + (buf[k++] - 48);
  return v;
}

/** The end of the line starting at `from`: the index of its CRLF, or -1 when not in `buf`. */
function lineEnd(buf, from) {
  let lf = buf.indexOf(10, from + 1);
  while (lf > 0 && buf[lf - 1] !== 13) lf = buf.indexOf(10, lf + 1);
  return lf < 0 ? -1 : lf - 1;
}

// Filled by scanHead for one message: where its body starts, its Content-Length, and (appended
// to the reply ranges from `copyFrom` on) the [start, end) byte ranges, CRLF included, of the
// header lines a 200 copies, in order, adjacent lines merged.
let bodyStart = 0;
let contentLength = 0;
let copyFrom = 0;

/** Scans the head starting at buf[pos]; false when it does not end within `buf`. */
function scanHead(buf, pos) {
  contentLength = 0;
  replyCount = copyFrom;
  let seenContentLength = false;
  let prevCopied = false;
  let e = lineEnd(buf, pos); // the start line
  if (e < 0) return false;
  let s = e + 2;
  for (;;) {
    if (s + 1 >= buf.length) return false;
    if (buf[s] === 13 && buf[s + 1] === 10) break; // the blank line
    e = lineEnd(buf, s);
    if (e < 0) return false;
    const b = buf[s];
    if (b === 32 || b === 9) {
      // A folded continuation line belongs to the header above it.
      if (prevCopied) replyRanges[replyCount - 1] = e + 2;
    } else {
      const kind = headerKind(buf, s, e);
      prevCopied = kind === COPY;
      if (prevCopied) {
        if (replyCount > copyFrom && replyRanges[replyCount - 1] === s) replyRanges[replyCount - 1] = e + 2;
        else addReplyRange(s, e + 2);
      } else if (kind === CONTENT_LENGTH && !seenContentLength) {
        seenContentLength = true;
        contentLength = headerNumber(buf, s, e);
      }
    }
    s = e + 2;
  }
  bodyStart = s + 2;
  return true;
}

/** The first index of `needle` in buf[from, to), or -1 (hops by its first byte). */
function indexOfBytes(buf, needle, from, to) {
  const last = to - needle.length;
  let i = buf.indexOf(needle[0], from);
  outer: while (i >= 0 && i <= last) {
    for (let j = 1; j < needle.length; j++) {
      if (buf[i + j] !== needle[j]) {
        i = buf.indexOf(needle[0], i + 1);
        continue outer;
      }
    }
    return i;
  }
  return -1;
}

/** Does buf[from, to) hold exactly the ASCII string `s`? */
function spells(buf, from, to, s) {
  if (to - from !== s.length) return false;
  for (let j = 0; j < s.length; j++) if (buf[from + j] !== s.charCodeAt(j)) return false;
  return true;
}

/**
 * The number in buf[from, to): digits with at most one '.' are read exactly (an integer
 * mantissa divided by a power of ten is the double Number() gives); anything else via Number().
 */
function decimal(buf, from, to) {
  let mantissa = 0;
  let scale = 1;
  let dot = false;
  let digits = 0;
  for (let k = from; k < to; k++) {
    const c = buf[k];
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits += 1;
      if (dot) scale *= 10;
    } else if (c === 46 && !dot) dot = true;
    else return Number(buf.toString('latin1', from, to));
  }
  if ((dot && digits === 0) || mantissa > Number.MAX_SAFE_INTEGER || scale > 1e22)
    return Number(buf.toString('latin1', from, to));
  return mantissa / scale;
}

/** A grpchat delivery in buf[from, to): one latency sample from its `<chat>fb {step} {sentAt}`. */
function onDelivery(buf, from, to, now) {
  const i = indexOfBytes(buf, CHAT_FB, from, to);
  if (i < 0) return;
  let k = i + CHAT_FB.length;
  const idStart = k;
  while (k < to && buf[k] !== 32 && buf[k] !== 60) k++;
  let s;
  for (const [id, step] of stepsById) {
    if (spells(buf, idStart, k, id)) {
      s = step;
      break;
    }
  }
  if (!s) return;
  let sentAt = NaN; // no time after the step id
  if (k < to && buf[k] === 32) {
    const atStart = ++k;
    while (k < to && buf[k] !== 32 && buf[k] !== 60) k++;
    sentAt = decimal(buf, atStart, k);
  }
  s.latencies.push(now - sentAt);
  s.delivered += 1;
  s.lastAt = now;
}

/** The value of the first header named one of `names` (lower case) in `lines`, or undefined. */
function headerValue(lines, ...names) {
  for (let j = 1; j < lines.length; j++) {
    const c = lines[j].indexOf(':');
    if (c > 0 && names.includes(lines[j].slice(0, c).trim().toLowerCase())) return lines[j].slice(c + 1).trim();
  }
  return undefined;
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
    this.rest = null; // the start of a message split across reads
    this.rooms = [];
  }
  open() {
    return new Promise((resolve, reject) => {
      this.socket = connect(
        {
          port: PORT,
          host: '127.0.0.1',
          onread: { buffer: READ_BUFFER, callback: (n, buf) => this.onData(buf, n) },
        },
        resolve,
      );
      this.socket.setNoDelay(true);
      this.socket.on('error', reject);
    });
  }
  onData(readBuffer, n) {
    const now = performance.now();
    let buf = readBuffer.subarray(0, n);
    if (this.rest !== null) {
      buf = Buffer.concat([this.rest, buf]);
      this.rest = null;
    }
    const len = buf.length;
    replyCount = 0;
    replySize = 0;
    let pos = 0;
    for (;;) {
      while (pos + 1 < len && buf[pos] === 13 && buf[pos + 1] === 10) pos += 2;
      if (pos >= len) break;
      const mark = replyCount;
      addReplyRange(-1, 0); // this message's 200 starts with the status line
      copyFrom = replyCount;
      if (!scanHead(buf, pos) || bodyStart + contentLength > len) {
        replyCount = mark; // incomplete: kept for the next read
        break;
      }
      const bodyEnd = bodyStart + contentLength;
      if (bytesAt(buf, pos, SIP_VERSION)) {
        replyCount = mark; // a response: nothing to answer
        this.onResponse(buf.toString('latin1', pos, bodyStart - 4));
      } else {
        // A request from the server: answer 200 at once (INFO, BYE, anything).
        for (let j = copyFrom; j < replyCount; j += 2) replySize += replyRanges[j + 1] - replyRanges[j];
        addReplyRange(-2, 0);
        replySize += STATUS_200.length + CONTENT_LENGTH_0.length;
        if (bodyEnd > bodyStart) this.onRequestBody(buf, bodyStart, bodyEnd, now);
      }
      pos = bodyEnd;
    }
    if (pos < len) this.rest = Buffer.from(buf.subarray(pos));
    if (replySize > 0) {
      const reply = Buffer.allocUnsafe(replySize);
      let at = 0;
      for (let j = 0; j < replyCount; j += 2) {
        const start = replyRanges[j];
        if (start === -1) at += STATUS_200.copy(reply, at);
        else if (start === -2) at += CONTENT_LENGTH_0.copy(reply, at);
        else at += buf.copy(reply, at, start, replyRanges[j + 1]);
      }
      this.socket.write(reply);
    }
  }
  onResponse(head) {
    const lines = head.split('\r\n');
    const cseq = headerValue(lines, 'cseq')?.replace(/\s+/g, ' ');
    const r = this.pending.get(cseq);
    if (r) {
      this.pending.delete(cseq);
      r({ status: Number(lines[0].slice(8, 11)), lines });
    }
  }
  onRequestBody(buf, from, to, now) {
    const g = indexOfBytes(buf, GRPCHAT, from, to);
    if (g >= 0) return onDelivery(buf, g + GRPCHAT.length, to, now);
    const body = buf.toString('utf8', from, to);
    if (body.includes('<rpl ')) {
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
    const h = headerValue(challenge.lines, 'proxy-authenticate');
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
    this.to = headerValue(invite.lines, 'to', 't');
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
