import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { roomKeys } from './room-keys';

export const roomRoleQueries = {
  roles: (id: string) =>
    queryOptions({ queryKey: roomKeys.roles(id), queryFn: () => callAdmin('rooms.getRoles', { id }) }),
  facts: (id: string) =>
    queryOptions({ queryKey: roomKeys.facts(id), queryFn: () => callAdmin('rooms.details', { id }) }),
};

export function useRoomRoles(id: string) {
  return useQuery(roomRoleQueries.roles(id));
}

/** Details of several rooms at once; only fetched while `enabled` (a role or add-in filter is set). */
export function useRoomFacts(ids: string[], enabled: boolean) {
  return useQueries({
    queries: ids.map((id) => ({ ...roomRoleQueries.facts(id), enabled })),
    combine: (results) => ({
      byId: new Map(ids.map((id, index) => [id, results[index]?.data] as const)),
      pending: results.some((r) => r.isPending && enabled),
    }),
  });
}
