/**
 * What a post needs to be authorized (room, category flags, scope, roles, the author's admin role
 * and groups, the server's size limits), remembered per (room, user) so that the fan-out hot path
 * does not query the store on every post. Correctness first: the whole cache is dropped on EVERY
 * committed domain event except the few listed below that cannot change access (a message
 * posted, participants, history edits, compliance progress). Events are published right after
 * their transaction commits, so the next post after any change (room roles, category
 * scope/denied/creators, room privacy/type/disabled/move, policies, groups, users, chat
 * configuration, add-ins) reads the store again. Unknown or future events also clear it.
 */
import type { DomainEvent } from '../shared/events-port.js';

/** Events that never change who may post where, nor the size limits. */
const ACCESS_NEUTRAL_EVENTS: ReadonlySet<string> = new Set([
  'room.message.posted',
  'room.participants.changed',
  'room.history.changed',
  'feed.counts.changed',
  'compliance.status.changed',
  'compliance.run.progressed',
  'compliance.run.completed',
]);

/** Whether `event` may change who may post or read where (every event but the neutral ones). */
export function mayChangeAccess(event: Pick<DomainEvent, 'name'>): boolean {
  return !ACCESS_NEUTRAL_EVENTS.has(event.name);
}

export interface AccessCache<T> {
  /** The remembered value for (room, user), or `load()`'s result, remembered when defined. */
  get(roomId: string, userUri: string, load: () => T | undefined): T | undefined;
  /** Drop everything when `event` may change access. */
  onEvent(event: Pick<DomainEvent, 'name'>): void;
  clear(): void;
  readonly size: number;
}

export function createAccessCache<T>(maxEntries = 50_000): AccessCache<T> {
  const entries = new Map<string, T>();
  return {
    get(roomId, userUri, load) {
      const key = `${roomId}\n${userUri.toLowerCase()}`;
      const hit = entries.get(key);
      if (hit !== undefined) return hit;
      const value = load();
      if (value === undefined) return undefined;
      if (entries.size >= maxEntries) entries.clear();
      entries.set(key, value);
      return value;
    },
    onEvent(event) {
      if (mayChangeAccess(event)) entries.clear();
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
