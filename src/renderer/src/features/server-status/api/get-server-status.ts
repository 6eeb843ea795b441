import { queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';

export const serverStatusKeys = {
  all: ['server-status'] as const,
  status: () => [...serverStatusKeys.all, 'status'] as const,
};

export const STATUS_REFRESH_MS = 5_000;

export const serverStatusQueries = {
  status: () =>
    queryOptions({
      queryKey: serverStatusKeys.status(),
      queryFn: () => callAdmin('server.status', {}),
      staleTime: 2_000,
    }),
};

export function useServerStatus(options: { refetchInterval?: number | false } = {}) {
  return useQuery({ ...serverStatusQueries.status(), refetchInterval: options.refetchInterval ?? STATUS_REFRESH_MS });
}
