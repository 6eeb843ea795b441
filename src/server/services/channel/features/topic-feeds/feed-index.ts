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

/** One per user, shared by the user's rules: gathers a post's matching feeds without a map. */
interface Owner {
  userId: string;
  userUri: string;
  /** The match call that last hit one of the user's rules, and what it gathered. */
  seen: number;
  hit: FeedHit | null;
}

export interface IndexedRule {
  owner: Owner;
  feedId: string;
  rule: FoldedRule;
  /** The words it is filed under. */
  words: string[];
  /** Found under any of its words, it matches: one-word clauses only, and `any` or just one. */
  certain: boolean;
  roomIds: ReadonlySet<string> | null;
  /** Lower-case SIP URI whose own posts do not count (the ego feed). */
  excludeAuthor: string | undefined;
  /** The match call that last looked at this rule (a post may reach it under several words). */
  seen: number;
}

export interface FeedHit {
  userId: string;
  userUri: string;
  feedIds: string[];
}

export interface FeedIndex {
  /** Users whose feeds `post` matches in `roomId` (one hit per user), with the matching feed ids. */
  match(post: PostWords, roomId: string, author: string): FeedHit[];
  /** Re-file one user's rules (after a change of their feeds or of the user). */
  refreshUser(userId: string): void;
  /** Forget everything; the next match rebuilds. */
  reset(): void;
  /** Rules filed (tests, figures). */
  readonly size: number;
}

function rulesOf(user: User, feeds: readonly TopicFeed[], egoFeedId: string): IndexedRule[] {
  const owner: Owner = { userId: user.id, userUri: user.sipUri, seen: 0, hit: null };
  const entry = (feedId: string, rule: FeedRule, rest: Partial<IndexedRule>): IndexedRule => ({
    owner,
    feedId,
    rule: foldRule(rule),
    words: [...new Set(indexWords(rule))],
    certain:
      rule.clauses.length > 0 &&
      rule.clauses.every((c) => c.length === 1) &&
      (rule.combine === 'any' || rule.clauses.length === 1),
    roomIds: null,
    excludeAuthor: undefined,
    seen: 0,
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
  let calls = 0;
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
      const call = ++calls;
      const who = author.toLowerCase();
      const hits: FeedHit[] = [];
      for (const word of post.set) {
        const rules = byWord.get(word);
        if (!rules) continue;
        for (const e of rules) {
          // Every test below depends on the post and the rule only: once per call is enough.
          if (e.seen === call) continue;
          e.seen = call;
          if (e.excludeAuthor === who) continue;
          if (e.roomIds && !e.roomIds.has(roomId)) continue;
          if (!e.certain && !foldedRuleMatches(e.rule, post)) continue;
          const o = e.owner;
          if (o.seen === call) o.hit!.feedIds.push(e.feedId);
          else {
            o.seen = call;
            o.hit = { userId: o.userId, userUri: o.userUri, feedIds: [e.feedId] };
            hits.push(o.hit);
          }
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
