import { useMutation } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { topicFeedKeys } from './topic-feed-keys';

export function markFeedSeen(input: AdminInput<'feeds.markSeen'>) {
  return callAdmin('feeds.markSeen', input);
}

export function useMarkFeedSeen() {
  return useMutation({
    mutationFn: markFeedSeen,
    meta: { invalidates: [topicFeedKeys.all] },
  });
}
