/**
 * Topic feeds through the real Channel service and store: matching modes, the ego feed, new-match
 * counts and markSeen, privacy (a feed never counts or returns messages from rooms the user cannot
 * read, also after losing access), BACKCHAT rows for match reads, and the post-time count event.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  SYSTEM_CTX,
  startChannelHarness,
  type ChannelHarness,
  type TestEndpoint,
} from '../../../../channel-e2e/channel-harness.test-support.js';

let h: ChannelHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function room(harness: ChannelHarness, privacy: 'open' | 'closed' | 'secret' = 'open') {
  const cat = await harness.categories.createCategory(
    { name: `Cat ${Math.random()}`, description: '', invitations: true, fileUpload: false, chatHistory: true },
    SYSTEM_CTX,
  );
  const r = await harness.rooms.createRoom(
    {
      name: `Room ${Math.random()}`,
      description: '',
      categoryId: cat.id,
      privacy,
      type: 'normal',
      invitations: 'inherit',
      disabled: false,
    },
    SYSTEM_CTX,
  );
  const [, domain, value] = /^ma-chan:\/\/([^/]+)\/(.+)$/.exec(r.uri)!;
  return { cat, room: r, chanid: `<chanid key="0" domain="${domain}" value="${value}"/>` };
}

async function say(ep: TestEndpoint, r: { room: { uri: string }; chanid: string }, ...texts: string[]) {
  await ep.cmd('join', r.chanid);
  for (const t of texts) expect(await ep.post(r.room.uri, t)).toBe(200);
}

const count = (harness: ChannelHarness, userId: string, feedId: string) =>
  harness.topicFeeds.list(userId).find((f) => f.id === feedId)!.newCount;

describe('topic feeds', () => {
  it('counts new matches per mode (all, any, exact) and markSeen resets them', async () => {
    h = await startChannelHarness();
    const ann = await h.addUser('Ann');
    await h.addUser('Ben');
    const r = await room(h);
    const ben = h.connect('Ben');
    await say(ben, r, 'old outage report');
    const all = await h.topicFeeds.create(
      { userId: ann, name: 'A', keywords: 'disk outage', match: 'all' },
      SYSTEM_CTX,
    );
    const any = await h.topicFeeds.create(
      { userId: ann, name: 'B', keywords: 'disk outage', match: 'any' },
      SYSTEM_CTX,
    );
    const exact = await h.topicFeeds.create(
      { userId: ann, name: 'C', keywords: 'Disk Outage', match: 'exact' },
      SYSTEM_CTX,
    );
    expect([all.newCount, any.newCount, exact.newCount]).toEqual([0, 0, 0]); // only posts after creation
    await say(ben, r, 'the disk outage is over', 'outage on the DISK array', 'nothing here', 'a disk died');
    expect(count(h, ann, all.id)).toBe(2);
    expect(count(h, ann, any.id)).toBe(3);
    expect(count(h, ann, exact.id)).toBe(1);
    const page = await h.topicFeeds.matches({ userId: ann, feedId: any.id, limit: 2 }, SYSTEM_CTX);
    expect(page.items.map((m) => m.text)).toEqual(['a disk died', 'outage on the DISK array']);
    const next = await h.topicFeeds.matches(
      { userId: ann, feedId: any.id, limit: 10, beforeId: page.items[1]!.id },
      SYSTEM_CTX,
    );
    expect(next.items.map((m) => [m.text, m.unseen])).toEqual([
      ['the disk outage is over', true],
      ['old outage report', false],
    ]);
    const seen = await h.topicFeeds.markSeen({ userId: ann, feedId: any.id }, SYSTEM_CTX);
    expect(seen.newCount).toBe(0);
    await say(ben, r, 'outage again');
    expect(count(h, ann, any.id)).toBe(1);
    expect(count(h, ann, all.id)).toBe(2);
  });

  it('the ego feed counts mentions of the display name or SIP user part by others only', async () => {
    h = await startChannelHarness();
    const ann = await h.addUser('Ann');
    await h.addUser('Ben');
    const r = await room(h);
    const ben = h.connect('Ben');
    const annEp = h.connect('Ann');
    await say(ben, r, 'hi ANN', 'ann: ping', 'annabel is not ann?', 'banner');
    await say(annEp, r, 'I am Ann');
    // 'annabel is not ann?' names ann; 'banner' does not; Ann's own post does not count.
    expect(count(h, ann, 'ego')).toBe(3);
    const page = await h.topicFeeds.matches({ userId: ann, feedId: 'ego', limit: 10 }, SYSTEM_CTX);
    expect(page.items.every((m) => m.author === 'sip:ben@example.com')).toBe(true);
    await h.topicFeeds.markSeen({ userId: ann, feedId: 'ego' }, SYSTEM_CTX);
    expect(count(h, ann, 'ego')).toBe(0);
    await expect(h.topicFeeds.delete({ userId: ann, feedId: 'ego' }, SYSTEM_CTX)).rejects.toMatchObject({
      code: 'ERR_TOPIC_FEED_BUILT_IN',
    });
  });

  it('never counts or returns messages from rooms the user cannot read, also after losing access', async () => {
    h = await startChannelHarness();
    const ann = await h.addUser('Ann');
    await h.addUser('Ben');
    const open = await room(h);
    const closed = await room(h, 'closed');
    await h.roles.setRoles({ id: closed.room.id, members: ['sip:ben@example.com'] }, SYSTEM_CTX);
    const feed = await h.topicFeeds.create({ userId: ann, name: 'X', keywords: 'secret', match: 'any' }, SYSTEM_CTX);
    const pinned = await h.topicFeeds.create(
      { userId: ann, name: 'Y', keywords: 'secret', match: 'any', roomIds: [closed.room.id] },
      SYSTEM_CTX,
    );
    const ben = h.connect('Ben');
    await say(ben, closed, 'secret plan');
    await say(ben, open, 'open secret');
    expect(count(h, ann, feed.id)).toBe(1);
    expect(count(h, ann, pinned.id)).toBe(0);
    expect(count(h, ann, 'ego')).toBe(0);
    const page = await h.topicFeeds.matches({ userId: ann, feedId: feed.id, limit: 10 }, SYSTEM_CTX);
    expect(page.items.map((m) => m.text)).toEqual(['open secret']);
    // Ann becomes a member of the closed room: it counts; then the room is disabled: it no longer does.
    await h.roles.setRoles({ id: closed.room.id, members: ['sip:ben@example.com', 'sip:ann@example.com'] }, SYSTEM_CTX);
    expect(count(h, ann, feed.id)).toBe(2);
    expect(count(h, ann, pinned.id)).toBe(1);
    await h.rooms.updateRoom({ id: closed.room.id, disabled: true }, SYSTEM_CTX);
    expect(count(h, ann, feed.id)).toBe(1);
    expect(count(h, ann, pinned.id)).toBe(0);
    await h.rooms.updateRoom({ id: closed.room.id, disabled: false }, SYSTEM_CTX);
    // Denied in the open room's category scope (the ethical wall): the open room drops out.
    await h.roles.setScope({ id: open.cat.id, deniedMembers: ['sip:ann@example.com'] }, SYSTEM_CTX);
    const after = await h.topicFeeds.matches({ userId: ann, feedId: feed.id, limit: 10 }, SYSTEM_CTX);
    expect(after.items.map((m) => m.text)).toEqual(['secret plan']);
    expect(count(h, ann, feed.id)).toBe(1);
  });

  it('each matches read records BACKCHAT per disclosed room in the read transaction', async () => {
    h = await startChannelHarness();
    const ann = await h.addUser('Ann');
    await h.addUser('Ben');
    const a = await room(h);
    const b = await room(h);
    const feed = await h.topicFeeds.create(
      { userId: ann, name: 'Deploys', keywords: 'deploy', match: 'any' },
      SYSTEM_CTX,
    );
    const ben = h.connect('Ben');
    await say(ben, a, 'deploy one');
    await say(ben, b, 'deploy two', 'deploy three');
    const before = h.compliance('BACKCHAT').length;
    await h.topicFeeds.matches({ userId: ann, feedId: feed.id, limit: 10 }, SYSTEM_CTX);
    const rows = h.compliance('BACKCHAT').slice(before);
    expect(rows.map((row) => row.room_id).sort()).toEqual([a.room.id, b.room.id].sort());
    expect(rows.every((row) => String(row.content).startsWith('topic feed Deploys'))).toBe(true);
  });

  it('publishes feed.counts.changed for users whose feeds a post matches and who may read it', async () => {
    h = await startChannelHarness();
    const ann = await h.addUser('Ann');
    const cid = await h.addUser('Cid');
    await h.addUser('Ben');
    const open = await room(h);
    const closed = await room(h, 'closed');
    await h.roles.setRoles({ id: closed.room.id, members: ['sip:ben@example.com', 'sip:cid@example.com'] }, SYSTEM_CTX);
    const fa = await h.topicFeeds.create(
      { userId: ann, name: 'K', keywords: 'kernel panic', match: 'exact' },
      SYSTEM_CTX,
    );
    const fc = await h.topicFeeds.create({ userId: cid, name: 'K', keywords: 'kernel', match: 'any' }, SYSTEM_CTX);
    const ben = h.connect('Ben');
    const mark = h.events.length;
    await say(ben, closed, 'kernel panic at 3am');
    await say(ben, open, 'panic kernel', 'hello Ann');
    await h.settle();
    const changes = h.events
      .slice(mark)
      .flatMap((e) => (e.name === 'feed.counts.changed' && e.payload.reason === 'matched' ? [e.payload] : []));
    expect(changes).toEqual([
      { userId: cid, feedIds: [fc.id], reason: 'matched' },
      { userId: cid, feedIds: [fc.id], reason: 'matched' },
      { userId: ann, feedIds: ['ego'], reason: 'matched' },
    ]);
    expect(fa.newCount).toBe(0);
  });

  it('after the first post, a feed edit or delete applies to the very next post', async () => {
    h = await startChannelHarness();
    const harness = h;
    const ann = await harness.addUser('Ann');
    await harness.addUser('Ben');
    const r = await room(harness);
    const ben = harness.connect('Ben');
    const feed = await harness.topicFeeds.create(
      { userId: ann, name: 'K', keywords: 'kernel', match: 'any' },
      SYSTEM_CTX,
    );
    const told = async (text: string) => {
      const mark = harness.events.length;
      await say(ben, r, text);
      await harness.settle();
      return harness.events
        .slice(mark)
        .flatMap((e) =>
          e.name === 'feed.counts.changed' && e.payload.reason === 'matched' ? [e.payload.feedIds] : [],
        );
    };
    expect(await told('kernel one')).toEqual([[feed.id]]); // the index now exists
    await harness.topicFeeds.update({ userId: ann, feedId: feed.id, keywords: 'panic' }, SYSTEM_CTX);
    expect(await told('kernel two')).toEqual([]);
    expect(await told('panic three')).toEqual([[feed.id]]);
    const second = await harness.topicFeeds.create(
      { userId: ann, name: 'P', keywords: 'panic attack', match: 'exact' },
      SYSTEM_CTX,
    );
    expect(await told('panic attack')).toEqual([[feed.id, second.id]]);
    await harness.topicFeeds.delete({ userId: ann, feedId: feed.id }, SYSTEM_CTX);
    expect(await told('panic attack')).toEqual([[second.id]]);
  });

  it('a post tells a user only while they may read the room, also right after a roles change', async () => {
    h = await startChannelHarness();
    const harness = h;
    const ann = await harness.addUser('Ann');
    await harness.addUser('Ben');
    const closed = await room(harness, 'closed');
    const members = (...names: string[]) =>
      harness.roles.setRoles({ id: closed.room.id, members: names.map((n) => `sip:${n}@example.com`) }, SYSTEM_CTX);
    await members('ben', 'ann');
    const feed = await harness.topicFeeds.create(
      { userId: ann, name: 'K', keywords: 'kernel', match: 'any' },
      SYSTEM_CTX,
    );
    const ben = harness.connect('Ben');
    const told = async () => {
      const mark = harness.events.length;
      await say(ben, closed, 'kernel');
      await harness.settle();
      return harness.events
        .slice(mark)
        .filter((e) => e.name === 'feed.counts.changed' && e.payload.reason === 'matched').length;
    };
    expect(await told()).toBe(1);
    await members('ben');
    expect(await told()).toBe(0);
    expect(count(harness, ann, feed.id)).toBe(0);
    await members('ben', 'ann');
    expect(await told()).toBe(1);
    expect(count(harness, ann, feed.id)).toBe(3); // counts read all three posts once she may read them again
  });
});
