import { queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { roomInspectorKeys } from './room-inspector-keys';

export const participantQueries = {
  list: (roomId: string) =>
    queryOptions({
      queryKey: roomInspectorKeys.participants(roomId),
      queryFn: () => callAdmin('rooms.participants', { id: roomId }),
      staleTime: 0,
    }),
};

/** Who is online; `room.participants.changed` invalidates it. */
export function useParticipants(roomId: string) {
  return useQuery(participantQueries.list(roomId));
}
