/**
 * The Channel part of the admin contract (spread into contract.ts): category scope and creators,
 * room roles, moves, add-ins, groups, participants, history, search, message removal and the
 * server's chat configuration (LYNC.md §2.2–§2.10, §3.1). Imports only zod.
 */
import { z } from 'zod';

const Id = z.string().min(1).max(64);
const Timestamp = z.string();
const Name = z.string().trim().min(1, 'Name is required').max(256, 'Name must be at most 256 characters');

/** `sip:{user}@{domain}`, `group:{group id}` or `domain:{sip domain}` (LYNC.md §2.4). */
export const Principal = z
  .string()
  .trim()
  .transform((p) => (p.toLowerCase().startsWith('sip:') || p.toLowerCase().startsWith('domain:') ? p.toLowerCase() : p))
  .pipe(
    z
      .string()
      .regex(
        /^(sip:[^@\s]+@[^@\s]+|group:\S+|domain:[a-z0-9.-]+)$/,
        'Use sip:user@domain, group:{group id} or domain:{domain}',
      ),
  );
const Principals = z.array(Principal).max(10000);

export const CategoryScope = z.object({
  allowedMembers: z.array(z.string()),
  deniedMembers: z.array(z.string()),
  creators: z.array(z.string()),
});

export const RoomRoles = z.object({
  members: z.array(z.string()),
  managers: z.array(z.string()),
  presenters: z.array(z.string()),
});

