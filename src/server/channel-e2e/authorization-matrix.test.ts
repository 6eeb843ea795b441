/**
 * The authorization matrix (issue 5, Tests): role × privacy × type × disabled × action, each case
 * asserted at the protocol level with real XCCOS bodies — `cmd:chansrch` finds the room or not,
 * `cmd:join` and `cmd:bccontext` answer 200 or a refusal, a `grpchat` post gets SIP 200 or a
 * refusal, `cmd:getfutok` gives a token or not. Manage is not an XCCOS operation; it is checked
 * against the service's decision (`rooms.details` roles + channel-policy) and the roster's
 * manager key. The expected values below are written from LYNC.md §2.3/§2.4, not computed by the
 * code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomRights, principalsOf } from '../services/channel/channel-policy.js';
import {
  DOMAIN,
  SYSTEM_CTX,
  startChannelHarness,
  type ChannelHarness,
  type TestEndpoint,
} from './channel-harness.test-support.js';

const ROLES = ['none', 'inScope', 'denied', 'member', 'manager', 'presenter', 'creator', 'admin'] as const;
const PRIVACIES = ['open', 'closed', 'secret'] as const;
const TYPES = ['normal', 'auditorium'] as const;
const ACTIONS = ['search', 'join', 'history', 'post', 'upload', 'manage'] as const;
type Role = (typeof ROLES)[number];
type Privacy = (typeof PRIVACIES)[number];
type RoomType = (typeof TYPES)[number];
type Action = (typeof ACTIONS)[number];

/** LYNC.md §2.3 (privacy, auditorium, disabled) and §2.4 (roles), as a table. */
function expected(role: Role, privacy: Privacy, type: RoomType, disabled: boolean, action: Action): boolean {
  if (action === 'manage') return role === 'admin' || role === 'manager';
  if (disabled) return false;
  const enters =
    ['admin', 'member', 'presenter'].includes(role) ||
    (privacy === 'open' && ['inScope', 'creator', 'manager'].includes(role));
  switch (action) {
    case 'search':
      return (
        ['admin', 'member', 'presenter', 'manager'].includes(role) ||
        (privacy !== 'secret' && ['inScope', 'creator'].includes(role))
      );
    case 'join':
    case 'history':
      return enters;
    case 'post':
    case 'upload':
      return type === 'auditorium' ? role === 'admin' || role === 'presenter' : enters;
  }
}

let h: ChannelHarness;
const endpoints = new Map<Role, TestEndpoint>();
const rooms = new Map<string, { id: string; uri: string; name: string }>();
const key = (p: Privacy, t: RoomType, d: boolean) => `${p}-${t}-${d ? 'disabled' : 'enabled'}`;

beforeAll(async () => {
  h = await startChannelHarness();
  for (const role of ROLES) await h.addUser(role, role === 'admin' ? 'admin' : 'user');
  const uri = (r: Role) => `sip:${r.toLowerCase()}@${DOMAIN}`;
  const insiders = await h.directory.createGroup(
    { name: 'Insiders', description: '', members: ROLES.filter((r) => !['none', 'admin'].includes(r)).map(uri) },
    SYSTEM_CTX,
  );
  const category = await h.categories.createCategory(
    { name: 'Desk', description: '', invitations: false, fileUpload: true, chatHistory: true },
    SYSTEM_CTX,
  );
  await h.roles.setScope(
    {
      id: category.id,
      allowedMembers: [`group:${insiders.id}`],
      deniedMembers: [uri('denied')],
      creators: [uri('creator')],
    },
    SYSTEM_CTX,
  );
  for (const privacy of PRIVACIES) {
    for (const type of TYPES) {
      for (const disabled of [false, true]) {
        const name = `Room ${key(privacy, type, disabled)}`;
        const room = await h.rooms.createRoom(
          { name, description: '', categoryId: category.id, privacy, type, invitations: 'inherit', disabled: false },
          SYSTEM_CTX,
        );
        await h.roles.setRoles(
          {
            id: room.id,
            members: [uri('member'), uri('presenter')],
            managers: [uri('manager')],
            presenters: [uri('presenter')],
          },
          SYSTEM_CTX,
        );
        if (disabled) await h.rooms.updateRoom({ id: room.id, disabled: true }, SYSTEM_CTX);
        rooms.set(key(privacy, type, disabled), { id: room.id, uri: room.uri, name });
      }
    }
  }
  for (const role of ROLES) endpoints.set(role, h.connect(role));
});

