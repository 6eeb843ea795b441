/**
 * Topic feeds (issue 5 item 7; LYNC.md §4 item 8, §8.7): a user's named keyword filters over the
 * rooms they can read, plus a built-in "ego" feed (id `ego`) for posts that name the user by
 * display name or SIP user part. Each feed shows how many matches are newer than its seen mark.
 *
 * Counting: computed at read time with FTS4, bounded by `docid > seen` and capped (COUNT_CAP),
 * over the rooms the user may read at that moment (the same rights as a history read: privacy,
 * scope, denied members, disabled rooms, rooms that keep history). Nothing is written on the post
 * path, and a lost permission drops a room from counts and matches at once; incremental counters
 * would need recomputing after every role/scope/privacy change. The cap bounds the work by the
 * number of NEW matches, not by the size of the history (figures in the slice's test).
 *
 * Rights: the same decision as loadRoomAccess, from per-room and per-user facts remembered until
 * the next domain event that may change access (feed-access.ts; the channel's post-access cache
 * rule). Recomputing them per read was 20 ms of every feeds.list over 200 rooms (bench:feeds).
 *
 * Posts: after commit, each `room.message.posted` is checked in memory against an index of
 * every feed's keywords (feed-index.ts; cost: the post's words, not the number of feeds); users
 * whose feeds match and who may read the room get `feed.counts.changed`. A feed or user change
 * re-files that user's rules only.
 *
 * XCCOS: not exposed to chat clients. XCCOS.md §6.14 and §11.1 list "filters and topic feeds" as
 * of unknown wire form, and §6.10 documents `getpref`/`setpref` only as opaque preference blobs
 * (`{user}.GroupChannels`), not as where Lync keeps feeds, so no wire form is invented here.
 */
import { ServerError } from '../../../../errors/server-error.js';
import type { AuditService } from '../../../audit/audit-service.js';
import type { ComplianceEventInput } from '../../../compliance/compliance-event.js';
import type { User } from '../../../users/user-repo-port.js';
import type { ActionContext, Actor } from '../../../shared/actor.js';
import type { Clock, IdGenerator } from '../../../shared/clock-port.js';
import type { DataPort, Readers } from '../../../shared/data-port.js';
import type { DomainEvent, EventPublisher } from '../../../shared/events-port.js';
import { createFeedAccess } from './feed-access.js';
import { egoRule, keywordRule, postWords, type FeedRule } from './feed-match.js';
import { createFeedIndex } from './feed-index.js';
import type { FeedMatch, FeedSearch, TopicFeed } from './topic-feed-repo-port.js';

export const EGO_FEED_ID = 'ego';
/** New-match counts stop here (the console shows "1000+"). */
export const COUNT_CAP = 1000;

export interface TopicFeedsDeps {
  data: DataPort;
  audit: AuditService;
  events: EventPublisher;
  clock: Clock;
  newId: IdGenerator;
  subscribe(listener: (event: DomainEvent) => void): () => void;
}

export interface TopicFeedView {
  id: string;
  name: string;
  builtIn: boolean;
  keywords: string;
  match: FeedMatch;
  roomIds: string[] | null;
  seenId: number;
  newCount: number;
  /** The count reached COUNT_CAP. */
  capped: boolean;
  createdAt: string;
}

export interface FeedMatchView {
  roomId: string;
  messageId: number;
  id: number;
  author: string;
  at: string;
  text: string;
  alert: boolean;
  storyTitle: string | null;
  /** Newer than the feed's seen mark. */
  unseen: boolean;
}

type Reason = 'created' | 'updated' | 'deleted' | 'seen' | 'matched';

const notFound = (feedId: string) =>
  new ServerError('ERR_TOPIC_FEED_NOT_FOUND', undefined, { id: feedId, field: 'feedId' });

function userOf(r: Readers, userId: string): User {
  const user = r.users.get(userId);
  if (!user) throw new ServerError('ERR_USER_NOT_FOUND', undefined, { id: userId, field: 'userId' });
  return user;
}

interface ResolvedFeed {
  feed: TopicFeed | null;
  rule: FeedRule;
  seenId: number;
  roomIds: string[] | null;
  excludeAuthor?: string;
}

function egoCreatedAt(user: User): string {
  return user.createdAt;
}

