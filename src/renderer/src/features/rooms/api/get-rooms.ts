import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { normalizeRoomFilters, roomKeys, type RoomFilters } from './room-keys';

export const roomQueries = {
  list: (filters: RoomFilters) => {
    const normalized = normalizeRoomFilters(filters);
    return queryOptions({
      queryKey: roomKeys.list(normalized),
      queryFn: () => callAdmin('rooms.list', normalized),
      select: (result) => result.items,
      placeholderData: keepPreviousData,
    });
  },
  detail: (id: string) =>
    queryOptions({
      queryKey: roomKeys.detail(id),
      queryFn: () => callAdmin('rooms.get', { id }),
    }),
};

export function useRooms(filters: RoomFilters) {
  return useQuery(roomQueries.list(filters));
}
