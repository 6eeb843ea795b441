/**
 * The post-time feed index: re-filing one user's rules after a change (feeds created, edited,
 * deleted; the user renamed, deleted, added) leaves it matching exactly as an index built afresh
 * from the store, over random posts; and the matching rules themselves (modes, rooms, ego).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  SYSTEM_CTX,
  startChannelHarness,
  type ChannelHarness,
} from '../../../../channel-e2e/channel-harness.test-support.js';
import { createFeedIndex, type FeedHit } from './feed-index.js';
import { postWords } from './feed-match.js';
import type { FeedMatch } from './topic-feed-repo-port.js';

let h: ChannelHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

let seed = 11;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const norm = (hits: FeedHit[]) => {
  expect(new Set(hits.map((h) => h.userId)).size).toBe(hits.length); // one hit per user
  return hits.map((h) => `${h.userId} ${h.userUri} ${[...h.feedIds].sort().join(',')}`).sort();
};

async function room(harness: ChannelHarness, name: string) {
  const cat = await harness.categories.createCategory(
    { name: `Cat ${name}`, description: '', invitations: true, fileUpload: false, chatHistory: true },
    SYSTEM_CTX,
  );
  const r = await harness.rooms.createRoom(
    {
      name,
      description: '',
      categoryId: cat.id,
      privacy: 'open',
      type: 'normal',
      invitations: 'inherit',
      disabled: false,
    },
    SYSTEM_CTX,
  );
  return r.id;
}

describe('feed index', () => {
  it('matches modes, room lists and the ego feed (others’ posts only)', async () => {
    h = await startChannelHarness();
    const ann = await h.addUser('Ann');
    const a = await room(h, 'a');
    const b = await room(h, 'b');
    const mk = (keywords: string, match: FeedMatch, roomIds?: string[]) =>
      h!.topicFeeds.create({ userId: ann, name: keywords, keywords, match, ...(roomIds && { roomIds }) }, SYSTEM_CTX);
    const all = await mk('disk Outage', 'all');
    const any = await mk('disk outage', 'any');
    const exact = await mk('disk outage', 'exact');
    const pinned = await mk('ÉTÉ', 'any', [b]);
    const index = createFeedIndex(h.data, 'ego');
    const feedsOf = (text: string, roomId = a, author = 'sip:ben@example.com') =>
      index
        .match(postWords(text), roomId, author)
        .find((hit) => hit.userId === ann)
        ?.feedIds.sort() ?? [];
    expect(feedsOf('the DISK outage')).toEqual([all.id, any.id, exact.id].sort());
    expect(feedsOf('outage of a disk')).toEqual([all.id, any.id].sort());
    expect(feedsOf('a disk')).toEqual([any.id]);
    expect(feedsOf('nothing')).toEqual([]);
    expect(feedsOf('un été chaud')).toEqual([]);
    expect(feedsOf('un été chaud', b)).toEqual([pinned.id]);
    expect(feedsOf('hello ann')).toEqual(['ego']);
    expect(feedsOf('hello ann', a, 'SIP:Ann@example.com')).toEqual([]);
    expect(index.size).toBe(5);
  });

  it('re-filing one user after a change matches exactly as an index built afresh', async () => {
    h = await startChannelHarness();
    const harness = h;
    const rooms = [await room(harness, 'a'), await room(harness, 'b'), await room(harness, 'c')];
    const names = ['Ann', 'Ben', 'Cid', 'Dee', 'Eve', 'Fay'];
    const users = new Map<string, string>(); // id → name
    for (const n of names) users.set(await harness.addUser(n), n);
    const vocab = ['disk', 'outage', 'deploy', 'kernel', 'panic', 'release', 'café', 'ann', 'ben', 'dee', 'eve'];
    const modes: FeedMatch[] = ['all', 'any', 'exact'];
    const keywords = () => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(vocab)).join(' ');
    const roomIds = () => (rnd() < 0.3 ? [pick(rooms)] : null);
    const feeds = new Map<string, string>(); // feed id → user id

    const index = createFeedIndex(harness.data, 'ego');
    const post = () => ({
      text: Array.from({ length: 2 + Math.floor(rnd() * 6) }, () => pick(vocab)).join(' '),
      roomId: pick(rooms),
      author: `sip:${pick(names).toLowerCase()}@example.com`,
    });
    index.match(postWords('build it'), rooms[0]!, 'sip:x@example.com');
    let hits = 0;

    for (let step = 0; step < 80; step++) {
      const userIds = [...users.keys()];
      const feedIds = [...feeds.keys()];
      const op = rnd();
      let touched: string;
      if (op < 0.35 || feedIds.length === 0) {
        touched = pick(userIds);
        const f = await harness.topicFeeds.create(
          { userId: touched, name: `f${step}`, keywords: keywords(), match: pick(modes), roomIds: roomIds() },
          SYSTEM_CTX,
        );
        feeds.set(f.id, touched);
      } else if (op < 0.6) {
        const feedId = pick(feedIds);
        touched = feeds.get(feedId)!;
        await harness.topicFeeds.update(
          { userId: touched, feedId, keywords: keywords(), match: pick(modes), roomIds: roomIds() },
          SYSTEM_CTX,
        );
      } else if (op < 0.75) {
        const feedId = pick(feedIds);
        touched = feeds.get(feedId)!;
        await harness.topicFeeds.delete({ userId: touched, feedId }, SYSTEM_CTX);
        feeds.delete(feedId);
      } else if (op < 0.88) {
        touched = pick(userIds);
        const renamed = `${pick(vocab)} ${pick(vocab)}`;
        await harness.data.transaction((w) => {
          const record = w.users.getRecord(touched)!;
          w.users.update({ ...record, displayName: renamed });
        });
      } else if (op < 0.94 && users.size > 2) {
        touched = pick(userIds);
        await harness.data.transaction((w) => w.users.delete(touched));
        users.delete(touched);
        for (const [feedId, owner] of feeds) if (owner === touched) feeds.delete(feedId);
      } else {
        const n = `${pick(names)}${step}`;
        touched = await harness.addUser(n);
        users.set(touched, n);
      }
      index.refreshUser(touched);

      const fresh = createFeedIndex(harness.data, 'ego');
      for (let i = 0; i < 15; i++) {
        const p = post();
        const got = norm(index.match(postWords(p.text), p.roomId, p.author));
        expect(got, `step ${step}: ${p.text}`).toEqual(norm(fresh.match(postWords(p.text), p.roomId, p.author)));
        hits += got.length;
      }
      expect(index.size).toBe(fresh.size);
    }
    expect(hits).toBeGreaterThan(200);
  });
});
