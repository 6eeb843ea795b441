/**
 * Administrators and history (LYNC.md §2.7, §3.1, §4 item 7): the room inspector's history pages
 * and full-text search (each a BACKCHAT compliance event), `Clear-CsPersistentChatRoom` (up to and
 * including a date: HISTORYCLEAR) and `Remove-CsPersistentChatMessage` (author, date window,
 * keywords all/any/exact, case sensitivity; delete → CHATDELETE, or replace → CHATREPLACE), the
 * server's chat configuration, and room details. Audit entry and compliance event share the
 * action's transaction.
 */
import { ServerError } from '../../../errors/server-error.js';
import type { AuditService } from '../../audit/audit-service.js';
import type { ComplianceEventInput } from '../../compliance/compliance-event.js';
import type { Room } from '../../rooms/room-repo-port.js';
import type { ActionContext, Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock-port.js';
import type { DataPort, Readers, Writers } from '../../shared/data-port.js';
import type { EventPublisher } from '../../shared/events-port.js';
import type { SearchMode, ServerChatConfig, StoredMessage } from '../channel-repo-port.js';
import { roomFlags } from '../room-access.js';

/** Replacement text when none is given (the cmdlet's default wording). */
export const DEFAULT_REPLACEMENT = 'This message was removed by an administrator.';

export interface MessagesDeps {
  data: DataPort;
  audit: AuditService;
  events: EventPublisher;
  clock: Clock;
  /** Live participant facts from the Channel service. */
  live: { participantCount(roomId: string): number; suppressed(roomId: string): boolean };
}

export interface ChatMessageView {
  roomId: string;
  messageId: number;
  id: number;
  author: string;
  at: string;
  text: string;
  alert: boolean;
  storyTitle: string | null;
}

const roomNotFound = (id: string) => new ServerError('ERR_ROOM_NOT_FOUND', undefined, { id, field: 'id' });

function view(roomId: string, m: StoredMessage): ChatMessageView {
  return {
    roomId,
    messageId: m.seq,
    id: m.id,
    author: m.author,
    at: new Date(m.postedAt).toISOString(),
    text: m.text,
    alert: m.alert,
    storyTitle: m.story?.title ?? null,
  };
}

function complianceRoom(r: Readers, room: Room): ComplianceEventInput['room'] {
  return {
    id: room.id,
    uri: room.uri,
    name: room.name,
    logged: r.categories.get(room.categoryId)?.chatHistory ?? true,
  };
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

function parseTime(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t))
    throw new ServerError('ERR_ADMIN_VALIDATION', `${field} is not a date`, {
      field,
      issues: [{ path: field, message: 'Not a date' }],
    });
  return t;
}

/** Keyword filter of Remove-CsPersistentChatMessage. */
export function keywordMatcher(keywords: string, match: 'all' | 'any' | 'exact', caseSensitive: boolean) {
  const norm = (s: string) => (caseSensitive ? s : s.toLowerCase());
  const phrase = norm(keywords.trim());
  const words = phrase.split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return () => true;
  if (match === 'exact') return (text: string) => norm(text).includes(phrase);
  const has = (text: string, w: string) => norm(text).includes(w);
  return match === 'all'
    ? (text: string) => words.every((w) => has(text, w))
    : (text: string) => words.some((w) => has(text, w));
}

