/**
 * sip.js room flow over SIP-over-WebSocket (issue 5 "sip.js UA does the same flow"): two sip.js
 * UserAgents sign in with Digest, find the chat server through the lookup step, list rooms
 * (`cmd:chansrch`), join with `cmd:join` and `cmd:bjoin`, read the history another user left
 * (`cmd:bccontext`), post and get their own post back, receive each other's posts, see each
 * other's `ntc:join`/`ntc:bjoin`/`ntc:part`, and leave (`cmd:part`) — against a real server whose
 * category and closed room were created through the admin API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectChatClient, type SipChatClient } from '../../channel-e2e/sip-chat-client.test-support.js';
import { DOMAIN, startSipTestServer, type SipTestServer } from '../sip-test-server.test-support.js';
import { connectSipJsChatClient, type SipJsChatClient } from './sipjs-chat-client.test-support.js';

let server: SipTestServer | undefined;
const stops: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  await server?.stop();
  server = undefined;
});

const ALICE = `sip:alice@${DOMAIN}`;
const BOB = `sip:bob@${DOMAIN}`;
const CAROL = `sip:carol@${DOMAIN}`;

const chanid = (uri: string) => {
  const [, domain, value] = /^ma-chan:\/\/([^/]+)\/(.+)$/.exec(uri)!;
  return `<chanid key="0" domain="${domain}" value="${value}"/>`;
};

type Client = SipJsChatClient | SipChatClient;

function noticeAbout(c: Client, names: string[], user: string) {
  return c.waitFor((e) =>
    e.kind === 'ntc'
      ? e.notices.find((n) => names.includes(n.name) && JSON.stringify(n.data).includes(`"${user}"`))
      : undefined,
  );
}

function messageWith(c: Client, text: string) {
  return c.waitFor((e) => (e.kind === 'grpchat' && e.message.text === text ? e.message : undefined));
}

describe('sip.js UserAgents over WebSocket in a room', () => {
  it('list, join/bjoin, history, post + echo, each other’s posts and notices, part', async () => {
    server = await startSipTestServer();
    for (const u of ['alice', 'bob', 'carol']) await server.addUser(u, `${u}-password`);
    await server.setGlobalChat(true);
    const users = [ALICE, BOB, CAROL];
    const cat = await server.ok('categories.create', { name: 'Web', chatHistory: true });
    await server.ok('categories.setScope', { id: cat.id, allowedMembers: users });
    const room = await server.ok('rooms.create', { name: 'Web Lounge', categoryId: cat.id, privacy: 'closed' });
    await server.ok('rooms.setRoles', { id: room.id, members: users });

    // Carol (a scripted TCP client) leaves two messages for the history, then goes.
    const carol = await connectChatClient(server.tcpPort, 'carol', 'carol-password');
    stops.push(() => carol.close());
    expect((await carol.cmd('join', chanid(room.uri))).resp.code).toBe(200);
    expect(await carol.post(room.uri, 'first from carol')).toBe(200);
    expect(await carol.post(room.uri, 'second from carol')).toBe(200);
    expect((await carol.cmd('part', `<chanib uri="${room.uri}"/>`)).resp.code).toBe(200);

    const wsUrl = `${server.handle.httpUrl!.replace(/^http/, 'ws')}/sip`;
    const alice = await connectSipJsChatClient({ wsUrl, domain: DOMAIN, user: 'alice', password: 'alice-password' });
    stops.push(() => alice.stop());
    const bob = await connectSipJsChatClient({ wsUrl, domain: DOMAIN, user: 'bob', password: 'bob-password' });
    stops.push(() => bob.stop());
    expect(alice.chatUri).toBe(`sip:parlance-chat@${DOMAIN}`);

    // Room list.
    const list = await alice.cmd('chansrch', '<qib qtype="BYNAME" criteria="Lounge" extended="false"/>');
    expect(list.name === 'chansrch' ? list.data.rooms.map((r) => [r.name, r.uri]) : []).toEqual([
      ['Web Lounge', room.uri],
    ]);

    // Alice joins with cmd:join and reads the history, oldest first.
    const aj = await alice.cmd('join', chanid(room.uri));
    expect(aj).toMatchObject({ id: 'rpl:join', resp: { code: 200 } });
    expect(aj.name === 'join' ? aj.data.rooms[0] : undefined).toMatchObject({ uri: room.uri, name: 'Web Lounge' });
    const history = await alice.cmd('bccontext', `<chanib uri="${room.uri}"/><bcq><last cnt="25"/></bcq>`);
    expect(history.resp.code).toBe(200);
    const past = history.name === 'bccontext' ? history.data.messages : [];
    expect(past.map((m) => [m.author, m.text])).toEqual([
      [CAROL, 'first from carol'],
      [CAROL, 'second from carol'],
    ]);

    // Bob joins with cmd:bjoin; his roster lists Alice, and Alice is told.
    const bj = await bob.cmd('bjoin', chanid(room.uri));
    expect(bj).toMatchObject({ id: 'rpl:bjoin', resp: { code: 200 } });
    expect(bj.name === 'bjoin' ? bj.data.users.map((u) => u.uri).sort() : []).toEqual([ALICE, BOB]);
    await noticeAbout(alice, ['join', 'bjoin'], BOB);

    // Posts: each comes back to its author and reaches the other.
    expect(await alice.post(room.uri, 'hello from the web')).toBe(200);
    for (const c of [alice, bob]) {
      expect(await messageWith(c, 'hello from the web')).toMatchObject({
        chanUri: room.uri,
        author: ALICE,
        messageId: '3',
      });
    }
    expect(await bob.post(room.uri, 'bob over websocket')).toBe(200);
    for (const c of [alice, bob]) expect(await messageWith(c, 'bob over websocket')).toMatchObject({ author: BOB });

    // Bob leaves: Alice sees ntc:part; then Alice leaves.
    const bp = await bob.cmd('part', `<chanib uri="${room.uri}"/>`);
    expect(bp).toMatchObject({ id: 'rpl:part', resp: { code: 200 } });
    await noticeAbout(alice, ['part'], BOB);
    expect(await alice.post(room.uri, 'after bob left')).toBe(200);
    await messageWith(alice, 'after bob left');
    expect(bob.inbox.some((e) => e.kind === 'grpchat' && e.message.text === 'after bob left')).toBe(false);
    expect((await alice.cmd('part', `<chanib uri="${room.uri}"/>`)).resp.code).toBe(200);
    // Parted: a post is refused.
    expect(await alice.post(room.uri, 'not joined')).toBe(403);

    const ws = (await server.ok('sip.recentMessages', { limit: 1000 })).items.filter(
      (m) => m.transport === 'WS' && m.direction === 'in' && m.firstLine.startsWith('INFO '),
    );
    for (const id of ['cmd:chansrch', 'cmd:join', 'cmd:bjoin', 'cmd:bccontext', 'grpchat', 'cmd:part']) {
      expect(
        ws.some((m) => m.text.includes(`id="${id}"`)),
        id,
      ).toBe(true);
    }
  }, 30_000);
});
