/**
 * THE admin contract (STYLE.md §7.1): every admin method and event with its schema.
 *
 * Methods are named `resource.verb`, events are past-tense facts. The dispatcher implements this
 * map exhaustively; the renderer, the CLI and the tests import it (types, and schemas for form
 * validation). Imports only zod — a Node import here breaks the web build on purpose.
 */
import { z } from 'zod';
import { channelEvents, channelMethods } from './contract-channel.js';
import { complianceEvents, complianceMethods } from './contract-compliance.js';

// ---------------------------------------------------------------------------------------------
// Shared shapes

export const Id = z.string().min(1).max(64);
const Timestamp = z.string(); // ISO-8601, UTC
const Empty = z.object({}).strict();

export const MAX_NAME_LENGTH = 256;
export const MAX_DESCRIPTION_LENGTH = 256;

const Name = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(MAX_NAME_LENGTH, `Name must be at most ${MAX_NAME_LENGTH} characters`);
const Description = z
  .string()
  .max(MAX_DESCRIPTION_LENGTH, `Description must be at most ${MAX_DESCRIPTION_LENGTH} characters`);

export const SipUri = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^sip:[a-z0-9._%+'-]+@[a-z0-9.-]+\.?[a-z0-9-]*$/, 'Must be a SIP URI such as sip:alice@example.com');

export const Password = z.string().min(8, 'Password must be at least 8 characters').max(256);

// ---------------------------------------------------------------------------------------------
// Entities

export const RoomPrivacy = z.enum(['open', 'closed', 'secret']);
export const RoomType = z.enum(['normal', 'auditorium']);
export const RoomInvitations = z.enum(['inherit', 'false']);

export const Category = z.object({
  id: Id,
  uri: z.string(),
  name: z.string(),
  description: z.string(),
  /** True: rooms in the category may send invitations (LYNC.md §2.2). */
  invitations: z.boolean(),
  fileUpload: z.boolean(),
  chatHistory: z.boolean(),
  roomCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const Room = z.object({
  id: Id,
  uri: z.string(),
  name: z.string(),
  description: z.string(),
  privacy: RoomPrivacy,
  type: RoomType,
  invitations: RoomInvitations,
  disabled: z.boolean(),
  categoryId: Id,
  categoryName: z.string(),
  createdAt: Timestamp,
  createdBy: z.string(),
  updatedAt: Timestamp,
  updatedBy: z.string(),
});

export const UserRole = z.enum(['admin', 'user']);

export const User = z.object({
  id: Id,
  sipUri: z.string(),
  displayName: z.string(),
  email: z.string(),
  role: UserRole,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ServerStatus = z.object({
  name: z.literal('parlance'),
  version: z.string(),
  startedAt: Timestamp,
  uptimeSeconds: z.number(),
  domain: z.string(),
  httpUrl: z.string().nullable(),
  dataDir: z.string(),
  host: z.enum(['electron', 'headless', 'in-process']),
  store: z.object({
    kind: z.string(),
    schemaVersion: z.number().int(),
    sizeBytes: z.number(),
    durable: z.boolean(),
    /** Sequence of the last durable transaction. */
    lastSeq: z.number().int(),
    /** True after a journal write failure: the store refuses writes until restarted. */
    readOnly: z.boolean(),
    /** The safe-size limit (ERR_STORE_FULL beyond it); null = none. */
    maxDatabaseBytes: z.number().nullable(),
    /** At or above 75 % of the safe size. */
    nearLimit: z.boolean(),
    journal: z
      .object({ segments: z.number().int(), bytes: z.number(), framesSinceSnapshot: z.number().int() })
      .nullable(),
    snapshot: z
      .object({
        seq: z.number().int(),
        bytes: z.number(),
        writtenAt: z.string().nullable(),
        lastDurationMs: z.number().nullable(),
      })
      .nullable(),
  }),
  counts: z.object({ categories: z.number().int(), rooms: z.number().int(), users: z.number().int() }),
  memory: z.object({ rssBytes: z.number(), heapUsedBytes: z.number() }),
  /** The SIP front end; null when no SIP listener runs (e.g. in-process tests). */
  sip: z
    .object({
      /** Bound ports; null for a listener that is off. */
      ports: z.object({ tcp: z.number().int().nullable(), tls: z.number().int().nullable() }),
      /** Path of SIP over WebSocket on the HTTP server, or null. */
      webSocketPath: z.string().nullable(),
      connections: z.number().int(),
      registrations: z.number().int(),
      /** Established INVITE dialogs (lookup and chat). */
      sessions: z.number().int(),
      counters: z.record(z.string(), z.number()),
    })
    .nullable(),
});

export const PolicyScope = z.enum(['global', 'site', 'user']);

/** A Persistent Chat policy (LYNC.md §2.9): `global`, `site:{name}` or per-user `tag:{name}`. */
export const Policy = z.object({
  id: Id,
  identity: z.string(),
  scope: PolicyScope,
  name: z.string(),
  description: z.string(),
  enablePersistentChat: z.boolean(),
  userCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const EffectivePolicy = z.object({ policy: Policy, source: PolicyScope });

/** One SIP message from the front end's in-memory ring buffer. */
export const SipMessageEntry = z.object({
  seq: z.number().int(),
  time: Timestamp,
  direction: z.enum(['in', 'out']),
  transport: z.string(),
  remote: z.string(),
  connectionId: z.number().int(),
  /** Request line or status line. */
  firstLine: z.string(),
  callId: z.string().nullable(),
  /** The whole message, non-printable bytes escaped; bodies above 8 KiB truncated. */
  text: z.string(),
});

// ---------------------------------------------------------------------------------------------
// Inputs

export const CategoryCreateInput = z.object({
  name: Name,
  description: Description.default(''),
  invitations: z.boolean().default(false),
  fileUpload: z.boolean().default(false),
  chatHistory: z.boolean().default(true),
});

export const CategoryUpdateInput = z.object({
  id: Id,
  name: Name.optional(),
  description: Description.optional(),
  invitations: z.boolean().optional(),
  fileUpload: z.boolean().optional(),
  chatHistory: z.boolean().optional(),
});

export const RoomCreateInput = z.object({
  name: Name,
  description: Description.default(''),
  categoryId: Id.describe('Category is required'),
  privacy: RoomPrivacy.default('closed'),
  type: RoomType.default('normal'),
  invitations: RoomInvitations.default('inherit'),
  disabled: z.boolean().default(false),
});

export const RoomUpdateInput = z.object({
  id: Id,
  name: Name.optional(),
  description: Description.optional(),
  categoryId: Id.optional(),
  privacy: RoomPrivacy.optional(),
  type: RoomType.optional(),
  invitations: RoomInvitations.optional(),
  disabled: z.boolean().optional(),
});

export const RoomListInput = z
  .object({
    categoryId: Id.optional(),
    privacy: RoomPrivacy.optional(),
    type: RoomType.optional(),
    disabled: z.boolean().optional(),
    /** Substring of the name (and description), case-insensitive. */
    search: z.string().max(MAX_NAME_LENGTH).optional(),
  })
  .default({});

export const UserCreateInput = z.object({
  sipUri: SipUri,
  displayName: z.string().trim().min(1, 'Display name is required').max(256),
  email: z.union([z.literal(''), z.string().trim().email('Must be an email address')]).default(''),
  password: Password,
  role: UserRole.default('user'),
});

export const UserUpdateInput = z.object({
  id: Id,
  displayName: z.string().trim().min(1).max(256).optional(),
  email: z.union([z.literal(''), z.string().trim().email('Must be an email address')]).optional(),
  password: Password.optional(),
  role: UserRole.optional(),
});

export const LoginInput = z.object({
  /** A SIP URI (`sip:admin@example.com`) or its user part (`admin`). */
  username: z.string().trim().min(1, 'User name is required').max(256),
  password: z.string().min(1, 'Password is required').max(256),
});

export const Session = z.object({ user: User, expiresAt: Timestamp });

export const LogEntry = z
  .object({
    time: Timestamp,
    level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']),
    category: z.string(),
    msg: z.string(),
  })
  .catchall(z.unknown());

export const LogsRecentInput = z
  .object({
    limit: z.number().int().min(1).max(1000).default(200),
    minLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).default('info'),
    /** Category prefix, e.g. `store` matches `store.journal`. */
    category: z.string().max(100).optional(),
  })
  .default({ limit: 200, minLevel: 'info' });

const PolicyName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$/, 'Use letters, digits, space, _ . - (at most 64 characters)');

export const PolicyCreateInput = z.object({
  scope: z.enum(['site', 'user']),
  name: PolicyName,
  description: Description.default(''),
  enablePersistentChat: z.boolean().default(false),
});

export const PolicyUpdateInput = z.object({
  id: Id,
  description: Description.optional(),
  enablePersistentChat: z.boolean().optional(),
});

export const PolicyDeleteInput = z.object({
  id: Id,
  /** Remove a per-user policy even if users have it (they fall back to site/global). */
  force: z.boolean().default(false),
});

export const UserAssignPolicyInput = z.object({
  userId: Id,
  /** A per-user policy id, or null to unassign. */
  policyId: Id.nullable(),
});

export const SipRecentMessagesInput = z
  .object({
    limit: z.number().int().min(1).max(1000).default(100),
    /** Only this Call-ID. */
    callId: z.string().max(256).optional(),
    connectionId: z.number().int().optional(),
  })
  .default({ limit: 100 });

const ById = z.object({ id: Id });
const Deleted = z.object({ id: Id });
const list = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });

// ---------------------------------------------------------------------------------------------
// Methods

function method<I extends z.ZodTypeAny, O extends z.ZodTypeAny>(input: I, output: O, opts: { public?: boolean } = {}) {
  return { input, output, public: opts.public ?? false } as const;
}

export const adminMethods = {
  'server.status': method(Empty.default({}), ServerStatus),

  'auth.login': method(LoginInput, Session.extend({ token: z.string() }), { public: true }),
  'auth.logout': method(Empty.default({}), z.object({})),
  'auth.session': method(Empty.default({}), Session),

  'categories.list': method(Empty.default({}), list(Category)),
  'categories.get': method(ById, Category),
  'categories.create': method(CategoryCreateInput, Category),
  'categories.update': method(CategoryUpdateInput, Category),
  'categories.delete': method(ById, Deleted),

  'rooms.list': method(RoomListInput, list(Room)),
  'rooms.get': method(ById, Room),
  'rooms.create': method(RoomCreateInput, Room),
  'rooms.update': method(RoomUpdateInput, Room),
  'rooms.delete': method(ById, Deleted),

  'users.list': method(Empty.default({}), list(User)),
  'users.create': method(UserCreateInput, User),
  'users.update': method(UserUpdateInput, User),
  'users.delete': method(ById, Deleted),
  /** `Grant-CsPersistentChatPolicy`; returns the user's effective policy afterwards. */
  'users.assignPolicy': method(UserAssignPolicyInput, EffectivePolicy),

  'policies.list': method(Empty.default({}), list(Policy)),
  'policies.get': method(ById, Policy),
  'policies.create': method(PolicyCreateInput, Policy),
  'policies.update': method(PolicyUpdateInput, Policy),
  /** Deleting the global policy resets it (`reset: true`). */
  'policies.delete': method(PolicyDeleteInput, Deleted.extend({ reset: z.boolean() })),
  /** The policy that decides for a user: per-user → site → global. */
  'policies.effective': method(z.object({ userId: Id }), EffectivePolicy),

  /** Recent SIP messages from the front end's in-memory ring buffer, oldest first. */
  'sip.recentMessages': method(SipRecentMessagesInput, list(SipMessageEntry)),

  /**
   * An online, consistent backup of the store (image + the journal sequence it covers) into
   * `<dataDir>/backups/<name>`; restore it with `parlance restore <file>` while the server is stopped.
   */
  'store.backup': method(
    z.object({ name: z.string().max(128).optional() }).default({}),
    z.object({ file: z.string(), seq: z.number().int(), schemaVersion: z.number().int(), bytes: z.number() }),
  ),

  /** Recent log records from the server's in-memory ring buffer, newest last. */
  'logs.recent': method(LogsRecentInput, list(LogEntry)),

  /** Compliance configuration, processor, queue and output (contract-compliance.ts). */
  ...complianceMethods,

  /** Channel: scope, roles, add-ins, groups, history, participants, chat configuration (contract-channel.ts). */
  ...channelMethods,
} as const;

// ---------------------------------------------------------------------------------------------
// Events (past-tense facts, published after commit)

export const adminEvents = {
  'category.created': Category,
  'category.updated': Category,
  'category.deleted': Deleted,
  'room.created': Room,
  'room.updated': Room,
  'room.deleted': Deleted,
  'user.created': User,
  'user.updated': User,
  'user.deleted': Deleted,
  'policy.created': Policy,
  'policy.updated': Policy,
  'policy.deleted': Deleted,
  'policy.assigned': z.object({ userId: Id, policyId: Id.nullable() }),
  ...complianceEvents,
  ...channelEvents,
} as const;

// ---------------------------------------------------------------------------------------------
// Derived types

export type AdminMethods = typeof adminMethods;
export type AdminMethod = keyof AdminMethods;
/** What a caller may send (defaults not yet applied). */
export type AdminInput<M extends AdminMethod> = z.input<AdminMethods[M]['input']>;
/** What a handler receives (validated, defaults applied). */
export type AdminParsedInput<M extends AdminMethod> = z.output<AdminMethods[M]['input']>;
export type AdminOutput<M extends AdminMethod> = z.output<AdminMethods[M]['output']>;

export type AdminEvents = typeof adminEvents;
export type AdminEventName = keyof AdminEvents;
export type AdminEventPayload<E extends AdminEventName> = z.output<AdminEvents[E]>;
export type AdminEvent = { [E in AdminEventName]: { name: E; payload: AdminEventPayload<E> } }[AdminEventName];

export const ADMIN_METHODS = Object.keys(adminMethods) as AdminMethod[];
export const ADMIN_EVENTS = Object.keys(adminEvents) as AdminEventName[];

export function isAdminMethod(name: string): name is AdminMethod {
  return Object.hasOwn(adminMethods, name);
}

export type CategoryT = z.output<typeof Category>;
export type RoomT = z.output<typeof Room>;
export type UserT = z.output<typeof User>;
export type ServerStatusT = z.output<typeof ServerStatus>;
export type PolicyT = z.output<typeof Policy>;
export type SipMessageEntryT = z.output<typeof SipMessageEntry>;