export const Addin = z.object({
  id: Id,
  name: z.string(),
  url: z.string(),
  roomCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const Group = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  members: z.array(z.string()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ChatMessage = z.object({
  roomId: Id,
  /** Per-room message id. */
  messageId: z.number().int(),
  /** Global id: the paging key of search results. */
  id: z.number().int(),
  author: z.string(),
  at: Timestamp,
  text: z.string(),
  alert: z.boolean(),
  storyTitle: z.string().nullable(),
});

export const FeedMatch = z.enum(['all', 'any', 'exact']);
const FeedKeywords = z
  .string()
  .trim()
  .min(1, 'Keywords are required')
  .max(256, 'Keywords must be at most 256 characters')
  .regex(/[\p{L}\p{N}_]/u, 'Keywords need at least one letter or digit');

/** A topic feed with its new-match count (capped: `capped` when it reached the cap). */
export const TopicFeed = z.object({
  id: Id,
  name: z.string(),
  builtIn: z.boolean(),
  keywords: z.string(),
  match: FeedMatch,
  roomIds: z.array(Id).nullable(),
  seenId: z.number().int(),
  newCount: z.number().int(),
  capped: z.boolean(),
  createdAt: Timestamp,
});

export const ServerChatConfig = z.object({
  /** Messages delivered when a room is opened (1–500). */
  defaultChatHistory: z.number().int().min(1).max(500),
  maxFileSizeKb: z.number().int().min(1).max(1_000_000),
  /** Above this many participants roster updates stop; they resume below 80 %. */
  participantUpdateLimit: z.number().int().min(1).max(100_000),
  messageSizeLimit: z.number().int().min(1).max(1_000_000),
  storySizeLimit: z.number().int().min(1).max(10_000_000),
  searchLimit: z.number().int().min(1).max(100_000),
  roomManagementUrl: z.union([z.literal(''), z.string().url()]),
  dbVersion: z.string(),
});

const AddinUrl = z
  .string()
  .trim()
  .url('Must be a URL')
  .max(255)
  .refine((u) => /^https?:\/\//i.test(u), 'Add-in URLs are http or https');

const RoleName = z.enum(['member', 'manager', 'presenter', 'creator']);
const SearchMode = z.enum(['all', 'any', 'phrase']);

const method = <I extends z.ZodTypeAny, O extends z.ZodTypeAny>(input: I, output: O) =>
  ({ input, output, public: false }) as const;
const list = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });
const ById = z.object({ id: Id });

export const channelMethods = {
  /** AllowedMembers, DeniedMembers and Creators of a category. */
  'categories.getScope': method(ById, CategoryScope),
  /** Replaces the given lists; room roles that fall outside the new scope are purged and reported. */
  'categories.setScope': method(
    z.object({
      id: Id,
      allowedMembers: Principals.optional(),
      deniedMembers: Principals.optional(),
      creators: Principals.optional(),
    }),
    CategoryScope.extend({ purged: z.array(z.object({ roomId: Id, removed: RoomRoles })) }),
  ),
  'rooms.getRoles': method(ById, RoomRoles),
  /** Members, managers, presenters; all inside the category scope, presenters also members. */
  'rooms.setRoles': method(
    z.object({
      id: Id,
      members: Principals.optional(),
      managers: Principals.optional(),
      presenters: Principals.optional(),
    }),
    RoomRoles.extend({ invited: z.array(z.string()) }),
  ),
  /** Re-parents the room; role entries outside the new category's scope are purged and reported. */
  'rooms.move': method(
    z.object({ id: Id, categoryId: Id }),
    z.object({ roomId: Id, categoryId: Id, purged: RoomRoles }),
  ),
  'rooms.setAddin': method(z.object({ id: Id, addinId: Id.nullable() }), z.object({ id: Id, addinId: Id.nullable() })),
  /** The room inspector's header: flags, add-in, roles, live participant and message counts. */
  'rooms.details': method(
    ById,
    z.object({
      id: Id,
      addinId: Id.nullable(),
      roles: RoomRoles,
      flags: z.object({ logged: z.boolean(), filePost: z.boolean(), invite: z.boolean() }),
      participants: z.number().int(),
      suppressed: z.boolean(),
      messageCount: z.number().int(),
      lastMessageId: z.number().int(),
    }),
  ),
  /** Who is online in the room now. */
  'rooms.participants': method(
    ById,
    z.object({
      items: z.array(z.object({ uri: z.string(), displayName: z.string(), endpoints: z.number().int() })),
      suppressed: z.boolean(),
    }),
  ),
  /** `Get-CsPersistentChatEligiblePrincipal`: users (groups expanded) who qualify for a role. */
  'rooms.eligiblePrincipals': method(
    z.object({ roomId: Id.optional(), categoryId: Id.optional(), role: RoleName }),
    list(z.object({ principal: z.string(), displayName: z.string() })),
  ),
  /** `Clear-CsPersistentChatRoom`: removes messages posted up to and including `until`. */
  'rooms.clearHistory': method(z.object({ id: Id, until: Timestamp }), z.object({ removed: z.number().int() })),
  'rooms.invitations': method(
    ById,
    list(z.object({ userUri: z.string(), inviteId: z.number().int(), createdAt: Timestamp })),
  ),
  /** `Remove-CsPersistentChatMessage`: delete, or replace with the default or the given text. */
  'messages.removeOrReplace': method(
    z.object({
      roomId: Id,
      author: z.string().trim().toLowerCase().optional(),
      from: Timestamp.optional(),
      to: Timestamp.optional(),
      keywords: z.string().max(1000).optional(),
      match: z.enum(['all', 'any', 'exact']).default('all'),
      caseSensitive: z.boolean().default(false),
      action: z.enum(['remove', 'replace']).default('remove'),
      replacement: z.string().max(8000).optional(),
    }),
    z.object({ count: z.number().int(), messageIds: z.array(z.number().int()) }),
  ),
  /** Full-text history search, newest first, capped by the search limit. */
  'messages.search': method(
    z.object({
      text: z.string().min(1).max(1000),
      mode: SearchMode.default('all'),
      roomIds: z.array(Id).max(1000).optional(),
      author: z.string().trim().toLowerCase().optional(),
      from: Timestamp.optional(),
      to: Timestamp.optional(),
      beforeId: z.number().int().optional(),
      limit: z.number().int().min(1).max(1000).default(50),
    }),
    list(ChatMessage).extend({ exceeded: z.boolean() }),
  ),
  /** A room's history page, newest first; `beforeMessageId` pages backwards. */
  'messages.history': method(
    z.object({
      roomId: Id,
      beforeMessageId: z.number().int().optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    list(ChatMessage),
  ),
  'addins.list': method(z.object({}).strict().default({}), list(Addin)),
  'addins.create': method(z.object({ name: Name.pipe(z.string().max(50)), url: AddinUrl }), Addin),
  'addins.update': method(
    z.object({ id: Id, name: Name.pipe(z.string().max(50)).optional(), url: AddinUrl.optional() }),
    Addin,
  ),
  /** Detaches it from rooms that use it (`-Force`). */
  'addins.delete': method(ById, z.object({ id: Id, detachedRooms: z.number().int() })),
  'groups.list': method(z.object({}).strict().default({}), list(Group)),
  'groups.create': method(
    z.object({ name: Name, description: z.string().max(256).default(''), members: Principals.default([]) }),
    Group,
  ),
  'groups.update': method(
    z.object({
      id: Id,
      name: Name.optional(),
      description: z.string().max(256).optional(),
      members: Principals.optional(),
    }),
    Group,
  ),
  'groups.delete': method(ById, z.object({ id: Id })),
  /** A user's followed rooms with unread counts. */
  'users.followedRooms': method(
    z.object({ userId: Id }),
    list(z.object({ roomId: Id, unread: z.number().int(), lastMessageId: z.number().int() })),
  ),
  /** Topic feeds (issue 5 item 7): a user's keyword filters with new-match counts; `ego` is built in. */
  'feeds.list': method(z.object({ userId: Id }), list(TopicFeed)),
  'feeds.create': method(
    z.object({
      userId: Id,
      name: Name,
      keywords: FeedKeywords,
      match: FeedMatch.default('all'),
      /** Omitted or empty: every room the user can read. */
      roomIds: z.array(Id).max(1000).nullable().optional(),
    }),
    TopicFeed,
  ),
  'feeds.update': method(
    z.object({
      userId: Id,
      feedId: Id,
      name: Name.optional(),
      keywords: FeedKeywords.optional(),
      match: FeedMatch.optional(),
      roomIds: z.array(Id).max(1000).nullable().optional(),
    }),
    TopicFeed,
  ),
  'feeds.delete': method(z.object({ userId: Id, feedId: Id }), z.object({ userId: Id, feedId: Id })),
  /** Matches newest first from rooms the user can read now; each read is BACKCHAT. */
  'feeds.matches': method(
    z.object({
      userId: Id,
      feedId: Id,
      beforeId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    z.object({ items: z.array(ChatMessage.extend({ unseen: z.boolean() })), seenId: z.number().int() }),
  ),
  /** Raises the seen mark to `upToId` (default: the newest message). */
  'feeds.markSeen': method(
    z.object({ userId: Id, feedId: Id, upToId: z.number().int().nonnegative().optional() }),
    TopicFeed,
  ),
  'chat.config': method(z.object({}).strict().default({}), ServerChatConfig),
  'chat.updateConfig': method(ServerChatConfig.omit({ dbVersion: true }).partial(), ServerChatConfig),
} as const;

export const channelEvents = {
  'room.message.posted': z.object({
    roomId: Id,
    messageId: z.number().int(),
    author: z.string(),
    at: Timestamp,
    text: z.string(),
    alert: z.boolean(),
    storyTitle: z.string().nullable(),
  }),
  'room.participants.changed': z.object({ roomId: Id, count: z.number().int(), suppressed: z.boolean() }),
  'room.roles.updated': z.object({ roomId: Id }),
  'room.history.changed': z.object({ roomId: Id }),
  'category.scope.updated': z.object({ categoryId: Id }),
  'addin.created': Addin,
  'addin.updated': Addin,
  'addin.deleted': z.object({ id: Id }),
  'group.created': Group,
  'group.updated': Group,
  'group.deleted': z.object({ id: Id }),
  'chat.config.updated': ServerChatConfig,
  'feed.counts.changed': z.object({
    userId: Id,
    feedIds: z.array(Id),
    reason: z.enum(['created', 'updated', 'deleted', 'seen', 'matched']),
  }),
} as const;

export type TopicFeedT = z.output<typeof TopicFeed>;
export type ChatMessageT = z.output<typeof ChatMessage>;
export type AddinT = z.output<typeof Addin>;
export type GroupT = z.output<typeof Group>;
export type ServerChatConfigT = z.output<typeof ServerChatConfig>;
