import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES } from './error-codes.js';
import { renderErrorsDoc } from './errors-doc.js';

const DOC = fileURLToPath(new URL('../../../docs/errors.md', import.meta.url));

describe('docs/errors.md', () => {
  it('is current with the catalogue', () => {
    const checkedIn = readFileSync(DOC, 'utf8');
    expect(checkedIn, 'docs/errors.md is out of date: run `npm run docs:errors` and commit the result').toBe(
      renderErrorsDoc(),
    );
  });

  it('lists every code exactly once', () => {
    const doc = renderErrorsDoc();
    for (const code of ERROR_CODES) {
      expect(doc.split(`\`${code}\``).length - 1, code).toBe(1);
    }
  });
});
