/**
 * Topic-feed matching rules, shared by the FTS query (counts and matches) and the in-memory
 * check of one new post (which users to tell that their counts changed). Words are what the
 * FTS4 unicode61 tokenizer sees: runs of letters, digits and `_`, case and diacritics folded.
 * `all`: every keyword; `any`: at least one; `exact`: the keywords as one phrase, in order.
 */
import type { FeedMatch, FeedSearch } from './topic-feed-repo-port.js';

const WORD = /[\p{L}\p{N}_]+/gu;

export function feedWords(text: string): string[] {
  return text.normalize('NFC').match(WORD) ?? [];
}

const NON_ASCII = /[^\p{ASCII}]/u;

/** Case- and diacritic-folded, as the FTS index compares. */
export function foldWord(word: string): string {
  // ASCII has nothing to decompose or strip (the common case, at every post's every word)
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export type FeedRule = Pick<FeedSearch, 'clauses' | 'combine'>;

export function keywordRule(keywords: string, match: FeedMatch): FeedRule {
  const words = feedWords(keywords);
  if (match === 'exact') return { clauses: words.length > 0 ? [words] : [], combine: 'all' };
  return { clauses: words.map((w) => [w]), combine: match === 'all' ? 'all' : 'any' };
}

/** The SIP user part (`sip:jane.doe@x` → `jane.doe`). */
export function sipUserPart(sipUri: string): string {
  const bare = sipUri.replace(/^sip:/i, '');
  const at = bare.indexOf('@');
  return at < 0 ? bare : bare.slice(0, at);
}

/** The "ego" feed: posts naming the user by display name or SIP user part (as phrases). */
export function egoRule(user: { displayName: string; sipUri: string }): FeedRule {
  const phrases = [feedWords(user.displayName), feedWords(sipUserPart(user.sipUri))].filter((p) => p.length > 0);
  const seen = new Set<string>();
  const clauses = phrases.filter((p) => {
    const key = p.map(foldWord).join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { clauses, combine: 'any' };
}

/** The folded word sequence of a post, prepared once for many rules. */
export interface PostWords {
  set: ReadonlySet<string>;
  /** ` w1 w2 … ` for phrase checks. */
  line: string;
}

export function postWords(text: string): PostWords {
  const words = feedWords(text).map(foldWord);
  return { set: new Set(words), line: ` ${words.join(' ')} ` };
}

export function ruleMatches(rule: FeedRule, post: PostWords): boolean {
  return foldedRuleMatches(foldRule(rule), post);
}

/**
 * A rule with its words folded once (what the post-time index keeps): a one-word clause is the
 * folded word, a phrase is ` w1 w2 … ` (words hold no spaces, so the leading space tells them apart).
 */
export interface FoldedRule {
  clauses: string[];
  combine: 'all' | 'any';
}

export function foldRule(rule: FeedRule): FoldedRule {
  return {
    clauses: rule.clauses.map((c) => (c.length === 1 ? foldWord(c[0]!) : ` ${c.map(foldWord).join(' ')} `)),
    combine: rule.combine,
  };
}

function clauseHit(clause: string, post: PostWords): boolean {
  return clause.charCodeAt(0) === 32 ? post.line.includes(clause) : post.set.has(clause);
}

export function foldedRuleMatches(rule: FoldedRule, post: PostWords): boolean {
  const { clauses } = rule;
  if (clauses.length === 0) return false;
  if (rule.combine === 'all') {
    for (const c of clauses) if (!clauseHit(c, post)) return false;
    return true;
  }
  for (const c of clauses) if (clauseHit(c, post)) return true;
  return false;
}

/** A word that every matching post contains, or, for `any`, the words of which one must occur. */
export function indexWords(rule: FeedRule): string[] {
  if (rule.clauses.length === 0) return [];
  if (rule.combine === 'all') return [foldWord(rule.clauses[0]![0]!)];
  return rule.clauses.map((c) => foldWord(c[0]!));
}
