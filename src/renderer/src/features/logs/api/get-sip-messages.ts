import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';

export type SipMessageFilters = NonNullable<AdminInput<'sip.recentMessages'>>;

export const sipMessageKeys = {
  all: ['sip-messages'] as const,
  lists: () => [...sipMessageKeys.all, 'recent'] as const,
  list: (filters: SipMessageFilters) => [...sipMessageKeys.lists(), filters] as const,
};

export const sipMessageQueries = {
  recent: (filters: SipMessageFilters) =>
    queryOptions({
      queryKey: sipMessageKeys.list(filters),
      queryFn: () => callAdmin('sip.recentMessages', filters),
      select: (result) => result.items,
      placeholderData: keepPreviousData,
      staleTime: 0,
    }),
};

/** The SIP front end's ring buffer of recent messages, oldest first. */
export function useSipMessages(filters: SipMessageFilters, refetchInterval: number | false) {
  return useQuery({ ...sipMessageQueries.recent(filters), refetchInterval });
}
