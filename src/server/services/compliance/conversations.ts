/**
 * Groups a batch's events into Conversations: one per room and RunInterval slot (LYNC.md §5.2,
 * "one run interval for one room"), ordered by their first event, events in seq order.
 */
import type { ComplianceConversation } from './compliance-adapter.js';
import type { QueuedComplianceEvent } from './compliance-queue-port.js';

export function groupConversations(
  events: readonly QueuedComplianceEvent[],
  runIntervalMinutes: number,
): ComplianceConversation[] {
  const slotMs = runIntervalMinutes * 60_000;
  const groups = new Map<string, { slot: number; events: QueuedComplianceEvent[] }>();
  for (const e of events) {
    const slot = Math.floor(Date.parse(e.at) / slotMs);
    const key = `${slot}\u0000${e.room.uri}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { slot, events: [] }));
    group.events.push(e);
  }
  return [...groups.values()].map(({ slot, events: list }) => ({
    room: list[list.length - 1]!.room,
    startAt: new Date(slot * slotMs).toISOString(),
    endAt: new Date((slot + 1) * slotMs).toISOString(),
    events: list,
  }));
}

/** Splits conversations per room (OneChatRoomPerOutputFile), rooms in order of first appearance. */
export function splitByRoom(conversations: readonly ComplianceConversation[]): ComplianceConversation[][] {
  const byRoom = new Map<string, ComplianceConversation[]>();
  for (const c of conversations) {
    const list = byRoom.get(c.room.uri);
    if (list) list.push(c);
    else byRoom.set(c.room.uri, [c]);
  }
  return [...byRoom.values()];
}
