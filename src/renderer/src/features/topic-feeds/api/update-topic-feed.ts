import { useMutation } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { topicFeedKeys } from './topic-feed-keys';

export function updateTopicFeed(input: AdminInput<'feeds.update'>) {
  return callAdmin('feeds.update', input);
}

export function useUpdateTopicFeed() {
  return useMutation({
    mutationFn: updateTopicFeed,
    meta: { invalidates: [topicFeedKeys.all] },
  });
}
