import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { topicFeedKeys } from './topic-feed-keys';

export const MATCHES_PAGE_SIZE = 25;

export const feedMatchQueries = {
  /** Newest page first; each further page is older (`beforeId`, the global message id). */
  pages: (userId: string, feedId: string) =>
    infiniteQueryOptions({
      queryKey: topicFeedKeys.matches(userId, feedId),
      queryFn: ({ pageParam }) =>
        callAdmin('feeds.matches', {
          userId,
          feedId,
          limit: MATCHES_PAGE_SIZE,
          ...(pageParam === undefined ? {} : { beforeId: pageParam }),
        }),
      initialPageParam: undefined as number | undefined,
      getNextPageParam: (page) =>
        page.items.length < MATCHES_PAGE_SIZE ? undefined : page.items[page.items.length - 1]?.id,
      staleTime: 0,
    }),
};

export function useFeedMatches(userId: string, feedId: string) {
  return useInfiniteQuery(feedMatchQueries.pages(userId, feedId));
}
