/**
 * The admin contract's public surface — every method (and whether it is callable without a
 * session) and every event — compared with a checked-in snapshot, so that adding, renaming or
 * exposing a method is a deliberate, reviewed change.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN_EVENTS, ADMIN_METHODS, adminMethods } from './contract.js';

const UPDATE_HINT =
  'The admin contract surface changed. If intended, update the snapshot with ' +
  '`npx vitest run -u src/server/admin-api/contract-surface.test.ts`, review ' +
  'src/server/admin-api/__snapshots__/contract-surface.txt and commit it with the change.';

function renderContractSurface(): string {
  const methods = [...ADMIN_METHODS]
    .sort()
    .map((m) => `method ${m}${adminMethods[m].public ? ' (public: no session needed)' : ''}`);
  const events = [...ADMIN_EVENTS].sort().map((e) => `event ${e}`);
  return [...methods, ...events].join('\n') + '\n';
}

describe('admin contract surface', () => {
  it('matches the checked-in snapshot', async () => {
    await expect(renderContractSurface(), UPDATE_HINT).toMatchFileSnapshot('./__snapshots__/contract-surface.txt');
  });

  it('names methods resource.verb and events in the past tense', () => {
    for (const m of ADMIN_METHODS) expect(m, m).toMatch(/^[a-z]+(\.[a-z][a-zA-Z]*)+$/);
    for (const e of ADMIN_EVENTS) expect(e, e).toMatch(/^[a-z]+(\.[a-z]+)*\.[a-z]+ed$/);
  });

  it('only auth.login is public', () => {
    expect(ADMIN_METHODS.filter((m) => adminMethods[m].public)).toEqual(['auth.login']);
  });
});
