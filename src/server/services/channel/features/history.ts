/**
 * Chat history (LYNC.md §2.2 ChatHistory, §2.10 DefaultChatHistory; XCCOS.md §6.7, §9 item 7):
 * posts enter a room's history only when its category keeps history (`prop:logged`); compliance
 * receives them either way. `cmd:bccontext` returns the last `cnt` messages (default
 * DefaultChatHistory), oldest first, paging backwards from a message id; every read is a
 * BACKCHAT compliance event, written in the read's own transaction.
 */
import type { ChannelHooks } from '../channel-events.js';
import type { StoredMessage } from '../channel-repo-port.js';
import type { DataPort } from '../../shared/data-port.js';
import type { RoomAccess } from '../room-access.js';
import type { ComplianceEventInput } from '../../compliance/compliance-event.js';

export function registerHistory(hooks: ChannelHooks): void {
  hooks.on('message.storing', ({ access }) => access.flags.logged);
}

export interface HistoryRead {
  access: RoomAccess;
  count: number;
  beforeSeq?: number;
  /** Who reads, as compliance records it. */
  reader: ComplianceEventInput['user'];
  at: string;
  /** What the reader asked for, as they asked it (compliance `content`). */
  request: string;
}

/** Reads one page (oldest first) and records BACKCHAT in the same transaction. */
export async function readHistory(data: DataPort, read: HistoryRead): Promise<StoredMessage[]> {
  const { access } = read;
  return data.transaction((w) => {
    w.compliance.record({
      type: 'BACKCHAT',
      at: read.at,
      room: { id: access.room.id, uri: access.room.uri, name: access.room.name, logged: access.flags.logged },
      user: read.reader,
      content: read.request,
      details: { count: read.count, ...(read.beforeSeq !== undefined && { beforeSeq: read.beforeSeq }) },
    });
    if (!access.flags.logged || read.count === 0) return [];
    const page = w.channel.lastMessages(access.roomNum, read.count, read.beforeSeq);
    if (read.beforeSeq === undefined) w.channel.markRead(read.reader.uri, access.room.id, page[0]?.seq ?? 0);
    return page.reverse();
  });
}
