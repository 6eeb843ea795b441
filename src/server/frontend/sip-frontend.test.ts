/**
 * The front end end to end over real sockets against a real server (store, services, policies):
 * Digest REGISTER and the 200 shape, provisioning from the effective policy, lookup → requri →
 * chat dialog, the stand-in channel's coded 501, session timer (UPDATE refresh, BYE on expiry),
 * 481s, a failed server INFO ending its dialog, the REGISTER failure limit, the message ring and
 * the status counters. Messages are pidgin-sipe shaped: no Via branch on dialog requests,
 * lower-case transport (XCCOS.md §10).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { headerValue, headerValues } from '../transport/sip/codec/sip-message.js';
import {
  asResponse,
  digestAuthorization,
  DOMAIN,
  rawSipClient,
  startSipTestServer,
  type RawSipClient,
  type SipTestServer,
} from './sip-test-server.test-support.js';

let server: SipTestServer | undefined;
const clients: RawSipClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.stop();
  server = undefined;
});

async function client(port = server!.tcpPort): Promise<RawSipClient> {
  const c = await rawSipClient(port);
  clients.push(c);
  return c;
}

const register = (c: RawSipClient, user: string, cseq: number, extra = '') => `
REGISTER sip:${DOMAIN} SIP/2.0
Via: SIP/2.0/tcp 127.0.0.1:${c.localPort};branch=z9hG4bKreg${cseq}
From: <sip:${user}@${DOMAIN}>;tag=f-${user};epid=ep1
To: <sip:${user}@${DOMAIN}>
Call-ID: reg-${user}-${c.localPort}
CSeq: ${cseq} REGISTER
Max-Forwards: 70
Contact: <sip:127.0.0.1:${c.localPort};transport=tcp;ms-opaque=x>;methods="INVITE, MESSAGE, INFO, SUBSCRIBE, OPTIONS, BYE, CANCEL, NOTIFY, ACK, REFER, BENOTIFY";proxy=replace
Supported: gruu-10, adhoclist, msrtc-event-categories, com.microsoft.msrtc.presence
Event: registration
ms-keep-alive: UAC;hop-hop=yes
${extra}`;

/** REGISTER, take the 407, answer it; returns the final response. */
async function signIn(c: RawSipClient, user: string, password: string, username = user) {
  c.send(register(c, user, 1));
  const challenge = asResponse(await c.next());
  expect(challenge.status).toBe(407);
  const auth = digestAuthorization(headerValue(challenge, 'Proxy-Authenticate')!, {
    username,
    password,
    method: 'REGISTER',
    uri: '(null)', // COMPAT: what pidgin-sipe hashes (XCCOS.md §2.2)
  });
  c.send(register(c, user, 2, `Proxy-Authorization: ${auth}`));
  return asResponse(await c.next());
}

const invite = (c: RawSipClient, user: string, target: string, callId: string, extra = '') => `
INVITE ${target} SIP/2.0
Via: SIP/2.0/tcp 127.0.0.1:${c.localPort}
From: <sip:${user}@${DOMAIN}>;tag=t-${callId};epid=ep1
To: <${target}>
Call-ID: ${callId}
CSeq: 1 INVITE
Max-Forwards: 70
Supported: ms-sender
Contact: <sip:${user}@${DOMAIN}:${c.localPort};maddr=127.0.0.1;transport=tcp>;proxy=replace
Content-Type: application/sdp
${extra}

v=0\r
o=- 0 0 IN IP4 127.0.0.1\r
s=session\r
c=IN IP4 127.0.0.1\r
t=0 0\r
m=message 5060 sip null\r
a=accept-types:text/plain\r
`;

const inDialog = (
  c: RawSipClient,
  method: string,
  user: string,
  target: string,
  callId: string,
  toTag: string,
  cseq: number,
  body = '',
) => `
${method} ${target} SIP/2.0
Via: SIP/2.0/tcp 127.0.0.1:${c.localPort}
From: <sip:${user}@${DOMAIN}>;tag=t-${callId};epid=ep1
To: <${target}>;tag=${toTag}
Call-ID: ${callId}
CSeq: ${cseq} ${method}
Max-Forwards: 70
${body ? 'Content-Type: text/plain' : ''}

${body}`;

