/**
 * The read-mostly commands (XCCOS.md §6.1–§6.3, §6.7–§6.11, §6.13): each returns the reply data or
 * a refusal; the service wraps them into `rpl` envelopes.
 */
import type { RoomListing } from '../../protocol/xccos/blocks/room-listing.js';
import { formatXccosTimestamp } from '../../protocol/xccos/blocks/timestamp.js';
import type { RoomMessage } from '../../protocol/xccos/blocks/room-message.js';
import type { Invitation as WireInvitation } from '../../protocol/xccos/commands/getinv.js';
import type { ServerInfo } from '../../protocol/xccos/commands/getserverinfo.js';
import type { Pref } from '../../protocol/xccos/blocks/pref.js';
import type { Clock, IdGenerator } from '../shared/clock-port.js';
import type { DataPort, Readers } from '../shared/data-port.js';
import type { Room } from '../rooms/room-repo-port.js';
import type { Refusal } from './channel-events.js';
import type { StoredMessage } from './channel-repo-port.js';
import { principalsOf, roomRights } from './channel-policy.js';
import type { ChannelSession } from './channel-session.js';
import { fileRefOf, fileTokenRefusal, FILE_SERVICE_PATH, issueFileToken, safeFileName } from './features/file-post.js';
import { readHistory } from './features/history.js';
import { wireVisibility } from './features/privacy.js';
import { loadRoomAccess, policyUser, roomFlags, roomIdFromUri, type RoomAccess } from './room-access.js';
import type { RoomPresence } from './room-presence.js';

/** The implicit root category (LYNC.md §2.2): rooms never live in it. */
export const ROOT_CATEGORY_ID = '00000000-0000-0000-0000-000000000001';

