import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { roomInspectorKeys } from './room-inspector-keys';

export const HISTORY_PAGE_SIZE = 25;

export const historyQueries = {
  /** Newest page first; each further page is older (`beforeMessageId`). */
  pages: (roomId: string) =>
    infiniteQueryOptions({
      queryKey: roomInspectorKeys.history(roomId),
      queryFn: ({ pageParam }) =>
        callAdmin('messages.history', {
          roomId,
          limit: HISTORY_PAGE_SIZE,
          ...(pageParam === undefined ? {} : { beforeMessageId: pageParam }),
        }),
      initialPageParam: undefined as number | undefined,
      getNextPageParam: (page) =>
        page.items.length < HISTORY_PAGE_SIZE ? undefined : page.items[page.items.length - 1]?.messageId,
      staleTime: 0,
    }),
};

export function useHistory(roomId: string) {
  return useInfiniteQuery(historyQueries.pages(roomId));
}
