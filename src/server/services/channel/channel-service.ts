/**
 * The Channel service (issue 5; XCCOS.md §2.7, §6, §9): sessions (one per chat dialog), XCCOS
 * commands → replies, posts → durable store + compliance → SIP 200 → fan-out, participants and
 * notices. Independent of SIP: the front end adapts dialogs to ChannelEndpoint and hands over
 * INFO bodies. Feature slices hook the core's decision points (channel-events.ts).
 */
import type { Logger } from '../../log/logger.js';
import { parseXccos, isXccosParseFailure, type XccosParseFailure } from '../../protocol/xccos/parse-command.js';
import { serializeNotices, serializeReplies } from '../../protocol/xccos/serialize-reply.js';
import { errorReply, errorReplyForFailure, replyTo } from '../../protocol/xccos/xccos-errors.js';
import type { XccosCommand, XccosEnvelope, XccosReply } from '../../protocol/xccos/xccos-types.js';
import { ERROR_CATALOGUE } from '../../errors/error-codes.js';
import type { Clock, IdGenerator } from '../shared/clock-port.js';
import type { DataPort } from '../shared/data-port.js';
import type { DomainEvent, EventPublisher } from '../shared/events-port.js';
import type { ChannelEndpoint } from './channel-endpoint-port.js';
import { createChannelHooks } from './channel-events.js';
import { createPosting, type PostAccess, type PostInput } from './channel-posting.js';
import { createChannelQueries } from './channel-queries.js';
import { createRoomMembership } from './channel-rooms.js';
import type { ChannelSession, SessionEndReason } from './channel-session.js';
import { registerAuditorium } from './features/auditorium.js';
import { registerHistory } from './features/history.js';
import { createParticipantLimit } from './features/participant-limit.js';
import { registerPrivacy } from './features/privacy.js';
import { createOutboundQueue } from './outbound-queue.js';
import { createAccessCache } from './room-access-cache.js';
import { createRoomPresence } from './room-presence.js';

export interface ChannelDeps {
  data: DataPort;
  clock: Clock;
  newId: IdGenerator;
  logger: Logger;
  events: EventPublisher;
  /** Committed facts from the other services (room disabled or deleted → everyone leaves). */
  subscribe(listener: (event: DomainEvent) => void): () => void;
  domain: string;
  /** What `cmd:requri` returns: the URI clients INVITE for the chat dialog. */
  chatServerUri: string;
  /** Server envids: unique and rising (XCCOS.md §9 item 4). */
  nextEnvid(): string;
  /** Base URL of the HTTP server (file transfers), null when HTTP is off. */
  httpUrl(): string | null;
  /** Per-endpoint outbound bounds. */
  queue?: { capacity: number; window: number };
}

export const DEFAULT_QUEUE = { capacity: 1024, window: 32 };

