export const topicFeedKeys = {
  all: ['topic-feeds'] as const,
  lists: () => [...topicFeedKeys.all, 'list'] as const,
  list: (userId: string) => [...topicFeedKeys.lists(), userId] as const,
  /** Every matches query of one user (a post or a seen mark changes them). */
  matchesOf: (userId: string) => [...topicFeedKeys.all, 'matches', userId] as const,
  matches: (userId: string, feedId: string) => [...topicFeedKeys.matchesOf(userId), feedId] as const,
};
