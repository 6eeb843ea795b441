/**
 * Topic-feed rules through the real dispatcher and store (issue 5 item 7): the built-in ego feed
 * is listed first and refused for update and delete; unknown feeds, users and rooms are not
 * found; inputs are validated with the field named; a feed belongs to one user; every change is
 * audited and announced.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminResult } from './contract-errors.js';
import { startTestServer, type TestServer } from './handlers/in-process-harness.js';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

async function setup() {
  s = await startTestServer();
  const user = await s.ok('users.create', { sipUri: 'sip:ann@example.com', displayName: 'Ann', password: 'ann-pass1' });
  const other = await s.ok('users.create', {
    sipUri: 'sip:ben@example.com',
    displayName: 'Ben',
    password: 'ben-pass1',
  });
  return { s, userId: user.id, otherId: other.id };
}

function errorOf(r: AdminResult<unknown>) {
  expect(r.ok, JSON.stringify(r)).toBe(false);
  return r.ok ? undefined : r.error;
}

describe('feeds.* through the dispatcher', () => {
  it('lists the built-in ego feed first and refuses to update or delete it', async () => {
    const { s, userId } = await setup();
    const feeds = (await s.ok('feeds.list', { userId })).items;
    expect(feeds).toEqual([
      expect.objectContaining({ id: 'ego', builtIn: true, match: 'any', newCount: 0, capped: false, roomIds: null }),
    ]);
    expect(feeds[0]!.keywords).toMatch(/ann/i);

    const upd = errorOf(await s.call('feeds.update', { userId, feedId: 'ego', name: 'Mine' }, s.admin));
    expect(upd).toMatchObject({ code: 'ERR_TOPIC_FEED_BUILT_IN', details: { field: 'feedId' } });
    const del = errorOf(await s.call('feeds.delete', { userId, feedId: 'ego' }, s.admin));
    expect(del).toMatchObject({ code: 'ERR_TOPIC_FEED_BUILT_IN' });
    expect(s.auditLog('feeds.')).toEqual([]);
    // Reading and marking the ego feed is allowed.
    expect((await s.ok('feeds.matches', { userId, feedId: 'ego', limit: 5 })).items).toEqual([]);
    expect(await s.ok('feeds.markSeen', { userId, feedId: 'ego' })).toMatchObject({ id: 'ego', newCount: 0 });
  });

  it('creates, updates and deletes a feed, audited and announced', async () => {
    const { s, userId } = await setup();
    const cat = await s.ok('categories.create', { name: 'Ops' });
    const room = await s.ok('rooms.create', { name: 'Pager', categoryId: cat.id });
    const feed = await s.ok('feeds.create', { userId, name: 'Disks', keywords: 'disk full', match: 'all' });
    expect(feed).toMatchObject({ name: 'Disks', builtIn: false, roomIds: null, newCount: 0 });
    const updated = await s.ok('feeds.update', { userId, feedId: feed.id, match: 'exact', roomIds: [room.id] });
    expect(updated).toMatchObject({ keywords: 'disk full', match: 'exact', roomIds: [room.id] });
    expect((await s.ok('feeds.list', { userId })).items.map((f) => f.id)).toEqual(['ego', feed.id]);
    expect(await s.ok('feeds.delete', { userId, feedId: feed.id })).toEqual({ userId, feedId: feed.id });
    expect((await s.ok('feeds.list', { userId })).items.map((f) => f.id)).toEqual(['ego']);
    expect(s.auditLog('feeds.').map((a) => a.action)).toEqual(['feeds.delete', 'feeds.update', 'feeds.create']);
    const reasons = s.events.filter((e) => e.name === 'feed.counts.changed').map((e) => e.payload.reason);
    expect(reasons).toEqual(['created', 'updated', 'deleted']);
  });

  it('reports unknown feeds, users and rooms, and does not show one user another user’s feed', async () => {
    const { s, userId, otherId } = await setup();
    const feed = await s.ok('feeds.create', { userId, name: 'Disks', keywords: 'disk', match: 'any' });
    for (const [method, input] of [
      ['feeds.update', { userId, feedId: 'nope', name: 'X' }],
      ['feeds.delete', { userId, feedId: 'nope' }],
      ['feeds.matches', { userId, feedId: 'nope' }],
      ['feeds.markSeen', { userId, feedId: 'nope' }],
      ['feeds.delete', { userId: otherId, feedId: feed.id }],
      ['feeds.matches', { userId: otherId, feedId: feed.id }],
    ] as const) {
      expect(errorOf(await s.call(method, input, s.admin)), method).toMatchObject({
        code: 'ERR_TOPIC_FEED_NOT_FOUND',
      });
    }
    expect(errorOf(await s.call('feeds.list', { userId: 'nobody' }, s.admin))).toMatchObject({
      code: 'ERR_USER_NOT_FOUND',
    });
    expect(
      errorOf(await s.call('feeds.create', { userId, name: 'R', keywords: 'x', roomIds: ['no-room'] }, s.admin)),
    ).toMatchObject({ code: 'ERR_ROOM_NOT_FOUND', details: { field: 'roomIds' } });
    expect((await s.ok('feeds.list', { userId: otherId })).items.map((f) => f.id)).toEqual(['ego']);
  });

  it('validates names, keywords and match mode with the field named', async () => {
    const { s, userId } = await setup();
    const cases = [
      [{ userId, name: '', keywords: 'disk' }, 'name'],
      [{ userId, name: 'Disks', keywords: '   ' }, 'keywords'],
      [{ userId, name: 'Disks', keywords: '!!! ???' }, 'keywords'],
      [{ userId, name: 'Disks', keywords: 'x'.repeat(257) }, 'keywords'],
      [{ userId, name: 'Disks', keywords: 'disk', match: 'some' }, 'match'],
    ] as const;
    for (const [input, field] of cases) {
      const error = errorOf(await s.call('feeds.create', input, s.admin));
      expect(error?.code, JSON.stringify(input)).toBe('ERR_ADMIN_VALIDATION');
      const issues = (error?.details?.issues ?? []) as { path: string }[];
      expect(
        issues.map((i) => String(i.path)),
        JSON.stringify(error),
      ).toContain(field);
    }
    expect(errorOf(await s.call('feeds.markSeen', { userId, feedId: 'ego', upToId: -1 }, s.admin))).toMatchObject({
      code: 'ERR_ADMIN_VALIDATION',
    });
    expect(s.auditLog('feeds.')).toEqual([]);
  });

  it('requires a signed-in administrator', async () => {
    const { s, userId } = await setup();
    const anonymous = errorOf(await s.call('feeds.list', { userId }));
    expect(anonymous?.code).toBe('ERR_AUTH_REQUIRED');
  });
});
