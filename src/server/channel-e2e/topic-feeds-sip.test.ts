/**
 * Topic feeds end to end (issue 5 item 7): messages posted by a real SIP client over TCP raise the
 * new-match counts of another user's keyword feed and, for a mention, of their built-in ego feed;
 * a user who loses read access to the room stops counting its messages at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminEvent } from '../admin-api/contract.js';
import { startSipTestServer, type SipTestServer } from '../frontend/sip-test-server.test-support.js';
import { connectChatClient, type SipChatClient } from './sip-chat-client.test-support.js';

let server: SipTestServer | undefined;
let clients: SipChatClient[] = [];
afterEach(async () => {
  for (const c of clients) c.close();
  await server?.stop();
  server = undefined;
  clients = [];
});

const chanid = (uri: string) => {
  const [, domain, value] = /^ma-chan:\/\/([^/]+)\/(.+)$/.exec(uri)!;
  return `<chanid key="0" domain="${domain}" value="${value}"/>`;
};

async function setup() {
  server = await startSipTestServer();
  await server.setGlobalChat(true);
  await server.addUser('alice', 'alice-password');
  const bobId = await server.addUser('bob', 'bob-password');
  const cat = await server.ok('categories.create', { name: 'Ops' });
  const room = await server.ok('rooms.create', { name: 'Incidents', categoryId: cat.id, privacy: 'open' });
  const events: AdminEvent[] = [];
  server.handle.subscribe((e) => events.push(e));
  const alice = await connectChatClient(server.tcpPort, 'alice', 'alice-password');
  clients.push(alice);
  expect((await alice.cmd('join', chanid(room.uri))).resp.code).toBe(200);
  return { s: server, alice, bobId, room, events };
}

function counts(feeds: { id: string; newCount: number }[]): Record<string, number> {
  return Object.fromEntries(feeds.map((f) => [f.id, f.newCount]));
}

describe('topic feeds over real SIP', () => {
  it('counts posts matching a keyword feed and mentions in the ego feed; mark seen resets', async () => {
    const { s, alice, bobId, room, events } = await setup();
    const feed = await s.ok('feeds.create', { userId: bobId, name: 'Outages', keywords: 'outage db', match: 'any' });
    expect(counts((await s.ok('feeds.list', { userId: bobId })).items)).toEqual({ ego: 0, [feed.id]: 0 });

    expect(await alice.post(room.uri, 'database outage in eu-west')).toBe(200);
    expect(await alice.post(room.uri, 'db failover started')).toBe(200);
    expect(await alice.post(room.uri, 'lunch anyone?')).toBe(200);
    expect(await alice.post(room.uri, 'bob, can you look at the pager?')).toBe(200);
    await alice.waitFor((e) => (e.kind === 'grpchat' && e.message.text.includes('pager') ? true : undefined));

    const after = counts((await s.ok('feeds.list', { userId: bobId })).items);
    expect(after).toEqual({ ego: 1, [feed.id]: 2 });
    const matched = events.filter((e) => e.name === 'feed.counts.changed' && e.payload.reason === 'matched');
    expect(matched.map((e) => e.payload)).toEqual([
      { userId: bobId, feedIds: [feed.id], reason: 'matched' },
      { userId: bobId, feedIds: [feed.id], reason: 'matched' },
      { userId: bobId, feedIds: ['ego'], reason: 'matched' },
    ]);

    // Bob's own posts never count in his ego feed (he joins and says his own name).
    const bob = await connectChatClient(s.tcpPort, 'bob', 'bob-password');
    clients.push(bob);
    expect((await bob.cmd('join', chanid(room.uri))).resp.code).toBe(200);
    expect(await bob.post(room.uri, 'bob here, on it')).toBe(200);
    expect(counts((await s.ok('feeds.list', { userId: bobId })).items).ego).toBe(1);

    const page = await s.ok('feeds.matches', { userId: bobId, feedId: feed.id, limit: 10 });
    expect(page.items.map((m) => m.text)).toEqual(['db failover started', 'database outage in eu-west']);
    expect(page.items.every((m) => m.unseen && m.author === 'sip:alice@example.com')).toBe(true);

    expect((await s.ok('feeds.markSeen', { userId: bobId, feedId: feed.id })).newCount).toBe(0);
    expect((await s.ok('feeds.markSeen', { userId: bobId, feedId: 'ego' })).newCount).toBe(0);
    expect(await alice.post(room.uri, 'second outage, BOB')).toBe(200);
    expect(counts((await s.ok('feeds.list', { userId: bobId })).items)).toEqual({ ego: 1, [feed.id]: 1 });
  });

  it('stops counting a room the user can no longer read, and sends them no more events', async () => {
    const { s, alice, bobId, room, events } = await setup();
    const feed = await s.ok('feeds.create', { userId: bobId, name: 'Outages', keywords: 'outage', match: 'all' });
    expect(await alice.post(room.uri, 'outage one for bob')).toBe(200);
    expect(counts((await s.ok('feeds.list', { userId: bobId })).items)).toEqual({ ego: 1, [feed.id]: 1 });

    // The room becomes closed with Alice as its only member: Bob loses read access.
    await s.ok('rooms.setRoles', { id: room.id, members: ['sip:alice@example.com'] });
    await s.ok('rooms.update', { id: room.id, privacy: 'closed' });
    expect(counts((await s.ok('feeds.list', { userId: bobId })).items)).toEqual({ ego: 0, [feed.id]: 0 });

    const before = events.length;
    expect(await alice.post(room.uri, 'outage two for bob')).toBe(200);
    await alice.waitFor((e) => (e.kind === 'grpchat' && e.message.text.includes('two') ? true : undefined));
    expect(counts((await s.ok('feeds.list', { userId: bobId })).items)).toEqual({ ego: 0, [feed.id]: 0 });
    expect((await s.ok('feeds.matches', { userId: bobId, feedId: feed.id, limit: 10 })).items).toEqual([]);
    expect(events.slice(before).filter((e) => e.name === 'feed.counts.changed' && e.payload.userId === bobId)).toEqual(
      [],
    );

    // Access back: both posts count again (nothing was lost while he could not read them).
    await s.ok('rooms.update', { id: room.id, privacy: 'open' });
    expect(counts((await s.ok('feeds.list', { userId: bobId })).items)).toEqual({ ego: 2, [feed.id]: 2 });
  });
});
