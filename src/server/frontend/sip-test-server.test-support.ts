/**
 * Test support: a real Parlance server (real store, services and SIP front end) on random ports,
 * with helper calls into the admin API and a raw SIP client over TCP or TLS. No part of the
 * server is replaced; only the scrypt cost is lowered and the session timer may be shortened.
 */
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import type { AdminInput, AdminMethod, AdminOutput } from '../admin-api/contract.js';
import { composeServer, type ComposeOverrides } from '../compose.js';
import { ConfigSchema, type Config } from '../config/config-schema.js';
import type { LogRecord } from '../log/logger.js';
import type { ServerHandle } from '../server-handle.js';
import { createScryptPasswordHasher } from '../services/auth/node-auth-crypto.js';
import { parseMessage } from '../transport/sip/codec/parse-message.js';
import { headerValue, type SipMessage, type SipResponse } from '../transport/sip/codec/sip-message.js';
import { createStreamFramer } from '../transport/sip/framing/stream-framer.js';
import type { RunningSipFrontend } from './start-sip-frontend.js';

export const DOMAIN = 'example.com';
export const ADMIN_PASSWORD = 'admin-secret-1';

export interface SipTestServer {
  handle: ServerHandle;
  sip: RunningSipFrontend;
  config: Config;
  logs: LogRecord[];
  tcpPort: number;
  tlsPort: number | null;
  dataDir: string;
  ok<M extends AdminMethod>(method: M, input: AdminInput<M>): Promise<AdminOutput<M>>;
  /** Create a user and return its id. */
  addUser(user: string, password: string): Promise<string>;
  /** Turn Persistent Chat on (or off) in the global policy. */
  setGlobalChat(enabled: boolean): Promise<void>;
  stop(): Promise<void>;
}

export async function startSipTestServer(
  configOverrides: Partial<Record<keyof Config, unknown>> = {},
  overrides: Pick<ComposeOverrides, 'sip'> = {},
): Promise<SipTestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'parlance-sip-'));
  const logs: LogRecord[] = [];
  const config = ConfigSchema.parse({
    dataDir,
    domain: DOMAIN,
    adminPassword: ADMIN_PASSWORD,
    httpPort: 0,
    sipTcpPort: 0,
    sipTlsPort: -1,
    logLevel: 'debug',
    ...configOverrides,
  });
  let sip: RunningSipFrontend | null = null;
  const handle = await composeServer(
    config,
    { kind: 'in-process', log: (r) => logs.push(r), http: config.sipWebSocket, sip: true },
    { hasher: createScryptPasswordHasher({ cost: 1024 }), expose: (i) => void (sip = i.sip), ...overrides },
  );
  const running = sip as RunningSipFrontend | null;
  if (!running) throw new Error('the SIP front end did not start');
  const ctx = { transport: 'ipc' as const, trusted: true };
  async function ok<M extends AdminMethod>(method: M, input: AdminInput<M>): Promise<AdminOutput<M>> {
    const r = await handle.dispatch(method, input, ctx);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as AdminOutput<M>;
  }
  const status = running.status();
  return {
    handle,
    sip: running,
    config,
    logs,
    tcpPort: status.ports.tcp ?? -1,
    tlsPort: status.ports.tls,
    dataDir,
    ok,
    async addUser(user, password) {
      const u = await ok('users.create', { sipUri: `sip:${user}@${DOMAIN}`, displayName: user, password });
      return u.id;
    },
    async setGlobalChat(enabled) {
      await ok('policies.update', { id: 'global', enablePersistentChat: enabled });
    },
    async stop() {
      await handle.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function md5(s: string): string {
  return createHash('md5').update(s).digest('hex');
}

/** The client side of RFC 2617 `qop=auth`, written independently of the server's code. */
export function digestAuthorization(
  challenge: string,
  o: { username: string; password: string; method: string; uri: string; realmOverride?: string },
): string {
  const p = (k: string) => new RegExp(`${k}="([^"]*)"`).exec(challenge)?.[1] ?? '';
  const realm = o.realmOverride ?? p('realm');
  const nonce = p('nonce');
  const opaque = p('opaque');
  const cnonce = randomBytes(8).toString('hex');
  const nc = '00000001';
  const ha1 = md5(`${o.username}:${realm}:${o.password}`);
  const ha2 = md5(`${o.method}:${o.uri}`);
  const response = md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`);
  return (
    `Digest username="${o.username}", realm="${realm}", nonce="${nonce}", uri="${o.uri}", ` +
    `qop=auth, nc=${nc}, cnonce="${cnonce}", response="${response}", opaque="${opaque}"`
  );
}

export interface RawSipClient {
  readonly socket: Socket;
  readonly localPort: number;
  send(text: string): void;
  /** The next message, or a rejection after `ms`. */
  next(ms?: number): Promise<SipMessage>;
  /** Wait for a request with this method (answering nothing); others are kept in order. */
  nextRequest(method: string, ms?: number): Promise<SipMessage & { kind: 'request' }>;
  /** Answer a received request with a bare response (Via/From/To/Call-ID/CSeq copied). */
  answer(request: SipMessage, status: number): void;
  close(): void;
}

/** A raw SIP client: lines joined with CRLF, Content-Length computed, framing by the real framer. */
export async function rawSipClient(port: number, tls = false): Promise<RawSipClient> {
  const socket = tls ? tlsConnect({ port, host: '127.0.0.1', rejectUnauthorized: false }) : connect(port, '127.0.0.1');
  await once(socket, tls ? 'secureConnect' : 'connect');
  const framer = createStreamFramer({ maxMessageBytes: 1 << 20 });
  const queue: SipMessage[] = [];
  const waiters: Array<() => void> = [];
  socket.on('data', (chunk: Buffer) => {
    for (const f of framer.push(chunk).frames) {
      const m = parseMessage(f);
      if (m.kind !== 'failure') queue.push(m);
    }
    for (const w of waiters.splice(0)) w();
  });
  socket.on('error', () => undefined);
  const take = (pred: (m: SipMessage) => boolean, ms: number, what: string) =>
    new Promise<SipMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
      const look = () => {
        const i = queue.findIndex(pred);
        if (i >= 0) {
          clearTimeout(timer);
          resolve(queue.splice(i, 1)[0]!);
        } else waiters.push(look);
      };
      look();
    });
  return {
    socket,
    localPort: socket.localPort ?? 0,
    send(text) {
      const [head, body = ''] = text.split('\n\n');
      const lines = head!
        .trim()
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.length > 0);
      lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
      socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
    },
    next: (ms = 3000) => take(() => true, ms, 'message'),
    nextRequest: (method, ms = 3000) =>
      take((m) => m.kind === 'request' && m.method === method, ms, `${method}`) as Promise<
        SipMessage & { kind: 'request' }
      >,
    answer(request, status) {
      const copy = ['Via', 'From', 'To', 'Call-ID', 'CSeq']
        .map((h) => `${h}: ${headerValue(request, h) ?? ''}`)
        .join('\r\n');
      socket.write(`SIP/2.0 ${status} X\r\n${copy}\r\nContent-Length: 0\r\n\r\n`);
    },
    close: () => socket.destroy(),
  };
}

export function asResponse(m: SipMessage): SipResponse {
  if (m.kind !== 'response') throw new Error(`expected a response, got ${m.kind} ${'method' in m ? m.method : ''}`);
  return m;
}
