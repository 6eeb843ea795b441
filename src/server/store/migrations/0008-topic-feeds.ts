import type { Migration } from '../migration.js';

/**
 * Topic feeds (issue 5 item 7; LYNC.md §4 item 8, §8.7): a user's named keyword filters over the
 * rooms they can read. `rooms_json` is null for "every room the user can read" (evaluated at each
 * read, so a lost permission drops the room at once). `seen_id` is the global message row id
 * (`messages.id`, the FTS docid: it rises with time) up to which the user has seen the matches.
 * `topic_feed_ego` keeps the seen mark of each user's built-in "ego" feed (mentions of the user).
 */
export const migration0008TopicFeeds: Migration = {
  version: 8,
  name: 'topic-feeds',
  up: `
    CREATE TABLE topic_feeds (
      id          TEXT PRIMARY KEY NOT NULL,
      user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name        TEXT NOT NULL,
      keywords    TEXT NOT NULL,
      match       TEXT NOT NULL CHECK (match IN ('all', 'any', 'exact')),
      rooms_json  TEXT,
      seen_id     INTEGER NOT NULL DEFAULT 0,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    );
    CREATE INDEX topic_feeds_user ON topic_feeds (user_id, created_at);
    CREATE TABLE topic_feed_ego (
      user_id  TEXT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      seen_id  INTEGER NOT NULL DEFAULT 0
    );
  `,
};
