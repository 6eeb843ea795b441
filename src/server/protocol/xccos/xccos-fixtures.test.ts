/**
 * Golden fixtures (STYLE.md practice 12): raw XCCOS bodies from XCCOS.md's examples, pidgin-sipe's
 * exact command strings, the captured SfB form (`xmlns:xsd`/`xmlns:xsi`, a space before `/>`), and
 * the server → client shapes; each with its expected typed JSON.
 */
import { describe, expect, it } from 'vitest';
import { isXccosParseFailure, parseXccos } from './parse-command.js';
import { serializeXccos } from './serialize-reply.js';

const XML = import.meta.glob<string>('./__fixtures__/*.xml', { query: '?raw', import: 'default', eager: true });
const JSON_FIXTURES = import.meta.glob<unknown>('./__fixtures__/*.json', { import: 'default', eager: true });

/** Fixtures our serializer does not reproduce byte for byte, and why. */
const NOT_CANONICAL: Record<string, string> = {
  'sfb-getfutok': '.NET style: extra namespace declarations and " />"',
  'sfb-getfdtok': '.NET style: extra namespace declarations and " />"',
  'sfb-rpl-getftok': '.NET style: extra namespace declarations and " />"',
  'sipe-grpchat': 'a literal CR LF inside <chat> is normalised to LF (XML 1.0 §2.11)',
};

const cases = Object.entries(XML).map(([path, xml]) => {
  const name = path.replace(/^.*\/(.*)\.xml$/, '$1');
  return { name, xml, expected: JSON_FIXTURES[path.replace(/\.xml$/, '.json')] };
});

describe('XCCOS golden fixtures', () => {
  it('has a JSON expectation for every XML body', () => {
    expect(cases.length).toBeGreaterThanOrEqual(35);
    for (const c of cases) expect(c.expected, c.name).toBeDefined();
  });

  it.each(cases)('$name parses to its expected JSON', ({ xml, expected }) => {
    expect(parseXccos(xml)).toEqual(expected);
  });

  it.each(cases)('$name round-trips: parse(serialize(parse(xml))) == parse(xml)', ({ xml }) => {
    const parsed = parseXccos(xml);
    if (isXccosParseFailure(parsed)) throw new Error(parsed.detail);
    expect(parseXccos(serializeXccos(parsed))).toEqual(parsed);
  });

  it.each(cases.filter((c) => !(c.name in NOT_CANONICAL)))('$name is reproduced byte for byte', ({ xml }) => {
    const parsed = parseXccos(xml);
    if (isXccosParseFailure(parsed)) throw new Error(parsed.detail);
    expect(serializeXccos(parsed)).toBe(xml);
  });
});
