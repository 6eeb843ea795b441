/**
 * Storage port of the topic-feed slice (implemented in store/repos/topic-feed-repo.ts). Seen marks
 * and match bounds are global message row ids (`StoredMessage.id`, the FTS docid: rises with time).
 */
import type { StoredMessage } from '../../channel-repo-port.js';

export type FeedMatch = 'all' | 'any' | 'exact';

export interface TopicFeed {
  id: string;
  userId: string;
  name: string;
  keywords: string;
  match: FeedMatch;
  /** null: every room the user can read (evaluated at each read). */
  roomIds: string[] | null;
  seenId: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * A full-text filter: each clause is a phrase (one or more words, already reduced to FTS-safe word
 * characters); `all` needs every clause, `any` one of them.
 */
export interface FeedSearch {
  clauses: string[][];
  combine: 'all' | 'any';
  roomNums: number[];
  /** Leave out this author's own posts (the ego feed). */
  excludeAuthor?: string;
}

export interface TopicFeedReader {
  listFeeds(userId: string): TopicFeed[];
  getFeed(userId: string, feedId: string): TopicFeed | undefined;
  /** Every user's feeds (the post-time candidate index). */
  allFeeds(): TopicFeed[];
  egoSeen(userId: string): number;
  /** The newest message row id, 0 when there is none. */
  lastMessageId(): number;
  /** Matches with id > `afterId`, counted up to `cap` (a capped count reads `cap`). */
  countMatches(search: FeedSearch, afterId: number, cap: number): number;
  /** Newest first; `beforeId` pages backwards. */
  findMatches(search: FeedSearch, limit: number, beforeId?: number): StoredMessage[];
}

export interface TopicFeedWriter extends TopicFeedReader {
  insertFeed(feed: TopicFeed): void;
  updateFeed(feed: TopicFeed): void;
  deleteFeed(userId: string, feedId: string): boolean;
  setSeen(userId: string, feedId: string, seenId: number): void;
  setEgoSeen(userId: string, seenId: number): void;
}