export function createTopicFeedsService({ data, audit, events, clock, newId, subscribe }: TopicFeedsDeps) {
  const access = createFeedAccess();
  /** Rooms the user may read now (room num → room id), optionally limited to `roomIds`. */
  const readableRooms = (r: Readers, user: User, roomIds: string[] | null) =>
    access.readableRooms(r, user.sipUri, roomIds);

  function resolve(r: Readers, user: User, feedId: string): ResolvedFeed {
    if (feedId === EGO_FEED_ID) {
      return {
        feed: null,
        rule: egoRule(user),
        seenId: r.topicFeeds.egoSeen(user.id),
        roomIds: null,
        excludeAuthor: user.sipUri,
      };
    }
    const feed = r.topicFeeds.getFeed(user.id, feedId);
    if (!feed) throw notFound(feedId);
    return { feed, rule: keywordRule(feed.keywords, feed.match), seenId: feed.seenId, roomIds: feed.roomIds };
  }

  function searchOf(f: ResolvedFeed, rooms: Map<number, string>): FeedSearch {
    return {
      ...f.rule,
      roomNums: [...rooms.keys()],
      ...(f.excludeAuthor !== undefined && { excludeAuthor: f.excludeAuthor }),
    };
  }

  function viewOf(r: Readers, user: User, f: ResolvedFeed, allReadable: Map<number, string>): TopicFeedView {
    const rooms = f.roomIds === null ? allReadable : readableRooms(r, user, f.roomIds);
    const n = r.topicFeeds.countMatches(searchOf(f, rooms), f.seenId, COUNT_CAP);
    return {
      id: f.feed?.id ?? EGO_FEED_ID,
      name: f.feed?.name ?? 'Mentions of me',
      builtIn: f.feed === null,
      keywords: f.feed?.keywords ?? f.rule.clauses.map((c) => c.join(' ')).join(', '),
      match: f.feed?.match ?? 'any',
      roomIds: f.roomIds,
      seenId: f.seenId,
      newCount: n,
      capped: n >= COUNT_CAP,
      createdAt: f.feed?.createdAt ?? egoCreatedAt(user),
    };
  }

  function list(userId: string): TopicFeedView[] {
    return data.read((r) => {
      const user = userOf(r, userId);
      const readable = readableRooms(r, user, null);
      const feeds = [
        resolve(r, user, EGO_FEED_ID),
        ...r.topicFeeds.listFeeds(user.id).map((f) => resolve(r, user, f.id)),
      ];
      return feeds.map((f) => viewOf(r, user, f, readable));
    });
  }

  function one(userId: string, feedId: string): TopicFeedView {
    return data.read((r) => {
      const user = userOf(r, userId);
      return viewOf(r, user, resolve(r, user, feedId), readableRooms(r, user, null));
    });
  }

  function changed(userId: string, feedIds: string[], reason: Reason): void {
    events.publish({ name: 'feed.counts.changed', payload: { userId, feedIds, reason } });
  }

  function assertRooms(r: Readers, roomIds: string[] | undefined | null): void {
    for (const id of roomIds ?? []) {
      if (!r.rooms.get(id)) throw new ServerError('ERR_ROOM_NOT_FOUND', undefined, { id, field: 'roomIds' });
    }
  }

  async function create(
    input: { userId: string; name: string; keywords: string; match: FeedMatch; roomIds?: string[] | null },
    { actor }: ActionContext,
  ): Promise<TopicFeedView> {
    const feed = await data.transaction((w) => {
      userOf(w, input.userId);
      assertRooms(w, input.roomIds);
      const now = clock.now().toISOString();
      const f: TopicFeed = {
        id: newId(),
        userId: input.userId,
        name: input.name,
        keywords: input.keywords,
        match: input.match,
        roomIds: input.roomIds && input.roomIds.length > 0 ? [...new Set(input.roomIds)] : null,
        // New matches are those posted after the feed was created.
        seenId: w.topicFeeds.lastMessageId(),
        createdAt: now,
        updatedAt: now,
      };
      w.topicFeeds.insertFeed(f);
      w.audit.append(audit.entry(actor, 'feeds.create', input.userId, null, f));
      return f;
    });
    changed(input.userId, [feed.id], 'created');
    return one(input.userId, feed.id);
  }

  function assertEditable(feedId: string): void {
    if (feedId === EGO_FEED_ID)
      throw new ServerError('ERR_TOPIC_FEED_BUILT_IN', undefined, { id: feedId, field: 'feedId' });
  }

  async function update(
    input: {
      userId: string;
      feedId: string;
      name?: string;
      keywords?: string;
      match?: FeedMatch;
      roomIds?: string[] | null;
    },
    { actor }: ActionContext,
  ): Promise<TopicFeedView> {
    assertEditable(input.feedId);
    await data.transaction((w) => {
      userOf(w, input.userId);
      const before = w.topicFeeds.getFeed(input.userId, input.feedId);
      if (!before) throw notFound(input.feedId);
      assertRooms(w, input.roomIds);
      const after: TopicFeed = {
        ...before,
        ...(input.name !== undefined && { name: input.name }),
        ...(input.keywords !== undefined && { keywords: input.keywords }),
        ...(input.match !== undefined && { match: input.match }),
        ...(input.roomIds !== undefined && {
          roomIds: input.roomIds && input.roomIds.length > 0 ? [...new Set(input.roomIds)] : null,
        }),
        updatedAt: clock.now().toISOString(),
      };
      w.topicFeeds.updateFeed(after);
      w.audit.append(audit.entry(actor, 'feeds.update', input.userId, before, after));
    });
    changed(input.userId, [input.feedId], 'updated');
    return one(input.userId, input.feedId);
  }

  async function remove(input: { userId: string; feedId: string }, { actor }: ActionContext) {
    assertEditable(input.feedId);
    await data.transaction((w) => {
      userOf(w, input.userId);
      const before = w.topicFeeds.getFeed(input.userId, input.feedId);
      if (!before || !w.topicFeeds.deleteFeed(input.userId, input.feedId)) throw notFound(input.feedId);
      w.audit.append(audit.entry(actor, 'feeds.delete', input.userId, before, null));
    });
    changed(input.userId, [input.feedId], 'deleted');
    return { userId: input.userId, feedId: input.feedId };
  }

  /** Raises the seen mark to `upToId` (default: the newest message); never lowers it. */
  async function markSeen(input: { userId: string; feedId: string; upToId?: number }, { actor }: ActionContext) {
    await data.transaction((w) => {
      const user = userOf(w, input.userId);
      const f = resolve(w, user, input.feedId);
      const seenId = Math.max(f.seenId, input.upToId ?? w.topicFeeds.lastMessageId());
      if (f.feed === null) w.topicFeeds.setEgoSeen(user.id, seenId);
      else w.topicFeeds.setSeen(user.id, f.feed.id, seenId);
      w.audit.append(
        audit.entry(actor, 'feeds.markSeen', input.userId, { seenId: f.seenId }, { feedId: input.feedId, seenId }),
      );
    });
    changed(input.userId, [input.feedId], 'seen');
    return one(input.userId, input.feedId);
  }

  function complianceUser(r: Readers, actor: Actor): ComplianceEventInput['user'] {
    const record = actor.id === null ? undefined : r.users.get(actor.id);
    return {
      id: actor.id,
      uri: record?.sipUri ?? actor.name,
      name: record?.displayName ?? actor.name,
      email: record?.email ?? '',
    };
  }

  /**
   * A page of matches, newest first, from rooms the user may read now. A history read: one
   * BACKCHAT per room whose messages the page discloses, in the read's own transaction.
   */
  async function matches(
    input: { userId: string; feedId: string; beforeId?: number; limit: number },
    { actor }: ActionContext,
  ): Promise<{ items: FeedMatchView[]; seenId: number }> {
    return data.transaction((w) => {
      const user = userOf(w, input.userId);
      const f = resolve(w, user, input.feedId);
      const rooms = readableRooms(w, user, f.roomIds);
      const found = w.topicFeeds.findMatches(searchOf(f, rooms), input.limit, input.beforeId);
      const at = clock.now().toISOString();
      const byRoom = new Map<string, number>();
      for (const m of found) {
        const id = rooms.get(m.roomNum)!;
        byRoom.set(id, (byRoom.get(id) ?? 0) + 1);
      }
      for (const [roomId, count] of byRoom) {
        const room = w.rooms.get(roomId)!;
        w.compliance.record({
          type: 'BACKCHAT',
          at,
          room: { id: room.id, uri: room.uri, name: room.name, logged: true },
          user: complianceUser(w, actor),
          content: `topic feed ${f.feed?.name ?? 'Mentions of me'}: ${f.feed?.keywords ?? 'ego'}`,
          details: {
            feedId: input.feedId,
            feedOwner: user.id,
            count,
            ...(input.beforeId !== undefined && { beforeId: input.beforeId }),
          },
        });
      }
      return {
        seenId: f.seenId,
        items: found.map((m) => ({
          roomId: rooms.get(m.roomNum)!,
          messageId: m.seq,
          id: m.id,
          author: m.author,
          at: new Date(m.postedAt).toISOString(),
          text: m.text,
          alert: m.alert,
          storyTitle: m.story?.title ?? null,
          unseen: m.id > f.seenId,
        })),
      };
    });
  }

  // ---- post-time notification: which users' counts may have changed --------------------------

  const index = createFeedIndex(data, EGO_FEED_ID);

  function onPosted(payload: { roomId: string; author: string; text: string }): void {
    const hits = index.match(postWords(payload.text), payload.roomId, payload.author);
    if (hits.length === 0) return;
    const readers = data.read((r) => hits.filter((h) => access.mayRead(r, h.userUri, payload.roomId)));
    for (const { userId, feedIds } of readers) changed(userId, feedIds, 'matched');
  }

  const unsubscribe = subscribe((event) => {
    access.onEvent(event);
    switch (event.name) {
      case 'room.message.posted':
        onPosted(event.payload);
        break;
      case 'feed.counts.changed':
        if (event.payload.reason !== 'seen' && event.payload.reason !== 'matched')
          index.refreshUser(event.payload.userId);
        break;
      case 'user.created':
      case 'user.updated':
      case 'user.deleted':
        index.refreshUser(event.payload.id);
        break;
      default:
        // a user event this index does not know: start again
        if (event.name.startsWith('user.')) index.reset();
    }
  });

  return { list, create, update, delete: remove, markSeen, matches, stop: unsubscribe };
}

export type TopicFeedsService = ReturnType<typeof createTopicFeedsService>;
