/**
 * Joining and leaving rooms (XCCOS.md §6.4–§6.6, §9 item 6): permission check, JOIN/PART
 * compliance events in the action's transaction, the roster reply (`uib` + `chanib` with `aib`
 * groups, the joining user always included), and `ntc:join` / `ntc:bjoin` / `ntc:part` to the
 * other participants on a user's first join and last part — unless the room is above
 * ParticipantUpdateLimit (features/participant-limit.ts).
 */
import type { JoinedRoom, FailedRoom, JoinReplyData, RosterUser } from '../../protocol/xccos/blocks/join-roster.js';
import {
  AIB_KEY_MANAGER,
  AIB_KEY_PARTICIPANT,
  FIB_KEY_OPERATION_FAILED,
} from '../../protocol/xccos/blocks/join-roster.js';
import { serializeNotices } from '../../protocol/xccos/serialize-reply.js';
import type { ComplianceEventInput } from '../compliance/compliance-event.js';
import type { Clock } from '../shared/clock-port.js';
import type { DataPort, Readers } from '../shared/data-port.js';
import type { EventPublisher } from '../shared/events-port.js';
import type { ChannelHooks, Refusal } from './channel-events.js';
import { principalsOf } from './channel-policy.js';
import type { ChannelSession } from './channel-session.js';
import type { ParticipantLimit } from './features/participant-limit.js';
import { loadRoomAccess, policyUser, roomIdFromUri, type RoomAccess } from './room-access.js';
import type { RoomPresence } from './room-presence.js';

export interface RoomMembershipDeps {
  data: DataPort;
  clock: Clock;
  hooks: ChannelHooks;
  presence: RoomPresence<ChannelSession>;
  limit: ParticipantLimit;
  events: EventPublisher;
  domain: string;
  nextEnvid(): string;
}

export type JoinOutcome = { ok: true; access: RoomAccess } | { ok: false; refusal: Refusal; uri: string };

function complianceRoom(access: RoomAccess): ComplianceEventInput['room'] {
  return { id: access.room.id, uri: access.room.uri, name: access.room.name, logged: access.flags.logged };
}

