/**
 * The post path remembers each (room, author)'s access between posts (room-access-cache.ts).
 * These tests warm that cache with an accepted post, change something that affects access through
 * the real admin services, and prove the very next post is decided on the new state: room roles,
 * room privacy / type / disabled, category scope (denied and allowed members), room move, group
 * membership, and — for the events the harness has no service for — the cache's own rule that
 * every event except the access-neutral ones clears it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAccessCache } from '../services/channel/room-access-cache.js';
import { SYSTEM_CTX, startChannelHarness, type ChannelHarness } from './channel-harness.test-support.js';

let h: ChannelHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const uri = (name: string) => `sip:${name}@example.com`;

async function setup(privacy: 'open' | 'closed' = 'open') {
  h = await startChannelHarness();
  await h.addUser('alice');
  await h.addUser('bob');
  const cat = await h.categories.createCategory(
    { name: 'Cat', description: '', invitations: false, fileUpload: false, chatHistory: true },
    SYSTEM_CTX,
  );
  const room = await h.rooms.createRoom(
    {
      name: 'Room',
      description: '',
      categoryId: cat.id,
      privacy,
      type: 'normal',
      invitations: 'inherit',
      disabled: false,
    },
    SYSTEM_CTX,
  );
  if (privacy === 'closed') await h.roles.setRoles({ id: room.id, members: [uri('alice')] }, SYSTEM_CTX);
  const value = room.uri.slice(room.uri.lastIndexOf('/') + 1);
  const alice = h.connect('alice');
  const join = await alice.cmd('join', `<chanid key="0" domain="example.com" value="${value}"/>`);
  expect(join.resp.code).toBe(200);
  // Warm the cache: an accepted post.
  expect(await alice.post(room.uri, 'first')).toBe(200);
  expect(h.channel.accessCacheSize()).toBe(1);
  return { harness: h, cat, room, alice };
}

describe('post access cache invalidation', () => {
  it('room roles: a member removed from a closed room cannot post on the next post', async () => {
    const { harness, room, alice } = await setup('closed');
    await harness.roles.setRoles({ id: room.id, members: [uri('bob')] }, SYSTEM_CTX);
    expect(await alice.post(room.uri, 'after removal')).not.toBe(200);
  });

  it('room privacy: open → closed (not a member) refuses the next post', async () => {
    const { harness, room, alice } = await setup('open');
    await harness.rooms.updateRoom({ id: room.id, privacy: 'closed' }, SYSTEM_CTX);
    expect(await alice.post(room.uri, 'after closing')).not.toBe(200);
  });

  it('room type: auditorium refuses a non-presenter; making her presenter allows again', async () => {
    const { harness, room, alice } = await setup('open');
    await harness.rooms.updateRoom({ id: room.id, type: 'auditorium' }, SYSTEM_CTX);
    expect(await alice.post(room.uri, 'not a presenter')).not.toBe(200);
    await harness.roles.setRoles({ id: room.id, members: [uri('alice')], presenters: [uri('alice')] }, SYSTEM_CTX);
    expect(await alice.post(room.uri, 'presenter now')).toBe(200);
  });

  it('room disabled refuses the next post', async () => {
    const { harness, room, alice } = await setup('open');
    await harness.rooms.updateRoom({ id: room.id, disabled: true }, SYSTEM_CTX);
    expect(await alice.post(room.uri, 'disabled')).not.toBe(200);
  });

  it('category scope: a denied member cannot post on the next post', async () => {
    const { harness, cat, room, alice } = await setup('open');
    await harness.roles.setScope({ id: cat.id, deniedMembers: [uri('alice')] }, SYSTEM_CTX);
    expect(await alice.post(room.uri, 'denied')).not.toBe(200);
  });

  it('category scope: allowed members not including her refuses the next post', async () => {
    const { harness, cat, room, alice } = await setup('open');
    await harness.roles.setScope({ id: cat.id, allowedMembers: [uri('bob')] }, SYSTEM_CTX);
    expect(await alice.post(room.uri, 'out of scope')).not.toBe(200);
  });

  it('room move into a category whose scope excludes her refuses the next post', async () => {
    const { harness, room, alice } = await setup('open');
    const other = await harness.categories.createCategory(
      { name: 'Other', description: '', invitations: false, fileUpload: false, chatHistory: true },
      SYSTEM_CTX,
    );
    await harness.roles.setScope({ id: other.id, allowedMembers: [uri('bob')] }, SYSTEM_CTX);
    await harness.roles.moveRoom({ id: room.id, categoryId: other.id }, SYSTEM_CTX);
    expect(await alice.post(room.uri, 'moved')).not.toBe(200);
  });

  it('group membership: removing her from the group that makes her a member refuses the next post', async () => {
    h = await startChannelHarness();
    await h.addUser('alice');
    await h.addUser('bob');
    const group = await h.directory.createGroup(
      { name: 'G', description: '', members: [uri('alice'), uri('bob')] },
      SYSTEM_CTX,
    );
    const cat = await h.categories.createCategory(
      { name: 'Cat', description: '', invitations: false, fileUpload: false, chatHistory: true },
      SYSTEM_CTX,
    );
    const room = await h.rooms.createRoom(
      {
        name: 'Room',
        description: '',
        categoryId: cat.id,
        privacy: 'closed',
        type: 'normal',
        invitations: 'inherit',
        disabled: false,
      },
      SYSTEM_CTX,
    );
    await h.roles.setRoles({ id: room.id, members: [`group:${group.id}`] }, SYSTEM_CTX);
    const alice = h.connect('alice');
    const value = room.uri.slice(room.uri.lastIndexOf('/') + 1);
    expect((await alice.cmd('join', `<chanid key="0" domain="example.com" value="${value}"/>`)).resp.code).toBe(200);
    expect(await alice.post(room.uri, 'as a group member')).toBe(200);
    await h.directory.updateGroup({ id: group.id, members: [uri('bob')] }, SYSTEM_CTX);
    expect(await alice.post(room.uri, 'no longer in the group')).not.toBe(200);
  });

  it('clears on every event that may change access (users, policies, config, …), keeps on neutral ones', () => {
    const cache = createAccessCache<number>();
    const fill = () => cache.get('room', 'sip:alice@example.com', () => 1);
    for (const name of [
      'room.message.posted',
      'room.participants.changed',
      'room.history.changed',
      'compliance.run.progressed',
    ]) {
      fill();
      cache.onEvent({ name } as never);
      expect(cache.size, name).toBe(1);
    }
    for (const name of [
      'room.roles.updated',
      'room.updated',
      'room.deleted',
      'category.updated',
      'category.scope.updated',
      'category.deleted',
      'policy.created',
      'policy.updated',
      'policy.deleted',
      'policy.assigned',
      'group.created',
      'group.updated',
      'group.deleted',
      'user.created',
      'user.updated',
      'user.deleted',
      'chat.config.updated',
      'some.future.event',
    ]) {
      fill();
      expect(cache.size).toBe(1);
      cache.onEvent({ name } as never);
      expect(cache.size, name).toBe(0);
    }
  });
});
