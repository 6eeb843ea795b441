/**
 * The post-time index of every user's feeds (ego included): folded index word → rules. A post
 * looks up its own words only, so its cost is the post's words and the rules filed under them,
 * not the number of feeds. Built on the first post; after that a change of one user's feeds or
 * of the user (display name, SIP URI, deletion) re-files that user's rules only — rebuilding all
 * 6,000 rules of 1,000 users took ~50 ms on the post that followed every feed edit (bench:feeds).
 */
import type { User } from '../../../users/user-repo-port.js';
import type { DataPort, Readers } from '../../../shared/data-port.js';
import {
  egoRule,
  foldedRuleMatches,
  foldRule,
  indexWords,
  keywordRule,
  type FeedRule,
  type FoldedRule,
  type PostWords,
} from './feed-match.js';
import type { TopicFeed } from './topic-feed-repo-port.js';

export interface IndexedRule {
  userId: string;
  userUri: string;
  feedId: string;
  rule: FoldedRule;
  /** The words it is filed under. */
  words: string[];
  roomIds: ReadonlySet<string> | null;
  /** Lower-case SIP URI whose own posts do not count (the ego feed). */
  excludeAuthor?: string;
}

export interface FeedHit {
  userUri: string;
  feedIds: string[];
}

export interface FeedIndex {
  /** Users (by id) whose feeds `post` matches in `roomId`, with the matching feed ids. */
  match(post: PostWords, roomId: string, author: string): Map<string, FeedHit>;
  /** Re-file one user's rules (after a change of their feeds or of the user). */
  refreshUser(userId: string): void;
  /** Forget everything; the next match rebuilds. */
  reset(): void;
  /** Rules filed (tests, figures). */
  readonly size: number;
}

function rulesOf(user: User, feeds: readonly TopicFeed[], egoFeedId: string): IndexedRule[] {
  const entry = (feedId: string, rule: FeedRule, rest: Partial<IndexedRule>): IndexedRule => ({
    userId: user.id,
    userUri: user.sipUri,
    feedId,
    rule: foldRule(rule),
    words: [...new Set(indexWords(rule))],
    roomIds: null,
    ...rest,
  });
  return [
    entry(egoFeedId, egoRule(user), { excludeAuthor: user.sipUri.toLowerCase() }),
    ...feeds.map((f) =>
      entry(f.id, keywordRule(f.keywords, f.match), {
        roomIds: f.roomIds === null ? null : new Set(f.roomIds),
      }),
    ),
  ];
}

export function createFeedIndex(data: DataPort, egoFeedId: string): FeedIndex {
  let byWord: Map<string, IndexedRule[]> | null = null;
  const byUser = new Map<string, IndexedRule[]>();

  function file(words: Map<string, IndexedRule[]>, userId: string, rules: IndexedRule[]): void {
    byUser.set(userId, rules);
    for (const rule of rules) {
      for (const word of rule.words) {
        const list = words.get(word);
        if (list) list.push(rule);
        else words.set(word, [rule]);
      }
    }
  }

  function unfile(words: Map<string, IndexedRule[]>, userId: string): void {
    const old = byUser.get(userId);
    if (!old) return;
    byUser.delete(userId);
    const gone = new Set(old);
    for (const word of new Set(old.flatMap((r) => r.words))) {
      const kept = words.get(word)?.filter((r) => !gone.has(r)) ?? [];
      if (kept.length > 0) words.set(word, kept);
      else words.delete(word);
    }
  }

  function build(): Map<string, IndexedRule[]> {
    const words = new Map<string, IndexedRule[]>();
    byUser.clear();
    data.read((r) => {
      const feeds = new Map<string, TopicFeed[]>();
      for (const f of r.topicFeeds.allFeeds()) {
        const list = feeds.get(f.userId);
        if (list) list.push(f);
        else feeds.set(f.userId, [f]);
      }
      for (const u of r.users.list()) file(words, u.id, rulesOf(u, feeds.get(u.id) ?? [], egoFeedId));
    });
    return words;
  }

  function userRules(r: Readers, userId: string): IndexedRule[] | null {
    const user = r.users.get(userId);
    return user ? rulesOf(user, r.topicFeeds.listFeeds(userId), egoFeedId) : null;
  }

  return {
    match(post, roomId, author) {
      byWord ??= build();
      const who = author.toLowerCase();
      const hits = new Map<string, FeedHit>();
      for (const word of post.set) {
        const rules = byWord.get(word);
        if (!rules) continue;
        for (const e of rules) {
          if (e.excludeAuthor === who) continue;
          if (e.roomIds && !e.roomIds.has(roomId)) continue;
          const hit = hits.get(e.userId);
          if (hit?.feedIds.includes(e.feedId)) continue;
          if (!foldedRuleMatches(e.rule, post)) continue;
          if (hit) hit.feedIds.push(e.feedId);
          else hits.set(e.userId, { userUri: e.userUri, feedIds: [e.feedId] });
        }
      }
      return hits;
    },
    refreshUser(userId) {
      const words = byWord;
      if (!words) return;
      const rules = data.read((r) => userRules(r, userId));
      unfile(words, userId);
      if (rules) file(words, userId, rules);
    },
    reset() {
      byWord = null;
      byUser.clear();
    },
    get size() {
      let n = 0;
      for (const rules of byUser.values()) n += rules.length;
      return n;
    },
  };
}
