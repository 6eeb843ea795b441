import { useMutation } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { topicFeedKeys } from './topic-feed-keys';

export function createTopicFeed(input: AdminInput<'feeds.create'>) {
  return callAdmin('feeds.create', input);
}

export function useCreateTopicFeed() {
  return useMutation({ mutationFn: createTopicFeed, meta: { invalidates: [topicFeedKeys.lists()] } });
}
