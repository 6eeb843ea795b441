import { useMutation } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { topicFeedKeys } from './topic-feed-keys';

export function deleteTopicFeed(input: { userId: string; feedId: string }) {
  return callAdmin('feeds.delete', input);
}

export function useDeleteTopicFeed() {
  return useMutation({ mutationFn: deleteTopicFeed, meta: { invalidates: [topicFeedKeys.lists()] } });
}
