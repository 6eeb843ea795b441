export const topicFeedKeys = {
  all: ['topic-feeds'] as const,
  lists: () => [...topicFeedKeys.all, 'list'] as const,
  list: (userId: string) => [...topicFeedKeys.lists(), userId] as const,
};
