/**
 * Test support: the real Channel service over a real (in-memory sql.js) store with the real
 * categories, rooms, users and role services, driven through its SIP-independent session API with
 * real XCCOS bodies. Each client endpoint keeps every server → client INFO it was sent, parsed.
 */
import { randomUUID } from 'node:crypto';
import { createMemoryLogger } from '../store/memory-logger.js';
import { MIGRATIONS } from '../store/migrations/index.js';
import { openSqlStore } from '../store/open-sql-store.js';
import { createSqlDataAccess } from '../store/repos/sql-data-access.js';
import type { SqlStore } from '../store/sql-store.js';
import { isXccosParseFailure, parseXccos } from '../protocol/xccos/parse-command.js';
import { envelopeText } from '../protocol/xccos/outbound-envelope.js';
import type { XccosEnvelope, XccosNotice, XccosReply } from '../protocol/xccos/xccos-types.js';
import { createAuditService } from '../services/audit/audit-service.js';
import { createCategoriesService } from '../services/categories/categories-service.js';
import { createRoomsService } from '../services/rooms/rooms-service.js';
import { SYSTEM_ACTOR } from '../services/shared/actor.js';
import type { DataPort } from '../services/shared/data-port.js';
import { createEventBus } from '../services/shared/event-bus.js';
import type { DomainEvent } from '../services/shared/events-port.js';
import { createDirectoryService } from '../services/channel/admin/directory-service.js';
import { createMessagesService } from '../services/channel/admin/messages-service.js';
import { createTopicFeedsService } from '../services/channel/features/topic-feeds/topic-feeds-service.js';
import { createRoomRolesService } from '../services/channel/admin/room-roles-service.js';
import { createChannelService, type ChannelService } from '../services/channel/channel-service.js';
import type { ChannelSession } from '../services/channel/channel-session.js';

export const DOMAIN = 'example.com';

export interface TestEndpoint {
  session: ChannelSession;
  uri: string;
  /** Every document the server sent, parsed, in order. */
  inbox: XccosEnvelope[];
  /** Make the next sends fail (a dead dialog). */
  failSends: boolean;
  ended: boolean;
  /** Sends an INFO body; resolves with the SIP status. */
  info(xml: string): Promise<number>;
  /** Sends `cmd:{name}` with `dataXml` inside `<data>`; resolves with its reply. */
  cmd(name: string, dataXml?: string): Promise<XccosReply>;
  /** Posts a grpchat; resolves with the SIP status. */
  post(roomUri: string, text: string, extra?: string): Promise<number>;
  notices(name?: string): XccosNotice[];
  messages(): Extract<XccosEnvelope, { kind: 'grpchat' }>['message'][];
}

export interface ChannelHarness {
  data: DataPort;
  store: SqlStore;
  channel: ChannelService;
  events: DomainEvent[];
  rooms: ReturnType<typeof createRoomsService>;
  categories: ReturnType<typeof createCategoriesService>;
  roles: ReturnType<typeof createRoomRolesService>;
  directory: ReturnType<typeof createDirectoryService>;
  messages: ReturnType<typeof createMessagesService>;
  topicFeeds: ReturnType<typeof createTopicFeedsService>;
  addUser(name: string, role?: 'admin' | 'user'): Promise<string>;
  connect(name: string): TestEndpoint;
  /** Lets queued sends and deliveries run. */
  settle(): Promise<void>;
  compliance(type?: string): Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

const ctx = { actor: SYSTEM_ACTOR };

export async function startChannelHarness(): Promise<ChannelHarness> {
  const logger = createMemoryLogger();
  const store = await openSqlStore({ migrations: MIGRATIONS, logger });
  const data = createSqlDataAccess(store);
  const bus = createEventBus(logger);
  const events: DomainEvent[] = [];
  bus.subscribe((e) => events.push(e));
  let t = Date.parse('2026-03-01T10:00:00Z');
  const clock = { now: () => new Date((t += 1)) };
  const newId = () => randomUUID();
  const audit = createAuditService({ data, clock, newId });
  const deps = { data, audit, events: bus, clock, newId, domain: DOMAIN };
  const roles = createRoomRolesService(deps);
  const categories = createCategoriesService(deps);
  const rooms = createRoomsService({
    ...deps,
    onCategoryChange: (w, roomId, categoryId) => roles.purge(w, roomId, w.channel.scope(categoryId)),
  });
  let envid = 1000n;
  const channel = createChannelService({
    data,
    clock,
    newId,
    logger,
    events: bus,
    subscribe: (l) => bus.subscribe(l),
    domain: DOMAIN,
    chatServerUri: `sip:parlance-chat@${DOMAIN}`,
    nextEnvid: () => String((envid += 1n)),
    httpUrl: () => 'http://127.0.0.1:1',
    queue: { capacity: 64, window: 4 },
  });
  const directory = createDirectoryService(deps);
  const messages = createMessagesService({ ...deps, live: channel });
  const topicFeeds = createTopicFeedsService({ ...deps, subscribe: (l) => bus.subscribe(l) });
  let clientEnvid = 500;
  let serverEnvid = 9_000_000;

  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  };