export function createMessagesService({ data, audit, events, clock, live }: MessagesDeps) {
  function roomOf(r: Readers, id: string): { room: Room; num: number } {
    const room = r.rooms.get(id);
    if (!room) throw roomNotFound(id);
    return { room, num: r.channel.roomNum(room.id)! };
  }

  function backchat(w: Writers, room: Room, actor: Actor, request: string, details: Record<string, unknown>): void {
    w.compliance.record({
      type: 'BACKCHAT',
      at: clock.now().toISOString(),
      room: complianceRoom(w, room),
      user: complianceUser(w, actor),
      content: request,
      details,
    });
  }

  async function history(input: { roomId: string; beforeMessageId?: number; limit: number }, { actor }: ActionContext) {
    const items = await data.transaction((w) => {
      const { room, num } = roomOf(w, input.roomId);
      backchat(w, room, actor, `history last ${input.limit}`, { ...input });
      return w.channel.lastMessages(num, input.limit, input.beforeMessageId).map((m) => view(room.id, m));
    });
    return { items };
  }

  async function search(
    input: {
      text: string;
      mode: SearchMode;
      roomIds?: string[];
      author?: string;
      from?: string;
      to?: string;
      beforeId?: number;
      limit: number;
    },
    { actor }: ActionContext,
  ) {
    const from = parseTime(input.from, 'from');
    const to = parseTime(input.to, 'to');
    return data.transaction((w) => {
      const cap = w.channel.serverConfig().searchLimit;
      // Disabled rooms are left out of search (LYNC.md §2.3).
      const rooms = (input.roomIds ?? w.rooms.list({ disabled: false }).map((r) => r.id))
        .map((id) => w.rooms.get(id))
        .filter((r): r is Room => r !== undefined && !r.disabled);
      const nums = new Map(rooms.map((r) => [w.channel.roomNum(r.id)!, r.id]));
      for (const room of rooms) backchat(w, room, actor, `search ${input.mode}: ${input.text}`, { ...input });
      if (nums.size === 0) return { items: [], exceeded: false };
      const limit = Math.min(input.limit, cap);
      const found = w.channel.searchMessages({
        text: input.text,
        mode: input.mode,
        roomNums: [...nums.keys()],
        ...(input.author !== undefined && { author: input.author }),
        ...(from !== undefined && { from }),
        ...(to !== undefined && { to: to + 1 }),
        ...(input.beforeId !== undefined && { beforeId: input.beforeId }),
        limit: limit + 1,
      });
      return {
        items: found.slice(0, limit).map((m) => view(nums.get(m.roomNum)!, m)),
        exceeded: found.length > limit && input.limit >= cap,
      };
    });
  }

  async function clearHistory(input: { id: string; until: string }, { actor }: ActionContext) {
    const until = parseTime(input.until, 'until')!;
    const removed = await data.transaction((w) => {
      const { room, num } = roomOf(w, input.id);
      const count = w.channel.deleteMessagesUntil(num, until);
      w.compliance.record({
        type: 'HISTORYCLEAR',
        at: clock.now().toISOString(),
        room: complianceRoom(w, room),
        user: complianceUser(w, actor),
        content: `until ${input.until}`,
        details: { until: input.until, removed: count },
      });
      w.audit.append(audit.entry(actor, 'room.clearHistory', room.id, null, { until: input.until, removed: count }));
      return count;
    });
    events.publish({ name: 'room.history.changed', payload: { roomId: input.id } });
    return { removed };
  }

  async function removeOrReplace(
    input: {
      roomId: string;
      author?: string;
      from?: string;
      to?: string;
      keywords?: string;
      match: 'all' | 'any' | 'exact';
      caseSensitive: boolean;
      action: 'remove' | 'replace';
      replacement?: string;
    },
    { actor }: ActionContext,
  ) {
    const from = parseTime(input.from, 'from');
    const to = parseTime(input.to, 'to');
    const matches = keywordMatcher(input.keywords ?? '', input.match, input.caseSensitive);
    const ids = await data.transaction((w) => {
      const { room, num } = roomOf(w, input.roomId);
      const hits = w.channel
        .messagesInWindow(num, {
          ...(input.author !== undefined && { author: input.author }),
          ...(from !== undefined && { from }),
          ...(to !== undefined && { to }),
        })
        .filter((m) => matches(m.text));
      const text = input.replacement ?? DEFAULT_REPLACEMENT;
      const at = clock.now().toISOString();
      for (const m of hits) {
        if (input.action === 'remove') w.channel.deleteMessage(m.id);
        else w.channel.updateMessageText(m.id, text);
        w.compliance.record({
          type: input.action === 'remove' ? 'CHATDELETE' : 'CHATREPLACE',
          at,
          room: complianceRoom(w, room),
          user: complianceUser(w, actor),
          messageId: m.seq,
          content: input.action === 'remove' ? m.text : text,
          details: { author: m.author, original: m.text },
        });
      }
      w.audit.append(
        audit.entry(actor, `messages.${input.action}`, room.id, null, {
          filter: input,
          messageIds: hits.map((m) => m.seq),
        }),
      );
      return hits.map((m) => m.seq);
    });
    events.publish({ name: 'room.history.changed', payload: { roomId: input.roomId } });
    return { count: ids.length, messageIds: ids };
  }

  function getConfig(): ServerChatConfig {
    return data.read((r) => r.channel.serverConfig());
  }

  async function updateConfig(input: Partial<Omit<ServerChatConfig, 'dbVersion'>>, { actor }: ActionContext) {
    const after = await data.transaction((w) => {
      const before = w.channel.serverConfig();
      const next = { ...before, ...input };
      w.channel.updateServerConfig(next);
      w.audit.append(audit.entry(actor, 'chat.updateConfig', null, before, next));
      return next;
    });
    events.publish({ name: 'chat.config.updated', payload: after });
    return after;
  }

  function details(id: string) {
    return data.read((r) => {
      const { room, num } = roomOf(r, id);
      const category = r.categories.get(room.categoryId)!;
      const lastSeq = r.channel.lastMessages(num, 1)[0]?.seq ?? 0;
      return {
        id: room.id,
        addinId: r.directory.roomAddin(room.id),
        roles: r.channel.roles(room.id),
        flags: roomFlags(room, category),
        participants: live.participantCount(room.id),
        suppressed: live.suppressed(room.id),
        messageCount: r.channel.countMessages(num),
        lastMessageId: lastSeq,
      };
    });
  }

  function invitations(id: string) {
    return data.read((r) => {
      roomOf(r, id);
      return r.channel
        .invitationsForRoom(id)
        .map((i) => ({ userUri: i.userUri, inviteId: i.inviteId, createdAt: i.createdAt }));
    });
  }

  function followedRooms(userId: string) {
    return data.read((r) => {
      const user = r.users.get(userId);
      if (!user) throw new ServerError('ERR_USER_NOT_FOUND', undefined, { id: userId, field: 'userId' });
      return r.channel
        .unread(user.sipUri)
        .map((f) => ({ roomId: f.roomId, unread: f.unread, lastMessageId: f.lastSeq }));
    });
  }

  return {
    history,
    search,
    clearHistory,
    removeOrReplace,
    getConfig,
    updateConfig,
    details,
    invitations,
    followedRooms,
  };
}

export type MessagesService = ReturnType<typeof createMessagesService>;
