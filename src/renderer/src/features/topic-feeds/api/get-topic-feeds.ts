import { queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { topicFeedKeys } from './topic-feed-keys';

export const topicFeedQueries = {
  list: (userId: string) =>
    queryOptions({
      queryKey: topicFeedKeys.list(userId),
      queryFn: () => callAdmin('feeds.list', { userId }),
      select: (result) => result.items,
    }),
};

export function useTopicFeeds(userId: string) {
  return useQuery(topicFeedQueries.list(userId));
}
