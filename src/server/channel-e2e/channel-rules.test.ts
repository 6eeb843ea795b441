/**
 * Channel rules through the real service and store: ParticipantUpdateLimit with its 80 %
 * hysteresis, compliance rows in the action's own transaction (a rolled-back post leaves no CHAT
 * event and is not delivered), moving a room purges role entries outside the new scope,
 * presenters must be members, and the admin message actions (search, clear, remove/replace).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SYSTEM_CTX, startChannelHarness, type ChannelHarness } from './channel-harness.test-support.js';

let h: ChannelHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function room(harness: ChannelHarness, opts: { chatHistory?: boolean } = {}) {
  const cat = await harness.categories.createCategory(
    {
      name: `Cat ${Math.random()}`,
      description: '',
      invitations: true,
      fileUpload: false,
      chatHistory: opts.chatHistory ?? true,
    },
    SYSTEM_CTX,
  );
  const r = await harness.rooms.createRoom(
    {
      name: `Room ${Math.random()}`,
      description: '',
      categoryId: cat.id,
      privacy: 'open',
      type: 'normal',
      invitations: 'inherit',
      disabled: false,
    },
    SYSTEM_CTX,
  );
  const [, domain, value] = /^ma-chan:\/\/([^/]+)\/(.+)$/.exec(r.uri)!;
  return { cat, room: r, chanid: `<chanid key="0" domain="${domain}" value="${value}"/>` };
}

describe('channel rules', () => {
  it('suppresses roster notices above ParticipantUpdateLimit and resumes below 80 %', async () => {
    h = await startChannelHarness();
    await h.data.transaction((w) =>
      w.channel.updateServerConfig({ ...w.channel.serverConfig(), participantUpdateLimit: 5 }),
    );
    const { room: r, chanid } = await room(h);
    const eps = [];
    for (let i = 0; i < 7; i++) {
      await h.addUser(`u${i}`);
      eps.push(h.connect(`u${i}`));
    }
    const watcher = eps[0]!;
    for (const ep of eps.slice(0, 5)) await ep.cmd('join', chanid);
    await h.settle();
    expect(watcher.notices('join')).toHaveLength(4);
    // The 6th user takes the room above 5: no notice, no initial roster beyond the joiner.
    const sixth = await eps[5]!.cmd('join', chanid);
    expect(sixth.name === 'join' && sixth.data.users.map((u) => u.uri)).toEqual(['sip:u5@example.com']);
    await eps[6]!.cmd('join', chanid);
    await h.settle();
    expect(watcher.notices('join')).toHaveLength(4);
    expect(h.channel.suppressed(r.id)).toBe(true);
    // 7 → 4 participants: still ≥ 4 (80 % of 5) until it drops to 3.
    for (const ep of eps.slice(4, 7)) await ep.cmd('part', `<chanib uri="${r.uri}"/>`);
    await h.settle();
    expect(h.channel.suppressed(r.id)).toBe(true);
    expect(watcher.notices('part')).toHaveLength(0);
    await eps[3]!.cmd('part', `<chanib uri="${r.uri}"/>`);
    expect(h.channel.suppressed(r.id)).toBe(false);
    await eps[2]!.cmd('part', `<chanib uri="${r.uri}"/>`);
    await h.settle();
    expect(watcher.notices('part').map((n) => JSON.stringify(n.data))).toEqual([
      JSON.stringify({ rooms: [{ roomUri: r.uri, userUris: ['sip:u2@example.com'] }] }),
    ]);
  });

  it('records CHAT in the post transaction: a post that cannot be stored is refused, not delivered, and leaves no event', async () => {
    h = await startChannelHarness();
    await h.addUser('alice');
    const { room: r, chanid } = await room(h);
    const alice = h.connect('alice');
    await alice.cmd('join', chanid);
    expect(await alice.post(r.uri, 'first')).toBe(200);
    expect(h.compliance('CHAT')).toHaveLength(1);
    // Occupy the next per-room id so the message insert fails inside the transaction.
    await h.data.transaction((w) => {
      const num = w.channel.roomNum(r.id)!;
      w.channel.insertMessage({
        roomNum: num,
        seq: 2,
        author: 'sip:x@example.com',
        postedAt: 0,
        text: 'squatter',
        alert: false,
      });
    });
    expect(await alice.post(r.uri, 'second')).toBe(500);
    await h.settle();
    expect(h.compliance('CHAT')).toHaveLength(1);
    expect(alice.messages().map((m) => m.text)).toEqual(['first']);
    // Rooms without chat history still feed compliance but keep no messages.
    const { room: live, chanid: liveId } = await room(h, { chatHistory: false });
    await alice.cmd('join', liveId);
    expect(await alice.post(live.uri, 'ephemeral')).toBe(200);
    const hist = await alice.cmd('bccontext', `<chanib uri="${live.uri}"/>`);
    expect(hist.name === 'bccontext' && hist.data.messages).toEqual([]);
    expect(h.compliance('CHAT').map((e) => e.content)).toEqual(['first', 'ephemeral']);
    expect(h.compliance('BACKCHAT')).toHaveLength(1);
    expect(h.compliance('JOIN')).toHaveLength(2);
  });

  it('moving a room purges role entries outside the new scope and reports them; presenters must be members', async () => {
    h = await startChannelHarness();
    for (const u of ['ann', 'ben', 'cat']) await h.addUser(u);
    const a = await room(h);
    const b = await room(h);
    await h.roles.setScope({ id: b.cat.id, allowedMembers: ['sip:ann@example.com'] }, SYSTEM_CTX);
    await expect(
      h.roles.setRoles(
        { id: a.room.id, members: ['sip:ann@example.com'], presenters: ['sip:ben@example.com'] },
        SYSTEM_CTX,
      ),
    ).rejects.toMatchObject({ code: 'ERR_PRESENTER_NOT_MEMBER' });
    await h.roles.setRoles(
      {
        id: a.room.id,
        members: ['sip:ann@example.com', 'sip:ben@example.com'],
        managers: ['sip:cat@example.com'],
        presenters: ['sip:ben@example.com'],
      },
      SYSTEM_CTX,
    );
    await expect(
      h.roles.setRoles({ id: b.room.id, members: ['sip:ben@example.com'] }, SYSTEM_CTX),
    ).rejects.toMatchObject({
      code: 'ERR_PRINCIPAL_NOT_IN_SCOPE',
    });
    const moved = await h.roles.moveRoom({ id: a.room.id, categoryId: b.cat.id }, SYSTEM_CTX);
    expect(moved.purged).toEqual({
      members: ['sip:ben@example.com'],
      managers: ['sip:cat@example.com'],
      presenters: ['sip:ben@example.com'],
    });
    expect(h.roles.getRoles(a.room.id)).toEqual({ members: ['sip:ann@example.com'], managers: [], presenters: [] });
    // The same rule through rooms.update with a new category.
    await h.roles.setScope({ id: a.cat.id, allowedMembers: ['sip:ben@example.com'] }, SYSTEM_CTX);
    await h.rooms.updateRoom({ id: a.room.id, categoryId: a.cat.id }, SYSTEM_CTX);
    expect(h.roles.getRoles(a.room.id).members).toEqual([]);
  });

  it('admin search, clear history up to a date, and remove/replace by keywords, each recorded for compliance', async () => {
    h = await startChannelHarness();
    await h.addUser('alice');
    await h.addUser('bob');
    const { room: r, chanid } = await room(h);
    const alice = h.connect('alice');
    const bob = h.connect('bob');
    await alice.cmd('join', chanid);
    await bob.cmd('join', chanid);
    for (const [ep, text] of [
      [alice, 'the Secret plan'],
      [bob, 'lunch at noon'],
      [alice, 'secret handshake'],
      [bob, 'plans for friday'],
    ] as const) {
      expect(await ep.post(r.uri, text)).toBe(200);
    }
    const found = await h.messages.search({ text: 'secret', mode: 'all', limit: 10 }, SYSTEM_CTX);
    expect(found.items.map((m) => m.text)).toEqual(['secret handshake', 'the Secret plan']);
    const byBob = await h.messages.search(
      { text: 'plans lunch', mode: 'any', author: 'sip:bob@example.com', limit: 10 },
      SYSTEM_CTX,
    );
    expect(byBob.items.map((m) => m.messageId)).toEqual([4, 2]);
    const replaced = await h.messages.removeOrReplace(
      { roomId: r.id, keywords: 'Secret', match: 'all', caseSensitive: true, action: 'replace' },
      SYSTEM_CTX,
    );
    expect(replaced.messageIds).toEqual([1]);
    const removed = await h.messages.removeOrReplace(
      {
        roomId: r.id,
        author: 'sip:alice@example.com',
        keywords: 'secret handshake',
        match: 'exact',
        caseSensitive: false,
        action: 'remove',
      },
      SYSTEM_CTX,
    );
    expect(removed.messageIds).toEqual([3]);
    const page = await h.messages.history({ roomId: r.id, limit: 10 }, SYSTEM_CTX);
    expect(page.items.map((m) => [m.messageId, m.text])).toEqual([
      [4, 'plans for friday'],
      [2, 'lunch at noon'],
      [1, 'This message was removed by an administrator.'],
    ]);
    const until = page.items[1]!.at;
    expect(await h.messages.clearHistory({ id: r.id, until }, SYSTEM_CTX)).toEqual({ removed: 2 });
    expect((await h.messages.history({ roomId: r.id, limit: 10 }, SYSTEM_CTX)).items.map((m) => m.messageId)).toEqual([
      4,
    ]);
    expect(h.compliance('CHATREPLACE')).toHaveLength(1);
    expect(h.compliance('CHATDELETE')).toHaveLength(1);
    expect(h.compliance('HISTORYCLEAR')).toHaveLength(1);
    expect(h.compliance('BACKCHAT').length).toBeGreaterThanOrEqual(4);
  });
});
