import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Logger } from '../../../log/logger.js';
import { parseMessage } from '../codec/parse-message.js';
import { serializeMessage } from '../codec/serialize-message.js';
import { headerValue, type SipMessage, type SipRequest } from '../codec/sip-message.js';
import { createResponse } from '../codec/create-response.js';
import { createStreamFramer } from '../framing/stream-framer.js';
import { createInDialogRequest, createUasDialog } from '../dialogs/dialog.js';
import type { ServerTransaction } from '../transactions/server-transaction.js';
import { ensureSelfSignedCertificate } from './self-signed-certificate.js';
import { createSipEndpoint, type SipEndpoint, type SipEndpointOptions } from './sip-endpoint.js';
import type { SipConnection } from './sip-connection.js';
import { formatWireRecord, type WireRecord } from './wire-trace.js';

function quietLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  const l: Logger & { errors: string[] } = {
    errors,
    trace() {},
    debug() {},
    info() {},
    warn() {},
    error: (msg) => void errors.push(msg),
    fatal() {},
    isLevelEnabled: () => false,
    child: () => l,
  };
  return l;
}

const register = (cseq = 1, extra = '') =>
  Buffer.from(
    [
      'REGISTER sip:example.com SIP/2.0',
      `Via: SIP/2.0/tcp 127.0.0.1:41234;branch=z9hG4bKr${cseq}`,
      'From: <sip:alice@example.com>;tag=a1;epid=e1',
      'To: <sip:alice@example.com>',
      'Call-ID: reg-call',
      `CSeq: ${cseq} REGISTER`,
      'Max-Forwards: 70',
      extra,
      'Content-Length: 0',
      '',
      '',
    ]
      .filter((l, i, a) => l !== '' || i >= a.length - 2)
      .join('\r\n'),
  );

/** A raw SIP client on a socket: frames what it receives and hands out parsed messages. */
function rawClient(socket: Socket) {
  const framer = createStreamFramer({ maxMessageBytes: 1 << 20 });
  const queue: SipMessage[] = [];
  const waiters: Array<(m: SipMessage) => void> = [];
  let closed = false;
  socket.on('data', (chunk: Buffer) => {
    for (const f of framer.push(chunk).frames) {
      const m = parseMessage(f);
      if (m.kind === 'failure') throw new Error(m.detail);
      const w = waiters.shift();
      if (w) w(m);
      else queue.push(m);
    }
  });
  socket.on('close', () => (closed = true));
  socket.on('error', () => {});
  return {
    socket,
    send: (b: Buffer) => socket.write(b),
    next: (ms = 3000) =>
      new Promise<SipMessage>((resolve, reject) => {
        const m = queue.shift();
        if (m) return resolve(m);
        const t = setTimeout(() => reject(new Error('no message')), ms);
        waiters.push((x) => {
          clearTimeout(t);
          resolve(x);
        });
      }),
    closed: () => closed,
    waitClosed: async () => {
      if (!closed) await once(socket, 'close');
    },
  };
}

let endpoint: SipEndpoint | undefined;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
  for (const c of cleanups.splice(0)) c();
});

interface Held {
  request: SipRequest;
  tx: ServerTransaction;
  connection: SipConnection;
}

/** A test delegate: REGISTER → 200 with Expires; OPTIONS → 200; HOLD requests are held. */
function start(opts: Partial<SipEndpointOptions> = {}) {
  const held: Held[] = [];
  const requests: string[] = [];
  const wire: WireRecord[] = [];
  const ep = createSipEndpoint(
    { logger: quietLogger(), wireTap: { enabled: () => true, record: (r) => wire.push(r) }, ...opts },
    {
      onRequest(request, tx, connection) {
        requests.push(request.method);
        if (request.method === 'REGISTER')
          tx.reply(200, {
            headers: [
              { name: 'Expires', value: '900' },
              { name: 'Supported', value: 'msrtc-event-categories' },
            ],
          });
        else if (request.method === 'OPTIONS' || request.method === 'INVITE') held.push({ request, tx, connection });
        else tx.reply(200);
      },
    },
  );
  endpoint = ep;
  return { ep, held, requests, wire };
}

async function tcpClient(port: number) {
  const s = connect(port, '127.0.0.1');
  await once(s, 'connect');
  cleanups.push(() => s.destroy());
  return rawClient(s);
}