const cmd = (name: string, envid = '123') =>
  `<xccos ver="1" envid="${envid}" xmlns="urn:parlano:xml:ns:xccos"><cmd id="cmd:${name}" seqid="1"><data/></cmd></xccos>`;

function toTag(res: { headers: readonly { name: string; value: string }[] }): string {
  return /;tag=([^;]+)/.exec(headerValue(res, 'To') ?? '')![1]!;
}

describe('SIP front end', () => {
  it('Digest REGISTER: 407, then the exact 200 shape; both user-name forms; wrong password 403', async () => {
    server = await startSipTestServer();
    await server.addUser('alice', 'alice-password');
    const c = await client();
    c.send(register(c, 'alice', 1));
    const challenge = asResponse(await c.next());
    expect(challenge.status).toBe(407);
    expect(headerValue(challenge, 'Proxy-Authenticate')).toMatch(
      /^Digest realm="example\.com", nonce="[^"]+", opaque="[0-9a-f]+", qop="auth"$/,
    );

    const ok = await signIn(await client(), 'alice', 'alice-password');
    expect(ok.status).toBe(200);
    expect(headerValue(ok, 'Expires')).toBe('900');
    expect(headerValues(ok, 'Supported')).toEqual(['msrtc-event-categories']);
    expect(headerValue(ok, 'Allow-Events')).toBe('vnd-microsoft-provisioning-v2');
    expect(headerValue(ok, 'ms-keep-alive')).toMatch(/^UAS; tcp=no; hop-hop=yes; end-end=no; timeout=300$/);
    expect(headerValue(ok, 'Contact')).toMatch(/;expires=900$/);
    expect(headerValue(ok, 'To')).toMatch(/;tag=\w+/);

    expect((await signIn(await client(), 'alice', 'alice-password', 'alice@example.com')).status).toBe(200);
    const bad = await signIn(await client(), 'alice', 'wrong-password');
    expect(bad.status).toBe(403);
    expect(headerValue(bad, 'Warning')).toMatch(/^399 parlance "/);
    expect(server.sip.status()).toMatchObject({ registrations: 2 });
    expect(server.sip.status().counters).toMatchObject({ registersAccepted: 2, registerFailures: 1 });
  });

  it('rate-limits REGISTER failures per source with 503 + Retry-After', async () => {
    server = await startSipTestServer({ sipRegisterFailuresPerMinute: 2 });
    await server.addUser('bob', 'bob-password');
    expect((await signIn(await client(), 'bob', 'nope-nope-1')).status).toBe(403);
    expect((await signIn(await client(), 'bob', 'nope-nope-2')).status).toBe(403);
    const c = await client();
    c.send(register(c, 'bob', 1));
    const limited = asResponse(await c.next());
    expect(limited.status).toBe(503);
    expect(Number(headerValue(limited, 'Retry-After'))).toBeGreaterThan(0);
    expect(server.sip.status().counters.registerRateLimited).toBe(1);
  });

  it('provisions EnablePersistentChat from the effective policy: global → site → user', async () => {
    server = await startSipTestServer();
    const carol = await server.addUser('carol', 'carol-password');
    const subscribe = async () => {
      const c = await client();
      expect((await signIn(c, 'carol', 'carol-password')).status).toBe(200);
      c.send(`
SUBSCRIBE sip:carol@${DOMAIN} SIP/2.0
Via: SIP/2.0/tcp 127.0.0.1:${c.localPort};branch=z9hG4bKsub
From: <sip:carol@${DOMAIN}>;tag=s1;epid=ep1
To: <sip:carol@${DOMAIN}>
Call-ID: sub-${c.localPort}
CSeq: 3 SUBSCRIBE
Event: vnd-microsoft-provisioning-v2
Accept: application/vnd-microsoft-roaming-provisioning-v2+xml
Expires: 0
Supported: ms-benotify
Proxy-Require: ms-benotify
Supported: ms-piggyback-first-notify
Content-Type: application/vnd-microsoft-roaming-provisioning-v2+xml

<provisioningGroupList xmlns="http://schemas.microsoft.com/2006/09/sip/provisioninggrouplist"><provisioningGroup name="persistentChatConfiguration"/></provisioningGroupList>`);
      const res = asResponse(await c.next());
      expect(res.status).toBe(200);
      expect(headerValue(res, 'ms-piggyback-cseq')).toBe('3');
      expect(headerValue(res, 'Event')).toBe('vnd-microsoft-provisioning-v2');
      expect(headerValue(res, 'Content-Type')).toBe('application/vnd-microsoft-roaming-provisioning-v2+xml');
      const body = res.body.toString();
      expect(body).toContain(
        '<property name="DefaultPersistentChatPoolUri">sip:GC-1-PersistentChatService-1@example.com</property>',
      );
      expect(body).not.toContain('ServerConfiguration');
      return /EnablePersistentChat">(\w+)</.exec(body)![1];
    };
    expect(await subscribe()).toBe('false'); // the global policy starts disabled (LYNC.md §2.9)
    await server.setGlobalChat(true);
    expect(await subscribe()).toBe('true');
    await server.ok('policies.create', { scope: 'site', name: 'Site1', enablePersistentChat: false });
    expect(await subscribe()).toBe('false');
    const own = await server.ok('policies.create', { scope: 'user', name: 'Chatters', enablePersistentChat: true });
    const eff = await server.ok('users.assignPolicy', { userId: carol, policyId: own.id });
    expect(eff).toMatchObject({ source: 'user', policy: { identity: 'tag:Chatters' } });
    expect(await subscribe()).toBe('true');
  });

  it('lookup INVITE, cmd:requri → rpl:requri, BYE, chat INVITE, a command to the channel, 481s', async () => {
    server = await startSipTestServer();
    await server.addUser('dave', 'dave-password');
    await server.setGlobalChat(true);
    const c = await client();
    expect((await signIn(c, 'dave', 'dave-password')).status).toBe(200);

    c.send(invite(c, 'dave', `sip:ocschat@${DOMAIN}`, 'lookup-1'));
    const ok = asResponse(await c.next());
    expect(ok.status).toBe(200);
    expect(headerValue(ok, 'Session-Expires')).toBe('1800;refresher=uac');
    expect(headerValue(ok, 'Contact')).toMatch(/^<sip:ocschat@127\.0\.0\.1:\d+;transport=tcp>$/);
    expect(headerValue(ok, 'Content-Type')).toBe('application/sdp');
    const tag = toTag(ok);
    c.send(inDialog(c, 'ACK', 'dave', `sip:ocschat@${DOMAIN}`, 'lookup-1', tag, 1));
    c.send(inDialog(c, 'INFO', 'dave', `sip:ocschat@${DOMAIN}`, 'lookup-1', tag, 2, cmd('requri', '4242')));
    expect(asResponse(await c.next()).status).toBe(200);
    const rpl = await c.nextRequest('INFO');
    expect(headerValue(rpl, 'From')).toBe(`<sip:ocschat@${DOMAIN}>;tag=${tag}`);
    expect(headerValue(rpl, 'Content-Type')).toBe('text/plain');
    expect(headerValue(rpl, 'CSeq')).toBe('1 INFO');
    const body = rpl.body.toString();
    expect(body).toMatch(
      /^<xccos ver="1" envid="\d+" xmlns="urn:parlano:xml:ns:xccos"><rpl id="rpl:requri" seqid="1">/,
    );
    expect(body).toContain('<commandid seqid="1" envid="4242"/><resp code="200">SUCCESS_OK</resp>');
    const chatUri = /<uib uri="([^"]+)"/.exec(body)![1]!;
    expect(chatUri).toBe(`sip:parlance-chat@${DOMAIN}`);
    c.answer(rpl, 200);
    c.send(inDialog(c, 'BYE', 'dave', `sip:ocschat@${DOMAIN}`, 'lookup-1', tag, 3));
    expect(asResponse(await c.next()).status).toBe(200);
    c.send(inDialog(c, 'INFO', 'dave', `sip:ocschat@${DOMAIN}`, 'lookup-1', tag, 4, cmd('requri')));
    expect(asResponse(await c.next()).status).toBe(481);

    c.send(invite(c, 'dave', chatUri, 'chat-1'));
    const chat = asResponse(await c.next());
    expect(chat.status).toBe(200);
    const chatTag = toTag(chat);
    c.send(inDialog(c, 'ACK', 'dave', chatUri, 'chat-1', chatTag, 1));
    // Commands on the chat dialog go to the channel; an unknown one gets the coded 501 (§6.14).
    c.send(inDialog(c, 'INFO', 'dave', chatUri, 'chat-1', chatTag, 2, cmd('frobnicate', '77')));
    expect(asResponse(await c.next()).status).toBe(200);
    const notImpl = await c.nextRequest('INFO');
    expect(notImpl.body.toString()).toMatch(
      /<rpl id="rpl:frobnicate" seqid="1"><commandid seqid="1" envid="77"\/><resp code="501">ERR_NOT_SUPPORTED<\/resp>/,
    );
    c.answer(notImpl, 200);
    // A body that is not XCCOS → 400; SERVICE / unknown in-dialog → 200.
    c.send(inDialog(c, 'INFO', 'dave', chatUri, 'chat-1', chatTag, 3, 'hello'));
    expect(asResponse(await c.next()).status).toBe(400);
    c.send(inDialog(c, 'MESSAGE', 'dave', chatUri, 'chat-1', chatTag, 4));
    expect(asResponse(await c.next()).status).toBe(200);
    // A non-2xx to a server INFO ends that dialog (XCCOS.md §2.9).
    c.send(inDialog(c, 'INFO', 'dave', chatUri, 'chat-1', chatTag, 5, cmd('chansrch', '78')));
    expect(asResponse(await c.next()).status).toBe(200);
    c.answer(await c.nextRequest('INFO'), 487);
    await new Promise((r) => setTimeout(r, 50));
    c.send(inDialog(c, 'INFO', 'dave', chatUri, 'chat-1', chatTag, 6, cmd('getinv')));
    expect(asResponse(await c.next()).status).toBe(481);
    expect(server.sip.status().counters).toMatchObject({ requriAnswered: 1, dialogsFailed: 1, invitesAccepted: 2 });

    // Out-of-dialog BYE → 481; SERVICE → 200.
    c.send(inDialog(c, 'BYE', 'dave', chatUri, 'nope', 'nope', 1));
    expect(asResponse(await c.next()).status).toBe(481);
  });

  it('refuses the chat endpoint with 403 when Persistent Chat is off, and unknown targets with 404', async () => {
    server = await startSipTestServer();
    await server.addUser('erin', 'erin-password');
    const c = await client();
    expect((await signIn(c, 'erin', 'erin-password')).status).toBe(200);
    c.send(invite(c, 'erin', `sip:parlance-chat@${DOMAIN}`, 'c1'));
    const refused = asResponse(await c.next());
    expect(refused.status).toBe(403);
    expect(headerValue(refused, 'Warning')).toContain('Persistent Chat is not enabled');
    c.send(invite(c, 'erin', `sip:nobody@${DOMAIN}`, 'c2'));
    expect(asResponse(await c.next()).status).toBe(404);
    // Another user's From on an authenticated connection: 403.
    c.send(invite(c, 'mallory', `sip:ocschat@${DOMAIN}`, 'c3'));
    expect(asResponse(await c.next()).status).toBe(403);
  });

  it('UPDATE refreshes the session; an idle dialog gets BYE when it expires', async () => {
    server = await startSipTestServer({}, { sip: { sessionTimer: { defaultSeconds: 1, minSE: 1 } } });
    await server.addUser('fred', 'fred-password');
    await server.setGlobalChat(true);
    const c = await client();
    expect((await signIn(c, 'fred', 'fred-password')).status).toBe(200);
    const target = `sip:parlance-chat@${DOMAIN}`;
    c.send(invite(c, 'fred', target, 'timer-1'));
    const ok = asResponse(await c.next());
    expect(headerValue(ok, 'Session-Expires')).toBe('1;refresher=uac');
    const tag = toTag(ok);
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 600));
    c.send(inDialog(c, 'UPDATE', 'fred', target, 'timer-1', tag, 2));
    const upd = asResponse(await c.next());
    expect(upd.status).toBe(200);
    expect(headerValue(upd, 'Session-Expires')).toBe('1;refresher=uac');
    const bye = await c.nextRequest('BYE', 3000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(headerValue(bye, 'From')).toBe(`<${target}>;tag=${tag}`);
    c.answer(bye, 200);
    expect(server.sip.status().counters.dialogsExpired).toBe(1);
    c.send(inDialog(c, 'UPDATE', 'fred', target, 'timer-1', tag, 3));
    expect(asResponse(await c.next()).status).toBe(481);
  });

  it('sends INFOs to the new remote target after a target refresh (UPDATE with a Contact)', async () => {
    server = await startSipTestServer();
    await server.addUser('gina', 'gina-password');
    await server.setGlobalChat(true);
    const c = await client();
    expect((await signIn(c, 'gina', 'gina-password')).status).toBe(200);
    const target = `sip:parlance-chat@${DOMAIN}`;
    c.send(invite(c, 'gina', target, 'refresh-1'));
    const tag = toTag(asResponse(await c.next()));
    c.send(inDialog(c, 'ACK', 'gina', target, 'refresh-1', tag, 1));
    c.send(inDialog(c, 'INFO', 'gina', target, 'refresh-1', tag, 2, cmd('frobnicate', '1')));
    expect(asResponse(await c.next()).status).toBe(200);
    const first = await c.nextRequest('INFO');
    expect(first.uri).toBe(`sip:gina@${DOMAIN}:${c.localPort};maddr=127.0.0.1;transport=tcp`);
    expect(headerValue(first, 'CSeq')).toBe('1 INFO');
    c.answer(first, 200);
    const moved = `sip:gina@${DOMAIN}:5999;maddr=127.0.0.1;transport=tcp`;
    c.send(
      inDialog(c, 'UPDATE', 'gina', target, 'refresh-1', tag, 3).replace(
        'Max-Forwards: 70',
        `Max-Forwards: 70\r\nContact: <${moved}>`,
      ),
    );
    expect(asResponse(await c.next()).status).toBe(200);
    c.send(inDialog(c, 'INFO', 'gina', target, 'refresh-1', tag, 4, cmd('frobnicate', '2')));
    expect(asResponse(await c.next()).status).toBe(200);
    const second = await c.nextRequest('INFO');
    expect(second.uri).toBe(moved);
    expect(headerValue(second, 'CSeq')).toBe('2 INFO');
    expect(headerValue(second, 'Via')).toBe(
      headerValue(first, 'Via')!.replace(
        /branch=[^;]+/,
        `branch=${/branch=([^;]+)/.exec(headerValue(second, 'Via')!)![1]}`,
      ),
    );
    c.answer(second, 200);
  });

  it('answers OPTIONS/SERVICE with 200, keeps a ring of recent messages, reports status', async () => {
    server = await startSipTestServer();
    const c = await client();
    c.send(`
OPTIONS sip:${DOMAIN} SIP/2.0
Via: SIP/2.0/TCP 127.0.0.1:${c.localPort};branch=z9hG4bKopt
From: <sip:probe@${DOMAIN}>;tag=o1
To: <sip:${DOMAIN}>
Call-ID: options-ring-1
CSeq: 1 OPTIONS
Max-Forwards: 70`);
    expect(asResponse(await c.next()).status).toBe(200);
    const recent = await server.ok('sip.recentMessages', { callId: 'options-ring-1' });
    expect(recent.items.map((m) => [m.direction, m.firstLine])).toEqual([
      ['in', `OPTIONS sip:${DOMAIN} SIP/2.0`],
      ['out', 'SIP/2.0 200 OK'],
    ]);
    const status = await server.ok('server.status', {});
    expect(status.sip).toMatchObject({ ports: { tcp: server.tcpPort, tls: null }, webSocketPath: '/sip' });
    expect(status.sip!.counters.responses2xx).toBeGreaterThanOrEqual(1);
  });

  it('writes readable traces to <dataDir>/logs/sip-trace.log when sipTrace is on', async () => {
    server = await startSipTestServer({ sipTrace: true });
    const c = await client();
    c.send(`
OPTIONS sip:${DOMAIN} SIP/2.0
Via: SIP/2.0/TCP 127.0.0.1:${c.localPort};branch=z9hG4bKtrace
From: <sip:probe@${DOMAIN}>;tag=o2
To: <sip:${DOMAIN}>
Call-ID: trace-1
CSeq: 1 OPTIONS
Max-Forwards: 70`);
    expect(asResponse(await c.next()).status).toBe(200);
    const path = join(server.dataDir, 'logs', 'sip-trace.log');
    await server.handle.stop(); // flushes and closes the trace file
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^<<< TCP 127\.0\.0\.1:\d+ #\d+ \S+\nOPTIONS sip:example\.com SIP\/2\.0\r\n/);
    expect(text).toMatch(/>>> TCP .*\nSIP\/2\.0 200 OK\r\n/);
  });
});

