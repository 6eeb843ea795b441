/**
 * The topic feeds' remembered access decisions against the uncached history-read rule
 * (loadRoomAccess: read right and a category that keeps history), over privacy, auditoriums,
 * disabled rooms, category scope (allowed group, denied user), chat history off and admins —
 * before and after each kind of access change, fed the change's own committed events.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  SYSTEM_CTX,
  startChannelHarness,
  type ChannelHarness,
} from '../../../../channel-e2e/channel-harness.test-support.js';
import type { Readers } from '../../../shared/data-port.js';
import { loadRoomAccess, policyUser } from '../../room-access.js';
import { createFeedAccess, type FeedAccess } from './feed-access.js';

let h: ChannelHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

function reference(r: Readers, uri: string): Map<number, string> {
  const who = policyUser(r, uri);
  const out = new Map<number, string>();
  for (const room of r.rooms.list({ disabled: false })) {
    const a = loadRoomAccess(r, room.id, who);
    if (a && a.rights.read && a.flags.logged) out.set(a.roomNum, room.id);
  }
  return out;
}

const sorted = (m: Map<number, string>) => [...m.values()].sort();

describe('feed access', () => {
  it('decides as loadRoomAccess does, before and after every kind of access change', async () => {
    h = await startChannelHarness();
    const harness = h;
    const users = ['Ann', 'Ben', 'Cid', 'Dee'];
    for (const u of users) await harness.addUser(u, u === 'Dee' ? 'admin' : 'user');
    const uri = (u: string) => `sip:${u.toLowerCase()}@example.com`;
    const group = await harness.directory.createGroup(
      { name: 'Ops', description: '', members: [uri('Ann')] },
      SYSTEM_CTX,
    );
    const cat = async (name: string, chatHistory = true) =>
      harness.categories.createCategory(
        { name, description: '', invitations: true, fileUpload: false, chatHistory },
        SYSTEM_CTX,
      );
    const a = await cat('A');
    const b = await cat('B');
    const c = await cat('C', false);
    await harness.roles.setScope({ id: b.id, allowedMembers: [`group:${group.id}`] }, SYSTEM_CTX);
    const room = async (
      name: string,
      categoryId: string,
      privacy: 'open' | 'closed' | 'secret' = 'open',
      type: 'normal' | 'auditorium' = 'normal',
      disabled = false,
    ) =>
      (
        await harness.rooms.createRoom(
          { name, description: '', categoryId, privacy, type, invitations: 'inherit', disabled },
          SYSTEM_CTX,
        )
      ).id;
    const open = await room('open', a.id);
    const closed = await room('closed', a.id, 'closed');
    const secret = await room('secret', a.id, 'secret');
    await room('stage', a.id, 'open', 'auditorium');
    await room('off', a.id, 'open', 'normal', true);
    await room('groupOnly', b.id);
    const noHistory = await room('noHistory', c.id);
    await harness.roles.setRoles({ id: closed, members: [uri('Ben')] }, SYSTEM_CTX);
    await harness.roles.setRoles({ id: secret, members: [uri('Cid')] }, SYSTEM_CTX);

    const access: FeedAccess = createFeedAccess();
    let seen = 0;
    const check = () => {
      for (const e of harness.events.slice(seen)) access.onEvent(e);
      seen = harness.events.length;
      harness.data.read((r) => {
        const roomIds = r.rooms.list({}).map((x) => x.id);
        for (const u of users) {
          const expected = reference(r, uri(u));
          expect(sorted(access.readableRooms(r, uri(u), null)), u).toEqual(sorted(expected));
          expect(sorted(access.readableRooms(r, uri(u), [closed, noHistory, secret]))).toEqual(
            sorted(expected).filter((id) => [closed, noHistory, secret].includes(id)),
          );
          for (const id of roomIds)
            expect(access.mayRead(r, uri(u), id), `${u} ${id}`).toBe(expected.has(r.channel.roomNum(id)!));
        }
      });
    };

    check();
    // Not a trivial rule: the users differ (Ben: closed; Cid: secret; Ann: the group's category; Dee: admin).
    harness.data.read((r) => expect(new Set(users.map((u) => sorted(reference(r, uri(u))).join())).size).toBe(4));
    await harness.roles.setRoles({ id: closed, members: [uri('Ben'), uri('Ann')] }, SYSTEM_CTX);
    check();
    await harness.roles.setScope({ id: a.id, deniedMembers: [uri('Ben')] }, SYSTEM_CTX);
    check();
    await harness.rooms.updateRoom({ id: open, disabled: true }, SYSTEM_CTX);
    check();
    await harness.rooms.updateRoom({ id: secret, privacy: 'open' }, SYSTEM_CTX);
    check();
    await harness.directory.updateGroup({ id: group.id, members: [] }, SYSTEM_CTX);
    check();
    await harness.categories.updateCategory({ id: c.id, chatHistory: true }, SYSTEM_CTX);
    check();
    await harness.rooms.updateRoom({ id: noHistory, categoryId: a.id }, SYSTEM_CTX);
    check();
  });

  it('keeps its decisions across access-neutral events and drops them on the others', async () => {
    h = await startChannelHarness();
    const harness = h;
    await harness.addUser('Ann');
    const cat = await harness.categories.createCategory(
      { name: 'A', description: '', invitations: true, fileUpload: false, chatHistory: true },
      SYSTEM_CTX,
    );
    const closed = (
      await harness.rooms.createRoom(
        {
          name: 'c',
          description: '',
          categoryId: cat.id,
          privacy: 'closed',
          type: 'normal',
          invitations: 'inherit',
          disabled: false,
        },
        SYSTEM_CTX,
      )
    ).id;
    const access = createFeedAccess();
    const ann = 'sip:ann@example.com';
    const may = () => harness.data.read((r) => access.mayRead(r, ann, closed));
    const rooms = () => harness.data.read((r) => [...access.readableRooms(r, ann, null).values()]);
    expect([may(), rooms()]).toEqual([false, []]);
    // A change written without its event is not seen until an event that may change access.
    await harness.data.transaction((w) => w.channel.setRoles(closed, 'member', [ann]));
    access.onEvent({ name: 'room.message.posted' });
    access.onEvent({ name: 'feed.counts.changed' });
    expect([may(), rooms()]).toEqual([false, []]);
    access.onEvent({ name: 'room.roles.updated' });
    expect([may(), rooms()]).toEqual([true, [closed]]);
  });
});