describe('SIP endpoint over TCP', () => {
  it('answers a REGISTER sent in pieces after keep-alives, copying Via/From/Call-ID/CSeq', async () => {
    const { ep, wire } = start();
    const l = await ep.listenTcp({ host: '127.0.0.1', port: 0 });
    const c = await tcpClient(l.port);
    const bytes = register();
    c.send(Buffer.from('\r\n\r\n'));
    c.send(bytes.subarray(0, 37));
    await new Promise((r) => setTimeout(r, 20));
    c.send(bytes.subarray(37));
    const res = await c.next();
    expect(res).toMatchObject({ kind: 'response', status: 200 });
    expect(headerValue(res, 'Via')).toBe('SIP/2.0/tcp 127.0.0.1:41234;branch=z9hG4bKr1');
    expect(headerValue(res, 'CSeq')).toBe('1 REGISTER');
    expect(headerValue(res, 'Expires')).toBe('900');
    expect(headerValue(res, 'To')).toMatch(/^<sip:alice@example.com>;tag=\w+$/);
    expect(ep.counters).toMatchObject({ connectionsAccepted: 1, requestsReceived: 1, responses2xx: 1 });
    expect(wire.map((w) => w.direction)).toEqual(['in', 'out']);
    expect(formatWireRecord(wire[0]!)).toMatch(/^<<< TCP 127.0.0.1:\d+ #\d+ .*\nREGISTER sip:example.com SIP\/2.0\r\n/);
  });

  it('answers a malformed but addressable request with 400 + Warning and keeps serving', async () => {
    const { ep } = start();
    const l = await ep.listenTcp({ host: '127.0.0.1', port: 0 });
    const c = await tcpClient(l.port);
    c.send(Buffer.from(register().toString().replace('CSeq: 1 REGISTER', 'CSeq: 1 INVITE')));
    const res = await c.next();
    expect(res).toMatchObject({ status: 400 });
    expect(headerValue(res, 'Warning')).toMatch(/^399 parlance "CSeq method INVITE does not match REGISTER"$/);
    c.send(register(2));
    expect(await c.next()).toMatchObject({ status: 200 });
    expect(ep.counters.parseErrors).toBe(1);
  });

  it('closes on garbage, on a missing Content-Length (after a 400) and on an oversized message (after a 413)', async () => {
    const { ep } = start({ maxMessageBytes: 2048 });
    const l = await ep.listenTcp({ host: '127.0.0.1', port: 0 });
    const g = await tcpClient(l.port);
    g.send(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    await g.waitClosed();

    const m = await tcpClient(l.port);
    m.send(Buffer.from(register().toString().replace('Content-Length: 0\r\n', '')));
    expect(await m.next()).toMatchObject({ status: 400 });
    await m.waitClosed();

    const big = await tcpClient(l.port);
    big.send(Buffer.from(register().toString().replace('Content-Length: 0', 'Content-Length: 5000')));
    expect(await big.next()).toMatchObject({ status: 413 });
    await big.waitClosed();

    expect(ep.counters.framingErrors).toBe(3);
    const ok = await tcpClient(l.port);
    ok.send(register(3));
    expect(await ok.next()).toMatchObject({ status: 200 });
  });

  it('answers 503 + Retry-After above the per-connection limit and recovers', async () => {
    const { ep, held } = start({ maxPendingPerConnection: 2, retryAfterSeconds: 7 });
    const l = await ep.listenTcp({ host: '127.0.0.1', port: 0 });
    const c = await tcpClient(l.port);
    const options = (n: number) =>
      Buffer.from(
        `OPTIONS sip:example.com SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:1;branch=z9hG4bKo${n}\r\nFrom: <sip:a@example.com>;tag=o\r\nTo: <sip:example.com>\r\nCall-ID: o${n}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n`,
      );
    c.send(Buffer.concat([options(1), options(2), options(3)]));
    const refused = await c.next();
    expect(refused).toMatchObject({ status: 503 });
    expect(headerValue(refused, 'Retry-After')).toBe('7');
    expect(headerValue(refused, 'Call-ID')).toBe('o3');
    expect(held).toHaveLength(2);
    expect(ep.pendingRequests).toBe(2);
    held[0]!.tx.reply(200);
    expect((await c.next()) as unknown).toMatchObject({ status: 200 });
    c.send(options(4));
    await new Promise((r) => setTimeout(r, 50));
    expect(held).toHaveLength(3);
    expect(ep.counters.overload503).toBe(1);
  });

  it('sends server-originated requests back over the client connection and matches the answer', async () => {
    const { ep, held } = start();
    const l = await ep.listenTcp({ host: '127.0.0.1', port: 0 });
    const c = await tcpClient(l.port);
    // COMPAT: pidgin-sipe's INVITE carries no Via branch.
    c.send(
      Buffer.from(
        'INVITE sip:ocschat@example.com SIP/2.0\r\nVia: SIP/2.0/tcp 127.0.0.1:41234\r\nFrom: <sip:alice@example.com>;tag=a1\r\nTo: <sip:ocschat@example.com>\r\nCall-ID: chat-1\r\nCSeq: 1 INVITE\r\nContact: <sip:alice@example.com:41234;transport=tcp>\r\nContent-Length: 0\r\n\r\n',
      ),
    );
    await new Promise((r) => setTimeout(r, 50));
    const h = held[0]!;
    const dialog = createUasDialog(h.request, h.tx.toTag, { secure: false })!;
    h.tx.reply(200, { headers: [{ name: 'Session-Expires', value: '600;refresher=uac' }] });
    const ok = await c.next();
    expect(ok).toMatchObject({ status: 200 });
    const outcome = ep.sendRequest(
      h.connection,
      createInDialogRequest(dialog, 'INFO', { contentType: 'text/plain', body: Buffer.from('<xccos/>') }),
    );
    const info = (await c.next()) as SipRequest;
    expect(info).toMatchObject({ kind: 'request', method: 'INFO', uri: 'sip:alice@example.com:41234;transport=tcp' });
    expect(headerValue(info, 'Via')).toMatch(/^SIP\/2.0\/TCP 127.0.0.1:\d+;branch=z9hG4bK/);
    c.send(serializeMessage(createResponse(info, 481)));
    await expect(outcome).resolves.toMatchObject({ kind: 'response', response: { status: 481 } });
  });

  it('closes idle connections', async () => {
    const { ep } = start({ idleTimeoutMs: 300 });
    const l = await ep.listenTcp({ host: '127.0.0.1', port: 0 });
    const c = await tcpClient(l.port);
    await c.waitClosed();
    expect(ep.counters.idleTimeouts).toBe(1);
    expect(ep.connections.size).toBe(0);
  });

  it('refuses connections above the limit', async () => {
    const { ep } = start({ maxConnections: 1 });
    const l = await ep.listenTcp({ host: '127.0.0.1', port: 0 });
    const a = await tcpClient(l.port);
    await new Promise((r) => setTimeout(r, 30));
    const b = await tcpClient(l.port);
    await b.waitClosed();
    expect(a.closed()).toBe(false);
    expect(ep.counters.connectionsRejected).toBe(1);
  });
});

describe('SIP endpoint over TLS', () => {
  it('generates a self-signed certificate once and answers REGISTER over TLS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parlance-sip-tls-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const files = await ensureSelfSignedCertificate(dir, { commonName: 'localhost', altNames: ['127.0.0.1'] });
    expect(files.created).toBe(true);
    expect((await ensureSelfSignedCertificate(dir, { commonName: 'localhost' })).created).toBe(false);
    const cert = readFileSync(files.certPath);
    const { ep } = start();
    const l = await ep.listenTls({ host: '127.0.0.1', port: 0, key: readFileSync(files.keyPath), cert });
    const s = tlsConnect({ host: '127.0.0.1', port: l.port, ca: cert, servername: 'localhost' });
    cleanups.push(() => s.destroy());
    await once(s, 'secureConnect');
    const c = rawClient(s as unknown as Socket);
    c.send(register());
    expect(await c.next()).toMatchObject({ status: 200 });
    expect([...ep.connections][0]?.transport).toBe('TLS');
  }, 30_000);
});

describe('SIP endpoint over WebSocket (RFC 7118)', () => {
  it('answers REGISTER on /sip with subprotocol sip, and refuses other subprotocols', async () => {
    const { ep } = start();
    const http = createServer((_req, res) => res.end('x'));
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    cleanups.push(() => http.close());
    ep.attachWebSocket(http, { path: '/sip' });
    const port = (http.address() as { port: number }).port;

    const ws = new WebSocket(`ws://127.0.0.1:${port}/sip`, 'sip');
    cleanups.push(() => ws.terminate());
    await once(ws, 'open');
    expect(ws.protocol).toBe('sip');
    const reply = new Promise<SipMessage>((resolve) =>
      ws.once('message', (d: Buffer) => resolve(parseMessage(d) as SipMessage)),
    );
    // RFC 7118: Content-Length may be omitted on WebSocket.
    ws.send(register().toString().replace('Content-Length: 0\r\n', ''));
    const res = await reply;
    expect(res).toMatchObject({ kind: 'response', status: 200 });
    expect([...ep.connections][0]?.transport).toBe('WS');

    const bad = new WebSocket(`ws://127.0.0.1:${port}/sip`, 'chat');
    const err = await new Promise<Error>((resolve) => bad.once('error', resolve));
    expect(err.message).toMatch(/400/);
  });
});
