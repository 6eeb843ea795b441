/**
 * pidgin-sipe room flow (issue 5 "pidgin-sipe interop"): the stock SIPE plugin, driven headless by
 * ../shared/interop/sipe, signs in with Digest over TCP (join as `cmd:join`) and over TLS (join
 * queued before the chat dialog, so `cmd:bjoin`) to a real server whose category and closed room
 * were created through the admin API; it lists rooms (`cmd:chansrch`), joins, receives the history
 * pre-seeded by another user (`rpl:bccontext`), posts and sees its post come back, sees a second
 * client's join, post and part, and leaves (`cmd:part`). The second clients are scripted SIP
 * clients over TCP (sip-chat-client) that see pidgin's join, post and part. Skipped, with the
 * reason printed, when gcc, pkg-config's purple or pidgin-sipe are missing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectChatClient, type SipChatClient } from '../../channel-e2e/sip-chat-client.test-support.js';
import { DOMAIN, startSipTestServer, type SipTestServer } from '../sip-test-server.test-support.js';
import { buildSipeKit, missingSipeKit, type SipeKit } from './sipe-kit.test-support.js';

const reason = missingSipeKit();
if (reason) process.stderr.write(`pidgin-sipe-rooms.test.ts: skipped, ${reason}\n`);

const ALICE = `sip:alice@${DOMAIN}`;
const BOB = `sip:bob@${DOMAIN}`;
const CAROL = `sip:carol@${DOMAIN}`;

let work = '';
let kit: SipeKit | undefined;
let server: SipTestServer | undefined;
let room = { id: '', uri: '', name: '' };
const clients: SipChatClient[] = [];

/** A running harness whose `[harness]` lines can be awaited as they appear. */
interface Harness {
  lines: string[];
  output(): string;
  waitLine(pred: (line: string) => boolean, what: string, ms?: number): Promise<string>;
  stop(): Promise<void>;
}