  function connect(name: string): TestEndpoint {
    const uri = `sip:${name.toLowerCase()}@${DOMAIN}`;
    const waiting: Array<{ envid: string; resolve: (r: XccosReply) => void }> = [];
    const ep: TestEndpoint = {
      uri,
      inbox: [],
      failSends: false,
      ended: false,
      session: undefined as unknown as ChannelSession,
      info: (xml) => channel.handleInfo(ep.session, xml),
      async cmd(cmdName, dataXml = '') {
        const id = String(++clientEnvid);
        const body =
          `<xccos ver="1" envid="${id}" xmlns="urn:parlano:xml:ns:xccos"><cmd id="cmd:${cmdName}" seqid="1">` +
          `${dataXml === '' ? '<data/>' : `<data>${dataXml}</data>`}</cmd></xccos>`;
        const reply = new Promise<XccosReply>((resolve, reject) => {
          waiting.push({ envid: id, resolve });
          setTimeout(() => reject(new Error(`no reply to cmd:${cmdName}`)), 2000);
        });
        const status = await ep.info(body);
        if (status !== 200) throw new Error(`cmd:${cmdName} got SIP ${status}`);
        return reply;
      },
      async post(roomUri, text, extra = '') {
        const id = String(++clientEnvid);
        return ep.info(
          `<xccos ver="1" envid="${id}" xmlns="urn:parlano:xml:ns:xccos"><grpchat id="grpchat" seqid="1" ` +
            `chanUri="${roomUri}" author="${uri}" ts="2026-03-01T10:00:00Z"${extra}><chat>${text}</chat></grpchat></xccos>`,
        );
      },
      notices: (n) =>
        ep.inbox.flatMap((e) => (e.kind === 'ntc' ? e.notices.filter((x) => n === undefined || x.name === n) : [])),
      messages: () => ep.inbox.flatMap((e) => (e.kind === 'grpchat' ? [e.message] : [])),
    };
    const receive = (xml: string): boolean => {
      if (ep.failSends) return false;
      const parsed = parseXccos(xml);
      if (isXccosParseFailure(parsed)) throw new Error(`server sent non-XCCOS: ${parsed.detail}: ${xml}`);
      ep.inbox.push(parsed);
      if (parsed.kind === 'rpl') {
        for (const r of parsed.replies) {
          const i = waiting.findIndex((w) => w.envid === r.commandId.envid);
          if (i >= 0) waiting.splice(i, 1)[0]!.resolve(r);
        }
      }
      return true;
    };
    ep.session = channel.openSession({
      id: randomUUID(),
      userUri: uri,
      send: (envelope, done) => {
        // Answered a turn later, like a client's 200; a non-XCCOS body fails the send.
        void Promise.resolve()
          .then(() => receive(envelopeText(envelope, String(++serverEnvid))))
          .then(done, () => done(false));
      },
      end: () => void (ep.ended = true),
    });
    return ep;
  }

  return {
    data,
    store,
    channel,
    events,
    rooms,
    categories,
    roles,
    directory,
    messages,
    topicFeeds,
    async addUser(name, role = 'user') {
      const id = newId();
      const now = clock.now().toISOString();
      await data.transaction((w) =>
        w.users.insert({
          id,
          sipUri: `sip:${name.toLowerCase()}@${DOMAIN}`,
          displayName: name,
          email: '',
          role,
          createdAt: now,
          updatedAt: now,
          passwordHash: 'x',
          digestRealm: DOMAIN,
          digestHa1: 'x',
          digestHa1Address: 'x',
        }),
      );
      return id;
    },
    connect,
    settle,
    compliance: (type) =>
      store.read((db) =>
        db.all(`SELECT * FROM compliance_events ${type ? 'WHERE type = ?' : ''} ORDER BY seq`, type ? [type] : []),
      ),
    async stop() {
      await channel.stop();
      topicFeeds.stop();
      await store.close();
    },
  };
}

export { ctx as SYSTEM_CTX };