export function createRoomMembership(deps: RoomMembershipDeps) {
  const { data, clock, hooks, presence, limit, domain } = deps;

  /** Looks a room up by URI and asks the joining hooks. */
  function checkJoin(session: ChannelSession, uri: string): JoinOutcome {
    const roomId = roomIdFromUri(uri, domain);
    const access = data.read((r) =>
      roomId === undefined ? undefined : loadRoomAccess(r, roomId, policyUser(r, session.userUri)),
    );
    if (!access) return { ok: false, uri, refusal: { code: 'ERR_XCCOS_NO_SUCH_NODE', reason: 'no such room' } };
    const refusal = hooks.veto('room.joining', { access, userUri: session.userUri });
    return refusal ? { ok: false, uri, refusal } : { ok: true, access };
  }

  function sendNotice(sessions: ChannelSession[], notice: Parameters<typeof serializeNotices>[1][number]): void {
    if (sessions.length === 0) return;
    for (const s of sessions) s.queue.push(serializeNotices(deps.nextEnvid(), [notice]));
  }

  function participantLimit(r: Readers): number {
    return r.channel.serverConfig().participantUpdateLimit;
  }

  function publishCount(roomId: string): void {
    deps.events.publish({
      name: 'room.participants.changed',
      payload: { roomId, count: presence.count(roomId), suppressed: limit.suppressed(roomId) },
    });
  }

  /**
   * Joins the session to every allowed room (one transaction for all JOIN events) and returns
   * the roster reply data; `notice` is `join` or `bjoin`.
   */
  async function join(
    session: ChannelSession,
    uris: readonly string[],
    notice: 'join' | 'bjoin',
  ): Promise<JoinReplyData> {
    const outcomes = uris.map((uri) => checkJoin(session, uri));
    const fresh = outcomes.filter(
      (o): o is { ok: true; access: RoomAccess } => o.ok && !presence.has(o.access.room.id, session),
    );
    const firstTime = fresh.filter((o) => presence.users(o.access.room.id).indexOf(session.userUri) < 0);
    const at = clock.now().toISOString();
    if (firstTime.length > 0) {
      await data.transaction((w) => {
        for (const o of firstTime) {
          w.compliance.record({ type: 'JOIN', at, room: complianceRoom(o.access), user: session.user });
        }
      });
    }
    if (session.closed) return { users: [], rooms: [] };
    const max = data.read(participantLimit);
    for (const o of fresh) {
      const roomId = o.access.room.id;
      const { first } = presence.join(roomId, session.userUri, session);
      session.rooms.add(roomId);
      const suppressed = limit.update(roomId, presence.count(roomId), max);
      if (first && !suppressed) {
        const others = presence.sessions(roomId).filter((s) => s.userUri !== session.userUri);
        sendNotice(others, {
          name: notice,
          id: `ntc:${notice}`,
          seqid: '1',
          data: {
            users: [
              {
                uri: session.userUri,
                rooms: [
                  {
                    key: o.access.rights.isManager ? AIB_KEY_MANAGER : AIB_KEY_PARTICIPANT,
                    domain,
                    value: roomId,
                  },
                ],
              },
            ],
          },
        });
      }
      if (first) publishCount(roomId);
    }
    return roster(session, outcomes);
  }

  function roster(session: ChannelSession, outcomes: JoinOutcome[]): JoinReplyData {
    const users: RosterUser[] = [];
    const ids = new Map<string, string>();
    const idOf = (uri: string) => {
      let id = ids.get(uri);
      if (id === undefined) {
        id = String(ids.size);
        ids.set(uri, id);
        users.push({ id, uri });
      }
      return id;
    };
    const rooms = data.read((r) =>
      outcomes.map((o): JoinedRoom | FailedRoom => {
        if (!o.ok) {
          const m = /^ma-chan:\/\/([^/]+)\/(.+)$/i.exec(o.uri);
          return { kind: 'failed', key: FIB_KEY_OPERATION_FAILED, domain: m?.[1] ?? domain, value: m?.[2] ?? o.uri };
        }
        const { room } = o.access;
        // Above the limit, no initial roster: only the joining user (who must always be listed).
        const present = limit.suppressed(room.id) ? [session.userUri] : presence.users(room.id);
        if (!present.includes(session.userUri)) present.push(session.userUri);
        const managers = new Set(r.channel.roles(room.id).managers.map((p) => p.toLowerCase()));
        const participants: string[] = [];
        const chanops: string[] = [];
        for (const uri of present) {
          const mine = principalsOf({ uri, groups: r.channel.groupsOf(uri) });
          (mine.some((p) => managers.has(p)) ? chanops : participants).push(idOf(uri));
        }
        const groups = [
          ...(participants.length > 0 ? [{ key: AIB_KEY_PARTICIPANT, userIds: participants }] : []),
          ...(chanops.length > 0 ? [{ key: AIB_KEY_MANAGER, userIds: chanops }] : []),
        ];
        return { kind: 'joined', uri: room.uri, name: room.name, topic: room.description, groups };
      }),
    );
    return { users, rooms };
  }

  /** Removes the session from rooms; PART events for users who left entirely, then `ntc:part`. */
  async function part(session: ChannelSession, roomIds: readonly string[], recordParts = true): Promise<void> {
    const left: string[] = [];
    for (const roomId of roomIds) {
      session.rooms.delete(roomId);
      const { last, was } = presence.part(roomId, session.userUri, session);
      if (was && last) left.push(roomId);
    }
    if (left.length === 0) return;
    const at = clock.now().toISOString();
    const max = data.read(participantLimit);
    const rooms = data.read((r) => left.map((id) => r.rooms.get(id)).filter((room) => room !== undefined));
    if (recordParts && rooms.length > 0) {
      await data
        .transaction((w) => {
          for (const room of rooms) {
            const category = w.categories.get(room.categoryId);
            w.compliance.record({
              type: 'PART',
              at,
              room: { id: room.id, uri: room.uri, name: room.name, logged: category?.chatHistory ?? true },
              user: session.user,
            });
          }
        })
        .catch(() => undefined);
    }
    for (const room of rooms) {
      const wasSuppressed = limit.suppressed(room.id);
      limit.update(room.id, presence.count(room.id), max);
      if (!wasSuppressed) {
        sendNotice(presence.sessions(room.id), {
          name: 'part',
          id: 'ntc:part',
          seqid: '1',
          data: { rooms: [{ roomUri: room.uri, userUris: [session.userUri] }] },
        });
      }
      publishCount(room.id);
    }
  }

  return { checkJoin, join, part };
}

export type RoomMembership = ReturnType<typeof createRoomMembership>;