function startHarness(transport: 'tcp' | 'tls', message: string): Harness {
  const s = server!;
  const port = transport === 'tls' ? s.tlsPort! : s.tcpPort;
  const child = spawn(kit!.harness, [`alice@${DOMAIN}`, `127.0.0.1:${port}`, room.uri, message], {
    env: {
      ...process.env,
      LD_PRELOAD: kit!.shim,
      SIPE_TRANSPORT: transport,
      SIPE_PASSWORD: 'alice-password',
      HARNESS_TIMEOUT: '20',
      HARNESS_DIR: join(work, `home-${transport}`),
      HARNESS_ROOMLIST: '1',
      HARNESS_LEAVE: '1',
      // TCP: join once the chat dialog is up (cmd:join); TLS: join at sign-on, queued (cmd:bjoin).
      ...(transport === 'tls' ? { HARNESS_ACCEPT_ALL: '1', HARNESS_JOIN_NOW: '1' } : { HARNESS_JOIN_DELAY: '2' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let all = '';
  let partial = '';
  const lines: string[] = [];
  const watchers: Array<() => void> = [];
  child.stdout.on('data', (b: Buffer) => {
    all += b.toString();
    partial += b.toString();
    const cut = partial.lastIndexOf('\n');
    if (cut < 0) return;
    for (const l of partial.slice(0, cut).split('\n')) if (l.startsWith('[harness] ')) lines.push(l.slice(10));
    partial = partial.slice(cut + 1);
    for (const w of watchers.splice(0)) w();
  });
  child.stderr.on('data', (b: Buffer) => (all += b.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    lines,
    output: () => all,
    waitLine(pred, what, ms = 12_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`harness: no ${what} within ${ms} ms\n${lines.join('\n')}\n${all.slice(-3000)}`)),
          ms,
        );
        const look = () => {
          const hit = lines.find(pred);
          if (hit !== undefined) {
            clearTimeout(timer);
            resolve(hit);
          } else watchers.push(look);
        };
        look();
      });
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function chatClient(user: string): Promise<SipChatClient> {
  const c = await connectChatClient(server!.tcpPort, user, `${user}-password`);
  clients.push(c);
  return c;
}

const chanid = (uri: string) => {
  const [, domain, value] = /^ma-chan:\/\/([^/]+)\/(.+)$/.exec(uri)!;
  return `<chanid key="0" domain="${domain}" value="${value}"/>`;
};

/** The user URIs named in join/bjoin (or part) notices received by `c`. */
function noticedUsers(c: SipChatClient, kind: 'join' | 'part'): string[] {
  const names = kind === 'join' ? ['join', 'bjoin'] : ['part'];
  return c.inbox.flatMap((e) =>
    e.kind === 'ntc'
      ? e.notices
          .filter((n) => names.includes(n.name))
          .flatMap((n) => JSON.stringify(n.data).match(/sip:[a-z]+@example\.com/g) ?? [])
      : [],
  );
}

async function roomFlow(transport: 'tcp' | 'tls'): Promise<void> {
  const s = server!;
  const nonce = `${transport}-${Date.now().toString(36)}`;
  const seeded = `seeded history ${nonce}`;
  const fromPidgin = `hello from pidgin ${nonce}`;
  const fromBob = `bob answers ${nonce}`;

  // Bob is in the room first and leaves a message for the history.
  const bob = await chatClient('bob');
  expect((await bob.cmd('join', chanid(room.uri))).resp.code).toBe(200);
  expect(await bob.post(room.uri, seeded)).toBe(200);
  const carol = await chatClient('carol');

  const h = startHarness(transport, fromPidgin);
  // The harness posts 1 s after joining and leaves 1 s after its echo, so the others react at once:
  // on pidgin's join Carol joins and Bob answers; on pidgin's post Carol leaves.
  const others = (async () => {
    await bob.waitFor((e) => (noticedUsers(bob, 'join').includes(ALICE) ? e : undefined), 12_000);
    expect((await carol.cmd('join', chanid(room.uri))).resp.code).toBe(200);
    expect(await bob.post(room.uri, fromBob)).toBe(200);
    for (const c of [bob, carol]) {
      const m = await c.waitFor(
        (e) => (e.kind === 'grpchat' && e.message.text === fromPidgin ? e.message : undefined),
        12_000,
      );
      expect(m).toMatchObject({ chanUri: room.uri, author: ALICE });
    }
    expect((await carol.cmd('part', `<chanib uri="${room.uri}"/>`)).resp.code).toBe(200);
    await bob.waitFor((e) => (noticedUsers(bob, 'part').includes(ALICE) ? e : undefined), 12_000);
  })();
  others.catch(() => undefined);
  try {
    await h.waitLine((l) => l === `SIGNED-ON as alice@${DOMAIN}`, 'sign-in');
    await h.waitLine((l) => l.startsWith(`CHAT-JOINED name='${room.name}'`), 'join');
    await h.waitLine((l) => l.startsWith('CHAT-MSG') && l.includes(seeded) && l.includes(`from='${BOB}'`), 'history');
    await h.waitLine((l) => l.startsWith(`CHAT-USER room='${room.name}' user='${BOB}'`), 'Bob in the roster');
    await h.waitLine((l) => l.startsWith(`CHAT-USER room='${room.name}' user='${CAROL}'`), "Carol's join");
    await h.waitLine((l) => l.startsWith('CHAT-MSG') && l.includes(fromBob), "Bob's post");
    // Pidgin's post is delivered to all three, itself included (the others check theirs).
    await h.waitLine(
      (l) => l.startsWith('CHAT-MSG') && l.includes(fromPidgin) && l.includes(`from='${ALICE}'`),
      'echo',
    );
    await h.waitLine((l) => l === `CHAT-USER-LEFT room='${room.name}' user='${CAROL}'`, "Carol's part");
    await h.waitLine((l) => l.startsWith('LEAVING'), 'leave');
    await h.waitLine((l) => l === `ROOMLIST-ROOM name='${room.name}'`, 'room list entry');
    await others;
    // History came before anything live; the echo after Bob's answer was seen.
    const idx = (needle: string) => h.lines.findIndex((l) => l.startsWith('CHAT-MSG') && l.includes(needle));
    expect(idx(seeded)).toBeLessThan(idx(fromBob));
  } finally {
    await h.stop();
  }

  // The wire: what SIPE sent, seen by the server's message ring (XCCOS.md §2.11).
  const bodies = (await s.ok('sip.recentMessages', { limit: 1000 })).items
    .filter(
      (m) =>
        m.direction === 'in' &&
        m.firstLine.startsWith('INFO ') &&
        m.transport === transport.toUpperCase() &&
        /\r?\nFrom: [^\r\n]*sip:alice@/i.test(m.text),
    )
    .map((m) => m.text);
  const sent = (id: string) => bodies.some((b) => b.includes(`id="${id}"`));
  expect(sent('cmd:chansrch')).toBe(true);
  expect(sent(transport === 'tls' ? 'cmd:bjoin' : 'cmd:join')).toBe(true);
  expect(sent('cmd:bccontext')).toBe(true);
  expect(sent('grpchat')).toBe(true);
  expect(sent('cmd:part')).toBe(true);
  expect(h.output()).not.toContain('This message was not delivered');

  for (const c of clients.splice(0)) {
    await c.bye().catch(() => undefined);
    c.close();
  }
}

describe.skipIf(reason !== undefined)('pidgin-sipe in a room', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'parlance-sipe-rooms-'));
    kit = buildSipeKit(work);
    server = await startSipTestServer({ sipTlsPort: 0 });
    for (const u of ['alice', 'bob', 'carol']) await server.addUser(u, `${u}-password`);
    await server.setGlobalChat(true);
    const users = [ALICE, BOB, CAROL];
    const cat = await server.ok('categories.create', { name: 'Interop', chatHistory: true });
    await server.ok('categories.setScope', { id: cat.id, allowedMembers: users });
    const r = await server.ok('rooms.create', { name: 'Interop Lounge', categoryId: cat.id, privacy: 'closed' });
    await server.ok('rooms.setRoles', { id: r.id, members: users });
    room = { id: r.id, uri: r.uri, name: r.name };
  }, 60_000);

  afterAll(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('over TCP: lists rooms, joins (cmd:join), reads history, posts and sees it back, sees others join/post/part, leaves', async () => {
    await roomFlow('tcp');
  }, 30_000);

  it('over TLS: the same flow with the join queued as cmd:bjoin', async () => {
    await roomFlow('tls');
  }, 30_000);
});