describe('SIP front end: Digest nonce-count replay', () => {
  it('refuses a captured REGISTER sent again (407, not stale), accepts a higher nc, refuses no nc (403)', async () => {
    const { createHash } = await import('node:crypto');
    const md5 = (s: string) => createHash('md5').update(s).digest('hex');
    const ha1 = md5(`henk:${DOMAIN}:henk-password`);
    /** The client side of qop=auth with a chosen nc (the helper always sends 00000001). */
    const authWith = (nonce: string, opaque: string, nc: string, cnonce: string) =>
      `Digest username="henk", realm="${DOMAIN}", nonce="${nonce}", uri="(null)", qop=auth, nc=${nc}, ` +
      `cnonce="${cnonce}", response="${md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${md5('REGISTER:(null)')}`)}", opaque="${opaque}"`;
    server = await startSipTestServer();
    await server.addUser('henk', 'henk-password');

    const a = await client();
    a.send(register(a, 'henk', 1));
    const challenge = headerValue(asResponse(await a.next()), 'Proxy-Authenticate')!;
    const nonce = /nonce="([^"]+)"/.exec(challenge)![1]!;
    const opaque = /opaque="([^"]+)"/.exec(challenge)![1]!;
    const captured = register(a, 'henk', 2, `Proxy-Authorization: ${authWith(nonce, opaque, '00000001', 'c1')}`);
    a.send(captured);
    expect(asResponse(await a.next()).status).toBe(200);

    // The exact same bytes from another connection, while the nonce is still valid.
    const b = await client();
    b.send(captured);
    const replayed = asResponse(await b.next());
    expect(replayed.status).toBe(407);
    const fresh = headerValue(replayed, 'Proxy-Authenticate')!;
    expect(fresh).toMatch(/^Digest realm="example\.com", nonce="[^"]+", opaque="[0-9a-f]+", qop="auth"$/);
    expect(fresh).not.toContain(nonce);
    expect(server.sip.status().counters).toMatchObject({ registerReplays: 1, registerFailures: 0 });

    // The same nonce with a higher nc (and its own cnonce) is a new, valid use.
    b.send(register(b, 'henk', 3, `Proxy-Authorization: ${authWith(nonce, opaque, '00000002', 'c2')}`));
    expect(asResponse(await b.next()).status).toBe(200);

    // Credentials on an authenticated connection are recorded too: a re-REGISTER's header cannot
    // be replayed elsewhere.
    const reRegister = register(a, 'henk', 4, `Proxy-Authorization: ${authWith(nonce, opaque, '00000003', 'c3')}`);
    a.send(reRegister);
    expect(asResponse(await a.next()).status).toBe(200);
    const c = await client();
    c.send(reRegister);
    expect(asResponse(await c.next()).status).toBe(407);
    expect(server.sip.status().counters).toMatchObject({ registerReplays: 2, registerFailures: 0 });

    // qop=auth was offered: the RFC 2069 form (no qop, nc, cnonce) is refused even with the right digest.
    const d = await client();
    d.send(register(d, 'henk', 1));
    const dNonce = /nonce="([^"]+)"/.exec(headerValue(asResponse(await d.next()), 'Proxy-Authenticate')!)![1]!;
    const rfc2069 = md5(`${ha1}:${dNonce}:${md5('REGISTER:(null)')}`);
    d.send(
      register(
        d,
        'henk',
        2,
        `Proxy-Authorization: Digest username="henk", realm="${DOMAIN}", nonce="${dNonce}", uri="(null)", response="${rfc2069}"`,
      ),
    );
    expect(asResponse(await d.next()).status).toBe(403);
    expect(server.sip.status().counters).toMatchObject({ registerReplays: 2, registerFailures: 1 });
  });
});
