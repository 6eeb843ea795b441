/**
 * Who is online in each room (issue 5 item 4): room → user → endpoints. A user is a participant
 * while at least one of their endpoints has joined; notices go out on the first join and the last
 * part of a user (XCCOS.md §9 item 6).
 */
export interface PresenceEntry<S> {
  userUri: string;
  sessions: Set<S>;
}

export interface RoomPresence<S> {
  /** `first`: this was the user's first endpoint in the room. */
  join(roomId: string, userUri: string, session: S): { first: boolean };
  /** `last`: the user has no endpoint left in the room. */
  part(roomId: string, userUri: string, session: S): { last: boolean; was: boolean };
  has(roomId: string, session: S): boolean;
  users(roomId: string): string[];
  sessions(roomId: string): S[];
  /** Distinct users in the room. */
  count(roomId: string): number;
  rooms(): string[];
}

export function createRoomPresence<S>(): RoomPresence<S> {
  const byRoom = new Map<string, Map<string, Set<S>>>();
  // Every endpoint joined to a room, kept beside the per-user map: the post path asks `has` and
  // `sessions` on every message, so both must not walk the room's users.
  const endpointsByRoom = new Map<string, Set<S>>();
  return {
    join(roomId, userUri, session) {
      let users = byRoom.get(roomId);
      if (!users) byRoom.set(roomId, (users = new Map()));
      const key = userUri.toLowerCase();
      let sessions = users.get(key);
      const first = sessions === undefined || sessions.size === 0;
      if (!sessions) users.set(key, (sessions = new Set()));
      sessions.add(session);
      let endpoints = endpointsByRoom.get(roomId);
      if (!endpoints) endpointsByRoom.set(roomId, (endpoints = new Set()));
      endpoints.add(session);
      return { first };
    },
    part(roomId, userUri, session) {
      const users = byRoom.get(roomId);
      const key = userUri.toLowerCase();
      const sessions = users?.get(key);
      if (!users || !sessions || !sessions.delete(session)) return { last: false, was: false };
      // A session joins a room under one user, so it leaves the room's endpoint set here.
      const endpoints = endpointsByRoom.get(roomId);
      endpoints?.delete(session);
      if (endpoints?.size === 0) endpointsByRoom.delete(roomId);
      if (sessions.size > 0) return { last: false, was: true };
      users.delete(key);
      if (users.size === 0) byRoom.delete(roomId);
      return { last: true, was: true };
    },
    has: (roomId, session) => endpointsByRoom.get(roomId)?.has(session) ?? false,
    users: (roomId) => [...(byRoom.get(roomId)?.keys() ?? [])],
    sessions: (roomId) => [...(endpointsByRoom.get(roomId) ?? [])],
    count: (roomId) => byRoom.get(roomId)?.size ?? 0,
    rooms: () => [...byRoom.keys()],
  };
}
