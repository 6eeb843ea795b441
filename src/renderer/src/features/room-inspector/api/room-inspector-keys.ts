import type { AdminInput } from '../../../../../server/admin-api/contract';

export type RoomSearchParams = Omit<AdminInput<'messages.search'>, 'roomIds' | 'beforeId'>;

/** Everything the inspector caches about one room nests under `room(id)`. */
export const roomInspectorKeys = {
  all: ['room-inspector'] as const,
  room: (id: string) => [...roomInspectorKeys.all, id] as const,
  summary: (id: string) => [...roomInspectorKeys.room(id), 'summary'] as const,
  details: (id: string) => [...roomInspectorKeys.room(id), 'details'] as const,
  participants: (id: string) => [...roomInspectorKeys.room(id), 'participants'] as const,
  history: (id: string) => [...roomInspectorKeys.room(id), 'history'] as const,
  searches: (id: string) => [...roomInspectorKeys.room(id), 'search'] as const,
  search: (id: string, params: RoomSearchParams) => [...roomInspectorKeys.searches(id), params] as const,
};
