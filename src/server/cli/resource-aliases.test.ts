import { describe, expect, it } from 'vitest';
import { adminMethods } from '../admin-api/contract.js';
import { parseJsonInput, resolveClientOptions } from './client-commands.js';
import { firstRunBanner } from './first-run-banner.js';
import { inputFromFlags, RESOURCES } from './resource-aliases.js';

describe('resource aliases', () => {
  it('map only to methods of the admin contract', () => {
    for (const [resource, { verbs }] of Object.entries(RESOURCES)) {
      for (const v of verbs) expect(Object.keys(adminMethods)).toContain(`${resource}.${v.verb}`);
    }
  });

  it('turn the given flags (only those) into the method input', () => {
    const create = RESOURCES['rooms']!.verbs.find((v) => v.verb === 'create')!;
    expect(inputFromFlags(create.fields!, { name: 'Lobby', category: 'c1', disabled: true })).toEqual({
      name: 'Lobby',
      categoryId: 'c1',
      disabled: true,
    });
    const update = RESOURCES['categories']!.verbs.find((v) => v.verb === 'update')!;
    expect(inputFromFlags(update.fields!, { fileUpload: 'false', chatHistory: 'yes' }, 'id7')).toEqual({
      id: 'id7',
      fileUpload: false,
      chatHistory: true,
    });
  });
});

describe('client options and input', () => {
  it('prefers flags over PARLANCE_* and defaults the URL', () => {
    expect(resolveClientOptions({}, {})).toEqual({
      url: 'http://127.0.0.1:8080',
      token: undefined,
      user: undefined,
      password: undefined,
    });
    expect(
      resolveClientOptions(
        { url: 'http://h:1', password: 'p-flag' },
        { PARLANCE_URL: 'http://e:2', PARLANCE_PASSWORD: 'p-env', PARLANCE_USER: 'root' },
      ),
    ).toEqual({ url: 'http://h:1', token: undefined, user: 'root', password: 'p-flag' });
  });

  it('parses JSON input (empty = {}) and reports bad JSON as ERR_ADMIN_BAD_REQUEST', () => {
    expect(parseJsonInput(undefined)).toEqual({ ok: true, value: {} });
    expect(parseJsonInput('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonInput('{a:1}')).toMatchObject({ ok: false, error: { code: 'ERR_ADMIN_BAD_REQUEST' } });
  });
});

describe('firstRunBanner', () => {
  it('boxes the generated password with aligned borders', () => {
    const lines = firstRunBanner({
      username: 'admin',
      sipUri: 'sip:admin@example.com',
      generatedPassword: 'S3cret-pass',
    }).split('\n');
    expect(lines.join('\n')).toContain('Password: S3cret-pass');
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});
