/**
 * Posting and fan-out (XCCOS.md §6.12, §2.7, §9 items 6, 7, 11; STYLE.md practice 6): check the
 * post, then ONE transaction assigns the per-room message id, stores the message (when the room
 * keeps history) and records the CHAT compliance event; only after it is durable does the caller
 * answer SIP 200, and then the message goes to every joined endpoint, the author's included, with
 * the server's receive time and the message id. A message that cannot be archived is not delivered.
 */
import type { ErrorCode } from '../../errors/error-codes.js';
import { formatXccosTimestamp } from '../../protocol/xccos/blocks/timestamp.js';
import type { GrpchatMessage } from '../../protocol/xccos/commands/grpchat.js';
import { roomMessageTemplate } from '../../protocol/xccos/outbound-envelope.js';
import type { Clock } from '../shared/clock-port.js';
import type { DataPort } from '../shared/data-port.js';
import type { EventPublisher } from '../shared/events-port.js';
import type { ChannelHooks } from './channel-events.js';
import type { NewMessage, ServerChatConfig } from './channel-repo-port.js';
import type { AccessCache } from './room-access-cache.js';
import type { ChannelSession } from './channel-session.js';
import { loadRoomAccess, policyUser, roomIdFromUri, type RoomAccess } from './room-access.js';
import type { RoomPresence } from './room-presence.js';

export interface PostingDeps {
  data: DataPort;
  clock: Clock;
  hooks: ChannelHooks;
  presence: RoomPresence<ChannelSession>;
  events: EventPublisher;
  domain: string;
  /** Remembers each (room, author)'s access between posts; cleared by every access change. */
  accessCache: AccessCache<PostAccess>;
}

/** What authorizing a post reads from the store. */
export interface PostAccess {
  access: RoomAccess;
  config: ServerChatConfig;
}

export type PostResult =
  { ok: true; deliver: () => void; seq: number } | { ok: false; code: ErrorCode; reason: string };

export interface PostInput {
  roomUri: string;
  text: string;
  alert?: boolean;
  story?: { title: string; body: string };
  extraAttributes?: Record<string, string>;
  extraElements?: string[];
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function createPosting(deps: PostingDeps) {
  const { data, clock, hooks, presence, domain } = deps;
  let lastMs = -1;
  let ticks = 0;

  /** Server receive time in the 7-digit form; distinct stamps within one millisecond. */
  function serverStamp(): { ms: number; ts: string } {
    const ms = clock.now().getTime();
    ticks = ms === lastMs ? ticks + 1 : 0;
    lastMs = ms;
    return { ms, ts: formatXccosTimestamp(ms, ticks) };
  }

  /** Post as `userUri`; `session` (when given) must have joined the room. */
  async function post(
    author: { uri: string; user: ChannelSession['user'] },
    input: PostInput,
    session?: ChannelSession,
  ): Promise<PostResult> {
    const roomId = roomIdFromUri(input.roomUri, domain);
    const loaded =
      roomId === undefined
        ? undefined
        : deps.accessCache.get(roomId, author.uri, () =>
            data.read((r) => {
              const access = loadRoomAccess(r, roomId, policyUser(r, author.uri));
              return access && { access, config: r.channel.serverConfig() };
            }),
          );
    if (!loaded) return { ok: false, code: 'ERR_XCCOS_NO_SUCH_NODE', reason: 'no such room' };
    const { access, config } = loaded;
    if (session && !presence.has(access.room.id, session)) {
      return { ok: false, code: 'ERR_CHANNEL_NOT_JOINED', reason: 'the author has not joined the room' };
    }
    const ctx = { access, userUri: author.uri, text: input.text, ...(input.story && { story: input.story }) };
    const refusal = hooks.veto('message.posting', ctx);
    if (refusal) return { ok: false, code: refusal.code, reason: refusal.reason };
    if (byteLength(input.text) > config.messageSizeLimit && !input.story) {
      return { ok: false, code: 'ERR_XCCOS_LIMIT_EXCEEDED', reason: `longer than ${config.messageSizeLimit} bytes` };
    }
    if (input.story && byteLength(input.story.title) + byteLength(input.story.body) > config.storySizeLimit) {
      return {
        ok: false,
        code: 'ERR_XCCOS_LIMIT_EXCEEDED',
        reason: `story longer than ${config.storySizeLimit} bytes`,
      };
    }

    const store = hooks.allow('message.storing', ctx);
    let stamp = serverStamp();
    const message = await data.transaction((w): NewMessage => {
      stamp = serverStamp();
      const seq = w.channel.nextSeq(access.roomNum);
      const m: NewMessage = {
        roomNum: access.roomNum,
        seq,
        author: author.uri,
        postedAt: stamp.ms,
        text: input.text,
        alert: input.alert ?? false,
        ...(input.story && { story: input.story }),
        ...((input.extraAttributes || input.extraElements) && {
          extra: {
            ...(input.extraAttributes && { attributes: input.extraAttributes }),
            ...(input.extraElements && { elements: input.extraElements }),
          },
        }),
      };
      if (store) w.channel.insertMessage(m);
      w.compliance.record({
        type: 'CHAT',
        at: new Date(stamp.ms).toISOString(),
        room: { id: access.room.id, uri: access.room.uri, name: access.room.name, logged: access.flags.logged },
        user: author.user,
        messageId: seq,
        content: input.story ? `${input.story.title}\n${input.story.body}` : input.text,
        ...(input.alert && { details: { alert: true } }),
      });
      return m;
    });
    const ts = stamp.ts;
    return {
      ok: true,
      seq: message.seq,
      deliver: () => {
        deliver(access, message, ts, input);
        hooks.emit('message.posted', { access, message, stored: store });
      },
    };
  }

  function deliver(access: RoomAccess, message: NewMessage, ts: string, input: PostInput): void {
    const grpchat: GrpchatMessage = {
      seqid: '1',
      chanUri: access.room.uri,
      author: message.author,
      ts,
      text: message.text,
      messageId: String(message.seq),
      ...(input.alert && { alert: true }),
      ...(input.story && { story: input.story }),
      ...(input.extraAttributes && { extraAttributes: input.extraAttributes }),
      ...(input.extraElements && { extraElements: input.extraElements }),
    };
    // Serialized and encoded once; each endpoint's copy gets its own envid as it is sent
    // (XCCOS.md §9 item 4).
    const envelope = roomMessageTemplate(grpchat);
    for (const s of presence.sessions(access.room.id)) s.queue.push(envelope);
    deps.events.publish({
      name: 'room.message.posted',
      payload: {
        roomId: access.room.id,
        messageId: message.seq,
        author: message.author,
        at: new Date(message.postedAt).toISOString(),
        text: message.text,
        alert: message.alert,
        storyTitle: message.story?.title ?? null,
      },
    });
  }

  return { post };
}

export type Posting = ReturnType<typeof createPosting>;