export interface QueryDeps {
  data: DataPort;
  clock: Clock;
  newId: IdGenerator;
  presence: RoomPresence<ChannelSession>;
  domain: string;
  httpUrl(): string | null;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const no = <T>(code: Refusal['code'], reason: string): Outcome<T> => ({ ok: false, refusal: { code, reason } });

export function toWireMessage(room: Room, m: StoredMessage): RoomMessage {
  return {
    chanUri: room.uri,
    author: m.author,
    ts: formatXccosTimestamp(m.postedAt),
    text: m.text,
    messageId: String(m.seq),
    ...(m.alert && { alert: true }),
    ...(m.story && { story: m.story }),
    ...(m.extra?.attributes && { extraAttributes: m.extra.attributes }),
    ...(m.extra?.elements && { extraElements: m.extra.elements }),
  };
}

export function createChannelQueries(deps: QueryDeps) {
  const { data, clock, presence, domain } = deps;

  function access(session: ChannelSession, uri: string): RoomAccess | undefined {
    const id = roomIdFromUri(uri, domain);
    return id === undefined ? undefined : data.read((r) => loadRoomAccess(r, id, policyUser(r, session.userUri)));
  }

  function listing(r: Readers, room: Room): RoomListing {
    const flags = roomFlags(room, r.categories.get(room.categoryId)!);
    return {
      uri: room.uri,
      name: room.name,
      description: room.description,
      userCount: presence.count(room.id),
      visibility: wireVisibility(room.privacy),
      filePost: flags.filePost,
      invite: flags.invite,
      logged: flags.logged,
    };
  }

  function serverInfo(infoType: string | undefined): ServerInfo {
    const config = data.read((r) => r.channel.serverConfig());
    return {
      ...(infoType !== undefined && { infoType }),
      serverTime: formatXccosTimestamp(clock.now().getTime()),
      searchLimit: config.searchLimit,
      messageSizeLimit: config.messageSizeLimit,
      storySizeLimit: config.storySizeLimit,
      rootUri: `ma-cat://${domain}/${ROOT_CATEGORY_ID}`,
      dbVersion: config.dbVersion,
    };
  }

  /** `cmd:chansrch`: rooms the user may find whose name (and, with `extended`, description) matches. */
  function searchRooms(session: ChannelSession, criteria: string, extended: boolean): RoomListing[] {
    const needle = criteria.trim().toLowerCase();
    return data.read((r) => {
      const user = policyUser(r, session.userUri);
      const limit = r.channel.serverConfig().searchLimit;
      const found: RoomListing[] = [];
      for (const room of r.rooms.list({ disabled: false })) {
        if (found.length >= limit) break;
        const text = extended ? `${room.name}\n${room.description}` : room.name;
        if (needle !== '' && !text.toLowerCase().includes(needle)) continue;
        const category = r.categories.get(room.categoryId)!;
        const rights = roomRights(
          user,
          { privacy: room.privacy, type: room.type, disabled: room.disabled, fileUpload: category.fileUpload },
          r.channel.scope(category.id),
          r.channel.roles(room.id),
        );
        if (rights.find) found.push(listing(r, room));
      }
      return found;
    });
  }

  /** `cmd:getassociations`: rooms where the user is a member or a manager. */
  function associations(session: ChannelSession): RoomListing[] {
    return data.read((r) => {
      const principals = principalsOf(policyUser(r, session.userUri));
      const ids = new Set([
        ...r.channel.roomsWithRole(principals, 'member'),
        ...r.channel.roomsWithRole(principals, 'manager'),
      ]);
      return [...ids]
        .map((id) => r.rooms.get(id))
        .filter((room): room is Room => room !== undefined && !room.disabled)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((room) => listing(r, room));
    });
  }

  async function history(
    session: ChannelSession,
    uri: string,
    last: number | undefined,
    before: string | undefined,
  ): Promise<Outcome<{ roomUri: string; messages: RoomMessage[] }>> {
    const a = access(session, uri);
    if (!a) return no('ERR_XCCOS_NO_SUCH_NODE', 'no such room');
    if (a.room.disabled) return no('ERR_XCCOS_NODE_DISABLED', 'the room is disabled');
    if (!a.rights.read) return no('ERR_XCCOS_PERMISSION', 'may not read the room');
    const count = last ?? data.read((r) => r.channel.serverConfig().defaultChatHistory);
    const beforeSeq = before === undefined ? undefined : Number(before);
    const page = await readHistory(data, {
      access: a,
      count,
      ...(beforeSeq !== undefined && { beforeSeq }),
      reader: session.user,
      at: clock.now().toISOString(),
      request: `bccontext last ${count}${before === undefined ? '' : ` before ${before}`}`,
    });
    return ok({ roomUri: a.room.uri, messages: page.map((m) => toWireMessage(a.room, m)) });
  }

  /**
   * `cmd:getinv`: invitations from `inviteId` on. Inclusive, because SIPE always asks with
   * `inviteId="1"` at sign-in and per-user ids start at 1 (XCCOS.md §6.9) [inferred].
   */
  function invitations(session: ChannelSession, inviteId: string): WireInvitation[] {
    const from = Number(inviteId);
    return data.read((r) =>
      r.channel.invitationsSince(session.userUri, Number.isFinite(from) ? from - 1 : 0).flatMap((inv) => {
        const room = r.rooms.get(inv.roomId);
        if (!room || room.disabled) return [];
        return [
          {
            inviteId: String(inv.inviteId),
            domain,
            ts: formatXccosTimestamp(Date.parse(inv.createdAt)),
            roomUri: room.uri,
            roomName: room.name,
            roomDescription: room.description,
          },
        ];
      }),
    );
  }

  /** `cmd:getpref`: the stored blob when its revision differs from the caller's (LYNC.md §2.14). */
  async function getPref(session: ChannelSession, pref: Pref): Promise<Pref | undefined> {
    const stored = data.read((r) => r.channel.pref(session.userUri, pref.label));
    if (stored) {
      return String(stored.seqid) === pref.seqid
        ? { label: stored.label, seqid: String(stored.seqid) }
        : { label: stored.label, seqid: String(stored.seqid), content: stored.content };
    }
    if (!pref.createDefault) return undefined;
    const created = { label: pref.label, seqid: 1, content: '' };
    await data.transaction((w) => w.channel.setPref(session.userUri, created));
    return { label: created.label, seqid: '1', content: '' };
  }

  /** `cmd:setpref`: stores a new revision; the sequence id only ever rises. */
  async function setPref(session: ChannelSession, pref: Pref & { content: string }): Promise<Pref> {
    const seqid = await data.transaction((w) => {
      const stored = w.channel.pref(session.userUri, pref.label);
      const next = Math.max((stored?.seqid ?? 0) + 1, Number(pref.seqid) || 0);
      w.channel.setPref(session.userUri, { label: pref.label, seqid: next, content: pref.content.replace(/\s+/g, '') });
      return next;
    });
    return { label: pref.label, seqid: String(seqid) };
  }

  async function fileToken(
    session: ChannelSession,
    direction: 'upload' | 'download',
    channelUri: string,
    fileUrl: string,
  ): Promise<Outcome<{ token: string; serverUri: string }>> {
    const base = deps.httpUrl();
    if (base === null) return no('ERR_FILE_SERVICE_UNAVAILABLE', 'the file service is not running');
    const a = access(session, channelUri);
    if (!a) return no('ERR_XCCOS_NO_SUCH_NODE', 'no such room');
    const refusal = fileTokenRefusal(a, direction);
    if (refusal) return { ok: false, refusal };
    const name = direction === 'upload' ? safeFileName(fileUrl) : fileRefOf(fileUrl);
    if (name === undefined || name === '') return no('ERR_XCCOS_INVALID_ARGUMENT', 'the file name is not allowed');
    if (direction === 'download' && !data.read((r) => r.channel.file(a.room.id, name))) {
      return no('ERR_XCCOS_NO_SUCH_NODE', 'no such file in the room');
    }
    const token = await data.transaction((w) =>
      issueFileToken(
        w,
        { id: deps.newId(), direction, userUri: session.userUri, roomId: a.room.id, fileName: name },
        clock.now().getTime(),
      ),
    );
    return ok({ token, serverUri: `${base}${FILE_SERVICE_PATH}` });
  }

  /** `cmd:nodespermcreatechild`: Creator in at least one category (or an administrator). */
  function mayCreateRooms(session: ChannelSession): boolean {
    return data.read((r) => {
      const user = policyUser(r, session.userUri);
      return user.isAdmin || r.channel.categoriesWithCreator(principalsOf(user)).length > 0;
    });
  }

  return { serverInfo, searchRooms, associations, history, invitations, getPref, setPref, fileToken, mayCreateRooms };
}

export type ChannelQueries = ReturnType<typeof createChannelQueries>;
