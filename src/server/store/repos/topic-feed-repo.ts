/** Topic feeds over SQL (migration 0008) and FTS4 (`message_fts`, migration 0006). */
import type { StoredMessage } from '../../services/channel/channel-repo-port.js';
import type {
  FeedSearch,
  TopicFeed,
  TopicFeedReader,
  TopicFeedWriter,
} from '../../services/channel/features/topic-feeds/topic-feed-repo-port.js';
import type { SqlReader, SqlValue, SqlWriter } from '../sql-store.js';
import { fromJson, toJson } from './sql-values.js';

type FeedRow = {
  id: string;
  user_id: string;
  name: string;
  keywords: string;
  match: TopicFeed['match'];
  rooms_json: string | null;
  seen_id: number;
  created_at: string;
  updated_at: string;
};

function toFeed(r: FeedRow): TopicFeed {
  return {
    id: r.id,
    userId: r.user_id,
    name: r.name,
    keywords: r.keywords,
    match: r.match,
    roomIds: (fromJson(r.rooms_json) as string[] | null) ?? null,
    seenId: Number(r.seen_id),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Every word is quoted (the service already reduced them to word characters). */
export function feedMatchExpression(search: FeedSearch): string | null {
  const phrases = search.clauses
    .map((words) => words.filter((w) => /^[\p{L}\p{N}_]+$/u.test(w)))
    .filter((words) => words.length > 0)
    .map((words) => `"${words.join(' ')}"`);
  if (phrases.length === 0) return null;
  return phrases.join(search.combine === 'all' ? ' ' : ' OR ');
}

/** FTS walks docids newest first, so LIMIT stops the walk (message-search.ts). */
function matchQuery(search: FeedSearch, bound: { afterId?: number; beforeId?: number }, limit: number) {
  const match = feedMatchExpression(search);
  if (match === null || search.roomNums.length === 0) return null;
  const where = ['message_fts MATCH ?', `m.room_id IN (${search.roomNums.map(() => '?').join(',')})`];
  const params: SqlValue[] = [match, ...search.roomNums];
  if (bound.afterId !== undefined) {
    where.push('f.docid > ?');
    params.push(bound.afterId);
  }
  if (bound.beforeId !== undefined) {
    where.push('f.docid < ?');
    params.push(bound.beforeId);
  }
  if (search.excludeAuthor !== undefined) {
    where.push('m.author <> ? COLLATE NOCASE');
    params.push(search.excludeAuthor);
  }
  params.push(limit);
  return {
    sql: `SELECT m.id, m.room_id, m.room_seq, m.author, m.posted_at, m.text, m.alert, m.story_title, m.story_body
FROM message_fts AS f JOIN messages AS m ON m.id = f.docid
WHERE ${where.join(' AND ')}
ORDER BY f.docid DESC LIMIT ?`,
    params,
  };
}

type MatchRow = {
  id: number;
  room_id: number;
  room_seq: number;
  author: string;
  posted_at: number;
  text: string;
  alert: number;
  story_title: string | null;
  story_body: string | null;
};

export function topicFeedReader(db: SqlReader): TopicFeedReader {
  return {
    listFeeds: (userId) =>
      db.all<FeedRow>('SELECT * FROM topic_feeds WHERE user_id = ? ORDER BY created_at, id', [userId]).map(toFeed),
    getFeed: (userId, feedId) => {
      const r = db.get<FeedRow>('SELECT * FROM topic_feeds WHERE user_id = ? AND id = ?', [userId, feedId]);
      return r && toFeed(r);
    },
    allFeeds: () => db.all<FeedRow>('SELECT * FROM topic_feeds').map(toFeed),
    egoSeen: (userId) =>
      Number(db.get<{ s: number }>('SELECT seen_id AS s FROM topic_feed_ego WHERE user_id = ?', [userId])?.s ?? 0),
    lastMessageId: () => Number(db.get<{ m: number | null }>('SELECT max(id) AS m FROM messages')?.m ?? 0),
    countMatches: (search, afterId, cap) => {
      const q = matchQuery(search, { afterId }, cap);
      if (!q) return 0;
      const row = db.get<{ n: number }>(`SELECT count(*) AS n FROM (${q.sql})`, q.params);
      return Number(row?.n ?? 0);
    },
    findMatches: (search, limit, beforeId) => {
      const q = matchQuery(search, beforeId === undefined ? {} : { beforeId }, limit);
      if (!q) return [];
      return db.all<MatchRow>(q.sql, q.params).map((r): StoredMessage => ({
        id: Number(r.id),
        roomNum: Number(r.room_id),
        seq: Number(r.room_seq),
        author: r.author,
        postedAt: Number(r.posted_at),
        text: r.text,
        alert: Number(r.alert) === 1,
        ...(r.story_title !== null && { story: { title: r.story_title, body: r.story_body ?? '' } }),
      }));
    },
  };
}

export function topicFeedWriter(db: SqlWriter): TopicFeedWriter {
  const row = (f: TopicFeed): SqlValue[] => [
    f.name,
    f.keywords,
    f.match,
    f.roomIds === null ? null : toJson(f.roomIds),
    f.seenId,
    f.updatedAt,
    f.userId,
    f.id,
  ];
  return {
    ...topicFeedReader(db),
    insertFeed: (f) =>
      void db.run(
        `INSERT INTO topic_feeds (name, keywords, match, rooms_json, seen_id, updated_at, user_id, id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [...row(f), f.createdAt],
      ),
    updateFeed: (f) =>
      void db.run(
        `UPDATE topic_feeds SET name = ?, keywords = ?, match = ?, rooms_json = ?, seen_id = ?, updated_at = ?
         WHERE user_id = ? AND id = ?`,
        row(f),
      ),
    deleteFeed: (userId, feedId) => {
      return db.run('DELETE FROM topic_feeds WHERE user_id = ? AND id = ?', [userId, feedId]).changes > 0;
    },
    setSeen: (userId, feedId, seenId) =>
      void db.run('UPDATE topic_feeds SET seen_id = ? WHERE user_id = ? AND id = ?', [seenId, userId, feedId]),
    setEgoSeen: (userId, seenId) => {
      db.run('INSERT OR IGNORE INTO topic_feed_ego (user_id, seen_id) VALUES (?, 0)', [userId]);
      db.run('UPDATE topic_feed_ego SET seen_id = ? WHERE user_id = ?', [seenId, userId]);
    },
  };
}
