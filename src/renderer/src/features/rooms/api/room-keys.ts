import type { AdminInput } from '../../../../../server/admin-api/contract';

export type RoomFilters = NonNullable<AdminInput<'rooms.list'>>;

export const roomKeys = {
  all: ['rooms'] as const,
  lists: () => [...roomKeys.all, 'list'] as const,
  list: (filters: RoomFilters) => [...roomKeys.lists(), filters] as const,
  details: () => [...roomKeys.all, 'detail'] as const,
  detail: (id: string) => [...roomKeys.details(), id] as const,
  /** Members, managers and presenters (`rooms.getRoles`). */
  roles: (id: string) => [...roomKeys.detail(id), 'roles'] as const,
  /** Add-in, roles, counts (`rooms.details`): what the member/manager/add-in filters look at. */
  facts: (id: string) => [...roomKeys.detail(id), 'facts'] as const,
};

/** Filters `rooms.list` cannot apply; the screen applies them to each room's details. */
export interface RoomRoleFilters {
  member?: string;
  manager?: string;
  addinId?: string;
}

/** Drops unset filters so equal filters give equal keys. */
export function normalizeRoomFilters(filters: RoomFilters): RoomFilters {
  const normalized: RoomFilters = {};
  if (filters.categoryId) normalized.categoryId = filters.categoryId;
  if (filters.privacy) normalized.privacy = filters.privacy;
  if (filters.type) normalized.type = filters.type;
  if (typeof filters.disabled === 'boolean') normalized.disabled = filters.disabled;
  const search = filters.search?.trim();
  if (search) normalized.search = search;
  return normalized;
}
