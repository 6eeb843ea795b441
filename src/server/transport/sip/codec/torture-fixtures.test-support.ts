/** Loads the golden torture fixtures (codec/__fixtures__/torture/*.sip + *.json) for tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FixtureExpectation {
  expect: 'request' | 'response' | 'failure';
  method?: string;
  uri?: string;
  status?: number;
  reason?: string;
  requestUriUser?: string;
  headers?: Record<string, string>;
  headerCounts?: Record<string, number>;
  headerCount?: number;
  viaCount?: number;
  vias?: Array<Record<string, string | number | null>>;
  from?: Record<string, string>;
  to?: Record<string, string>;
  contact?: Record<string, string | number>;
  cseq?: { seq: number; method: string };
  bodyLength?: number;
  bodyEndsWith?: string;
  bodyContainsHex?: string;
  nonUtf8Headers?: boolean;
  answerable?: boolean;
  /** false: not a valid stream message (kept out of the framer concatenation). */
  stream?: boolean;
  frames?: number;
  wsExpect?: 'request';
  wsBodyLength?: number;
}

export interface Fixture {
  name: string;
  bytes: Buffer;
  expected: FixtureExpectation;
}

const DIR = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'torture');

export function loadTortureFixtures(): Fixture[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.sip'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -4);
      return {
        name,
        bytes: readFileSync(join(DIR, f)),
        expected: JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as FixtureExpectation,
      };
    });
}
