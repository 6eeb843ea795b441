import { queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { roomInspectorKeys } from './room-inspector-keys';

export const roomSummaryQueries = {
  /** The room itself (name, category, flags) … */
  summary: (id: string) =>
    queryOptions({ queryKey: roomInspectorKeys.summary(id), queryFn: () => callAdmin('rooms.get', { id }) }),
  /** … and the inspector header: roles, add-in, effective flags, live counts. */
  details: (id: string) =>
    queryOptions({ queryKey: roomInspectorKeys.details(id), queryFn: () => callAdmin('rooms.details', { id }) }),
};

export function useRoomSummary(id: string) {
  return useQuery(roomSummaryQueries.summary(id));
}

export function useRoomDetails(id: string) {
  return useQuery(roomSummaryQueries.details(id));
}
