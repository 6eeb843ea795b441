import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';

export type LogFilters = NonNullable<AdminInput<'logs.recent'>>;
export type LogLevel = NonNullable<LogFilters['minLevel']>;

export const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

export const logKeys = {
  all: ['logs'] as const,
  lists: () => [...logKeys.all, 'recent'] as const,
  list: (filters: LogFilters) => [...logKeys.lists(), filters] as const,
};

export const logQueries = {
  recent: (filters: LogFilters) =>
    queryOptions({
      queryKey: logKeys.list(filters),
      queryFn: () => callAdmin('logs.recent', filters),
      select: (result) => result.items,
      placeholderData: keepPreviousData,
      staleTime: 0,
    }),
};

export function useRecentLogs(filters: LogFilters, refetchInterval: number | false) {
  return useQuery({ ...logQueries.recent(filters), refetchInterval });
}
