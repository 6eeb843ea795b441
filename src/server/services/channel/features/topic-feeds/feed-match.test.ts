/**
 * Word folding (the ASCII fast path folds as the full NFD + mark-stripping path does) and the
 * pre-folded rules the post-time index keeps.
 */
import { describe, expect, it } from 'vitest';
import { foldRule, foldWord, foldedRuleMatches, keywordRule, postWords } from './feed-match.js';

const slowFold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe('feed matching', () => {
  it('folds ASCII words as the full path does, and folds case and diacritics elsewhere', () => {
    for (let c = 0; c < 128; c++) {
      const w = `Ab${String.fromCharCode(c)}Z9_`;
      expect(foldWord(w)).toBe(slowFold(w));
    }
    expect(['Ärger', 'CAFÉ', 'Straße', 'İstanbul', 'ÅNGSTRÖM'].map(foldWord)).toEqual(
      ['Ärger', 'CAFÉ', 'Straße', 'İstanbul', 'ÅNGSTRÖM'].map(slowFold),
    );
    expect(foldWord('Ärger')).toBe('arger');
  });

  it('pre-folded rules match per mode, phrases in order only', () => {
    const rule = (k: string, m: 'all' | 'any' | 'exact') => foldRule(keywordRule(k, m));
    const post = postWords('The Café OUTAGE is over, disk fine');
    expect(foldedRuleMatches(rule('cafe outage', 'exact'), post)).toBe(true);
    expect(foldedRuleMatches(rule('outage café', 'exact'), post)).toBe(false);
    expect(foldedRuleMatches(rule('disk outage', 'all'), post)).toBe(true);
    expect(foldedRuleMatches(rule('disk panic', 'all'), post)).toBe(false);
    expect(foldedRuleMatches(rule('disk panic', 'any'), post)).toBe(true);
    expect(foldedRuleMatches(rule('...', 'any'), post)).toBe(false);
  });
});