export function createChannelService(deps: ChannelDeps) {
  const { data, logger, domain } = deps;
  const log = logger.child('channel');
  const hooks = createChannelHooks();
  registerPrivacy(hooks);
  registerAuditorium(hooks);
  registerHistory(hooks);
  const presence = createRoomPresence<ChannelSession>();
  const limit = createParticipantLimit();
  const sessions = new Set<ChannelSession>();
  const membership = createRoomMembership({ ...deps, hooks, presence, limit });
  const accessCache = createAccessCache<PostAccess>();
  const posting = createPosting({ ...deps, hooks, presence, accessCache });
  const queries = createChannelQueries({ ...deps, presence });

  function userOf(uri: string): ChannelSession['user'] {
    const record = data.read((r) => r.users.findRecordBySipUri(uri));
    return { id: record?.id ?? null, uri, name: record?.displayName ?? '', email: record?.email ?? '' };
  }

  function openSession(endpoint: ChannelEndpoint): ChannelSession {
    const userUri = endpoint.userUri.toLowerCase();
    const bounds = deps.queue ?? DEFAULT_QUEUE;
    const session: ChannelSession = {
      endpoint,
      userUri,
      user: userOf(userUri),
      rooms: new Set(),
      chain: Promise.resolve(),
      closed: false,
      queue: createOutboundQueue({
        send: (envelope, done) => endpoint.send(envelope, done),
        ...bounds,
        onDead: (reason) => {
          // XCCOS.md §2.9: a failed server INFO means the dialog is dead; an endpoint that cannot
          // keep up is dropped so that it cannot stall its rooms.
          log.warn('chat endpoint dropped', { user: userUri, endpoint: endpoint.id, reason });
          void closeSession(session, reason === 'overflow' ? 'overflow' : 'info-failed');
          endpoint.end();
        },
      }),
    };
    sessions.add(session);
    return session;
  }

  async function closeSession(session: ChannelSession, reason: SessionEndReason): Promise<void> {
    if (session.closed) return;
    session.closed = true;
    sessions.delete(session);
    log.debug('chat session closed', { user: session.userUri, reason });
    await membership.part(session, [...session.rooms]);
    session.queue.close();
  }

  function sendReplies(session: ChannelSession, replies: [XccosReply, ...XccosReply[]]): void {
    session.queue.push(serializeReplies(deps.nextEnvid(), replies));
  }

  /**
   * One INFO body on a chat dialog → the SIP status to answer it with (XCCOS.md §2.7): 200 at once
   * for a command (the work and its `rpl` follow), 200 for a post only once it is durable; 400/413
   * for a body that is not XCCOS; a refused post gets its SIP status (403, 404, 413, …).
   * `alreadyParsed`: the caller's `parseXccos(body)`, so the body is parsed once.
   */
  async function handleInfo(
    session: ChannelSession,
    body: string,
    alreadyParsed?: XccosEnvelope | XccosParseFailure,
  ): Promise<number> {
    const parsed = alreadyParsed ?? parseXccos(body);
    if (isXccosParseFailure(parsed)) {
      const reply = errorReplyForFailure(parsed);
      log.info('XCCOS body refused', { user: session.userUri, code: parsed.code, detail: parsed.detail });
      if (reply) {
        sendReplies(session, [reply]);
        return 200;
      }
      return ERROR_CATALOGUE[parsed.code].sipStatus;
    }
    if (parsed.kind === 'cmd') {
      const { command, envid } = parsed;
      session.chain = session.chain
        .then(() => runCommand(session, command, envid))
        .catch((err: unknown) => {
          log.error('XCCOS command failed', { user: session.userUri, command: command.id, err });
          sendReplies(session, [errorReply(command, envid, 'ERR_INTERNAL')]);
        });
      return 200;
    }
    if (parsed.kind === 'grpchat') {
      const m = parsed.message;
      // XCCOS.md §6.12: the author must be the dialog's user.
      if (m.author.toLowerCase() !== session.userUri) return ERROR_CATALOGUE.ERR_XCCOS_PERMISSION.sipStatus;
      return postFromSession(session, {
        roomUri: m.chanUri,
        text: m.text,
        ...(m.alert !== undefined && { alert: m.alert }),
        ...(m.story && { story: m.story }),
        ...(m.extraAttributes && { extraAttributes: { ...m.extraAttributes } }),
        ...(m.extraElements && { extraElements: [...m.extraElements] }),
      });
    }
    log.info('XCCOS envelope of a server kind from a client', { user: session.userUri, kind: parsed.kind });
    return 400;
  }

  async function postFromSession(session: ChannelSession, input: PostInput): Promise<number> {
    let result: Awaited<ReturnType<typeof posting.post>>;
    try {
      result = await posting.post({ uri: session.userUri, user: session.user }, input, session);
    } catch (err) {
      // Not archived → not delivered (XCCOS.md §9 item 11); SIPE shows "not delivered".
      log.error('post could not be stored', { user: session.userUri, room: input.roomUri, err });
      return ERROR_CATALOGUE.ERR_INTERNAL.sipStatus;
    }
    if (!result.ok) {
      log.info('post refused', {
        user: session.userUri,
        room: input.roomUri,
        code: result.code,
        reason: result.reason,
      });
      return ERROR_CATALOGUE[result.code].sipStatus;
    }
    // After the caller has answered the INFO with 200 (XCCOS.md §9 item 11).
    setImmediate(result.deliver);
    return 200;
  }

  /** A server-side post (a file upload's link message); delivered at once. */
  async function postAs(userUri: string, input: PostInput): Promise<{ ok: boolean; seq?: number; code?: string }> {
    const uri = userUri.toLowerCase();
    const result = await posting.post({ uri, user: userOf(uri) }, input);
    if (!result.ok) return { ok: false, code: result.code };
    result.deliver();
    return { ok: true, seq: result.seq };
  }

  async function runCommand(session: ChannelSession, command: XccosCommand, envid: string): Promise<void> {
    if (session.closed) return;
    const fail = (code: Parameters<typeof errorReply>[2], reason?: string) => {
      if (reason) log.debug('XCCOS command refused', { user: session.userUri, command: command.id, reason });
      sendReplies(session, [errorReply(command, envid, code)]);
    };
    switch (command.name) {
      case 'requri':
        return sendReplies(session, [replyTo(command, envid, { uri: deps.chatServerUri })]);
      case 'getserverinfo':
        return sendReplies(session, [replyTo(command, envid, { sib: queries.serverInfo(command.infoType) })]);
      case 'getassociations':
        log.info('cmd:getassociations', { user: session.userUri, body: command.rawData });
        return sendReplies(session, [replyTo(command, envid, { rooms: queries.associations(session) })]);
      case 'join': {
        const check = membership.checkJoin(session, command.roomUri);
        if (!check.ok) return fail(check.refusal.code, check.refusal.reason);
        const data = await membership.join(session, [command.roomUri], 'join');
        return sendReplies(session, [replyTo(command, envid, data)]);
      }
      case 'bjoin': {
        // The server keeps each user's followed rooms and joins them on bjoin (issue 5 item 7).
        const asked = command.channels.map((c) => c.roomUri);
        const followed = data.read((r) => r.channel.follows(session.userUri).map((id) => r.rooms.get(id)?.uri));
        const uris = [...new Set([...asked, ...followed.filter((u): u is string => u !== undefined)])];
        const result = await membership.join(session, uris, 'bjoin');
        const joinedIds = result.rooms.flatMap((r) => (r.kind === 'joined' ? [r.uri] : []));
        if (joinedIds.length > 0) {
          await data.transaction((w) => {
            for (const uri of joinedIds) {
              const id = uri.slice(uri.lastIndexOf('/') + 1);
              w.channel.setFollow(session.userUri, id, true);
            }
          });
        }
        return sendReplies(session, [replyTo(command, envid, result)]);
      }
      case 'part': {
        const id = command.roomUri.slice(command.roomUri.lastIndexOf('/') + 1);
        await membership.part(session, [id]);
        return sendReplies(session, [replyTo(command, envid, { roomUri: command.roomUri })]);
      }
      case 'bccontext': {
        const result = await queries.history(session, command.roomUri, command.last, command.before);
        if (!result.ok) return fail(result.refusal.code, result.refusal.reason);
        return sendReplies(session, [replyTo(command, envid, result.value)]);
      }
      case 'chansrch':
        // All results in ONE reply: SIPE closes its room list after one (XCCOS.md §6.8).
        return sendReplies(session, [
          replyTo(command, envid, { rooms: queries.searchRooms(session, command.criteria, command.extended) }),
        ]);
      case 'getinv':
        return sendReplies(session, [
          replyTo(command, envid, { invitations: queries.invitations(session, command.inviteId) }),
        ]);
      case 'getpref': {
        const pref = await queries.getPref(session, command.pref);
        return sendReplies(session, [replyTo(command, envid, pref ? { pref } : {})]);
      }
      case 'setpref':
        return sendReplies(session, [replyTo(command, envid, { pref: await queries.setPref(session, command.pref) })]);
      case 'getfutok':
      case 'getfdtok': {
        const direction = command.name === 'getfutok' ? 'upload' : 'download';
        const result = await queries.fileToken(session, direction, command.channelUri, command.fileUrl);
        if (!result.ok) return fail(result.refusal.code, result.refusal.reason);
        return sendReplies(session, [replyTo(command, envid, result.value)]);
      }
      case 'nodespermcreatechild':
        return queries.mayCreateRooms(session)
          ? sendReplies(session, [replyTo(command, envid, {})])
          : fail('ERR_XCCOS_PERMISSION', 'not a creator in any category');
      case 'unknown':
        // XCCOS.md §6.14: 501 and the whole body in the log, so traces show what to build next.
        log.info('unknown XCCOS command', { user: session.userUri, command: command.id, body: command.rawData });
        return fail('ERR_XCCOS_NOT_SUPPORTED');
    }
  }

  /** Disabling or deleting a room disconnects everyone in it (LYNC.md §2.3). */
  async function evictRoom(roomId: string): Promise<void> {
    const inRoom = presence.sessions(roomId);
    const room = data.read((r) => r.rooms.get(roomId));
    const uris = [...new Set(inRoom.map((s) => s.userUri))];
    for (const s of inRoom) await membership.part(s, [roomId]);
    if (room) {
      for (const s of inRoom) {
        s.queue.push(serializeNoticesForEviction(deps.nextEnvid(), room.uri, uris));
      }
    }
  }

  const unsubscribe = deps.subscribe((event) => {
    // First: every access change must reach the post path before anything else runs.
    accessCache.onEvent(event);
    if (event.name === 'room.updated' && event.payload.disabled) void evictRoom(event.payload.id);
    if (event.name === 'room.deleted') void evictRoom(event.payload.id);
  });

  function participants(roomId: string): { uri: string; endpoints: number }[] {
    const byUser = new Map<string, number>();
    for (const s of presence.sessions(roomId)) byUser.set(s.userUri, (byUser.get(s.userUri) ?? 0) + 1);
    return [...byUser].map(([uri, endpoints]) => ({ uri, endpoints }));
  }

  async function stop(): Promise<void> {
    unsubscribe();
    for (const s of [...sessions]) await closeSession(s, 'server-stopping');
  }

  return {
    openSession,
    closeSession,
    handleInfo,
    postAs,
    participants,
    participantCount: (roomId: string) => presence.count(roomId),
    suppressed: (roomId: string) => limit.suppressed(roomId),
    /** Entries in the post-authorization cache (tests prove its invalidation). */
    accessCacheSize: () => accessCache.size,
    sessionCount: () => sessions.size,
    stop,
    domain,
  };
}

function serializeNoticesForEviction(envid: string, roomUri: string, userUris: string[]): string {
  return serializeNotices(envid, [
    { name: 'part', id: 'ntc:part', seqid: '1', data: { rooms: [{ roomUri, userUris }] } },
  ]);
}

export type ChannelService = ReturnType<typeof createChannelService>;
