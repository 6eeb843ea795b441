/**
 * Who may read which room, for topic feeds, without a store round trip per room and user.
 *
 * A feed list evaluates every enabled room for one user, and a post's count notification checks
 * one room for every user whose feed it matched: with loadRoomAccess (five reads per room, two per
 * user) that was ~100 µs per (room, user), 20 ms per feeds.list over 200 rooms and ~5 ms per post
 * at 5,000 feeds (bench:feeds). Here the per-room facts (room, category, scope, roles, room number),
 * the list of enabled rooms and each user's policy facts (admin role, groups) are remembered, and
 * the decision itself is the same pure channel-policy `roomRights` that loadRoomAccess applies.
 *
 * Invalidation is the channel's post-access cache rule (room-access-cache.ts): everything is
 * dropped on every committed domain event except the few that cannot change access (a post,
 * participants, history edits, feed counts, compliance progress), so a role, scope, privacy,
 * disabled, category, group or user change applies to the next read after the change's event,
 * which is published before the change's call returns.
 */
import type { Category } from '../../../categories/category-repo-port.js';
import type { Room } from '../../../rooms/room-repo-port.js';
import type { Readers } from '../../../shared/data-port.js';
import type { DomainEvent } from '../../../shared/events-port.js';
import type { CategoryScope } from '../../channel-repo-port.js';
import type { PolicyUser } from '../../channel-policy.js';
import { decideRoomAccess, policyUser, type RoomFacts } from '../../room-access.js';
import { mayChangeAccess } from '../../room-access-cache.js';

export interface FeedAccess {
  /** Rooms `userUri` may read now (room num → room id), of `roomIds` or of every enabled room. */
  readableRooms(r: Readers, userUri: string, roomIds: readonly string[] | null): Map<number, string>;
  /** Whether `userUri` may read `roomId`'s history now. */
  mayRead(r: Readers, userUri: string, roomId: string): boolean;
  onEvent(event: Pick<DomainEvent, 'name'>): void;
}

/** Remembered (room, user) decisions before they are all dropped (200 rooms × 1,000 users). */
const MAX_DECISIONS = 200_000;

export function createFeedAccess(): FeedAccess {
  // Plain maps keyed by the strings the callers hold (a room id, a user's stored SIP URI): V8
  // keeps a string's hash, so a lookup does not hash a freshly joined key on every post.
  const rooms = new Map<string, RoomFacts>();
  const categories = new Map<string, { category: Category; scope: CategoryScope }>();
  const people = new Map<string, PolicyUser>();
  let enabled: readonly Room[] | null = null;
  /** room id → user URI → may read: the post path asks this for every user a post's words match. */
  const decisions = new Map<string, Map<string, boolean>>();
  let decided = 0;

  function clear(): void {
    rooms.clear();
    categories.clear();
    people.clear();
    enabled = null;
    decisions.clear();
    decided = 0;
  }

  function categoryFacts(r: Readers, categoryId: string) {
    let c = categories.get(categoryId);
    if (!c) {
      const category = r.categories.get(categoryId);
      if (!category) return undefined;
      categories.set(categoryId, (c = { category, scope: r.channel.scope(category.id) }));
    }
    return c;
  }

  /** `listed`: the room as the enabled-rooms list just read it (saves reading it again). */
  function facts(r: Readers, roomId: string, listed?: Room): RoomFacts | undefined {
    const known = rooms.get(roomId);
    if (known) return known;
    const room = listed ?? r.rooms.get(roomId);
    if (!room) return undefined;
    const { category, scope } = categoryFacts(r, room.categoryId)!;
    const f: RoomFacts = {
      room,
      category,
      scope,
      roles: r.channel.roles(room.id),
      roomNum: r.channel.roomNum(room.id)!,
    };
    rooms.set(roomId, f);
    return f;
  }

  /** A feed reads only rooms that keep history. */
  function readable(f: RoomFacts, who: PolicyUser): boolean {
    const access = decideRoomAccess(who, f);
    return access.flags.logged && access.rights.read;
  }

  function who(r: Readers, userUri: string): PolicyUser {
    let p = people.get(userUri);
    if (!p) people.set(userUri, (p = policyUser(r, userUri)));
    return p;
  }

  return {
    readableRooms(r, userUri, roomIds) {
      const user = who(r, userUri);
      const out = new Map<number, string>();
      const add = (f: RoomFacts | undefined) => {
        if (f && readable(f, user)) out.set(f.roomNum, f.room.id);
      };
      if (roomIds) for (const id of roomIds) add(facts(r, id));
      else for (const room of (enabled ??= r.rooms.list({ disabled: false }))) add(facts(r, room.id, room));
      return out;
    },
    mayRead(r, userUri, roomId) {
      let inRoom = decisions.get(roomId);
      const known = inRoom?.get(userUri);
      if (known !== undefined) return known;
      const f = facts(r, roomId);
      const yes = f !== undefined && readable(f, who(r, userUri));
      if (decided >= MAX_DECISIONS) {
        decisions.clear();
        decided = 0;
        inRoom = undefined;
      }
      if (!inRoom) decisions.set(roomId, (inRoom = new Map()));
      inRoom.set(userUri, yes);
      decided++;
      return yes;
    },
    onEvent(event) {
      // The channel's post-access cache rule, so both caches drop on the same events.
      if (mayChangeAccess(event)) clear();
    },
  };
}
