import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { roomInspectorKeys, type RoomSearchParams } from './room-inspector-keys';

export const roomSearchQueries = {
  search: (roomId: string, params: RoomSearchParams) =>
    queryOptions({
      queryKey: roomInspectorKeys.search(roomId, params),
      queryFn: () => callAdmin('messages.search', { ...params, roomIds: [roomId] }),
      placeholderData: keepPreviousData,
    }),
};

/** Full-text search in one room; disabled until there is text to search for. */
export function useRoomSearch(roomId: string, params: RoomSearchParams | null) {
  return useQuery({
    ...roomSearchQueries.search(roomId, params ?? { text: '' }),
    enabled: params !== null && params.text.trim() !== '',
  });
}