afterAll(async () => {
  await h.stop();
});

async function perform(role: Role, room: { id: string; uri: string; name: string }, action: Action): Promise<boolean> {
  const ep = endpoints.get(role)!;
  const [, domain, id] = /^ma-chan:\/\/([^/]+)\/(.+)$/.exec(room.uri)!;
  switch (action) {
    case 'search': {
      const reply = await ep.cmd('chansrch', `<qib qtype="BYNAME" criteria="${room.name}" extended="false"/>`);
      expect(reply.resp.code).toBe(200);
      return reply.name === 'chansrch' && reply.data.rooms.some((r) => r.uri === room.uri);
    }
    case 'join': {
      const reply = await ep.cmd('join', `<chanid key="0" domain="${domain}" value="${id}"/>`);
      if (reply.resp.code !== 200) {
        expect([403, 404, 410]).toContain(reply.resp.code);
        return false;
      }
      // The joining user is always in the roster, through an aib group.
      const data = reply.name === 'join' ? reply.data : undefined;
      const me = data!.users.find((u) => u.uri === ep.uri)!;
      const joined = data!.rooms[0]!;
      expect(joined.kind === 'joined' && joined.groups.some((g) => g.userIds.includes(me.id))).toBe(true);
      await ep.cmd('part', `<chanib uri="${room.uri}"/>`);
      return true;
    }
    case 'history': {
      const reply = await ep.cmd('bccontext', `<chanib uri="${room.uri}"/><bcq><last cnt="5"/></bcq>`);
      return reply.resp.code === 200;
    }
    case 'post': {
      await ep.cmd('join', `<chanid key="0" domain="${domain}" value="${id}"/>`);
      const status = await ep.post(room.uri, `hello from ${role}`);
      await ep.cmd('part', `<chanib uri="${room.uri}"/>`);
      if (status !== 200) expect([403, 404, 410]).toContain(status);
      return status === 200;
    }
    case 'upload': {
      const reply = await ep.cmd('getfutok', `<ftdb channelUri="${room.uri}" fileUrl="notes.txt"/>`);
      return reply.resp.code === 200 && reply.name === 'getftok' && typeof reply.data.token === 'string';
    }
    case 'manage': {
      // Managers are not automatically members (LYNC.md §2.3): the decision comes from the roles.
      return h.data.read((r) => {
        const user = { uri: ep.uri, isAdmin: role === 'admin', groups: r.channel.groupsOf(ep.uri) };
        const full = r.rooms.get(room.id)!;
        const rights = roomRights(
          user,
          { privacy: full.privacy, type: full.type, disabled: full.disabled, fileUpload: true },
          r.channel.scope(full.categoryId),
          r.channel.roles(full.id),
        );
        expect(principalsOf(user)).toContain(ep.uri);
        return rights.manage;
      });
    }
  }
}

const CASES = ROLES.flatMap((role) =>
  PRIVACIES.flatMap((privacy) =>
    TYPES.flatMap((type) =>
      [false, true].flatMap((disabled) =>
        ACTIONS.map((action) => ({
          role,
          privacy,
          type,
          disabled,
          action,
          allow: expected(role, privacy, type, disabled, action),
        })),
      ),
    ),
  ),
);

describe('authorization matrix', () => {
  it('has at least 150 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    expect(CASES.some((c) => c.allow)).toBe(true);
    expect(CASES.some((c) => !c.allow)).toBe(true);
  });

  it.each(CASES)('$role · $privacy · $type · disabled=$disabled · $action → $allow', async (c) => {
    const room = rooms.get(key(c.privacy, c.type, c.disabled))!;
    expect(await perform(c.role, room, c.action)).toBe(c.allow);
  });
});
