import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadServeConfig } from './serve-config.js';

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'parlance-cfg-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const built = '/opt/parlance/out/renderer/';

describe('loadServeConfig', () => {
  it('defaults to ./data (absolute) and the built console', () => {
    const config = loadServeConfig({ flags: {}, env: {}, cwd, builtConsoleDir: built });
    expect(config.dataDir).toBe(join(cwd, 'data'));
    expect(config.consoleDir).toBe(built);
    expect(config.httpPort).toBe(8080);
  });

  it('resolves a relative data directory and reads its config file; flags beat env beat file', async () => {
    await writeFile(join(cwd, 'parlance.config.json'), JSON.stringify({ httpPort: 9001, domain: 'file.example' }));
    const config = loadServeConfig({
      flags: { dataDir: '.', domain: 'flag.example' },
      env: { PARLANCE_DOMAIN: 'env.example', PARLANCE_BIND: '0.0.0.0' },
      cwd,
      builtConsoleDir: null,
    });
    expect(config).toMatchObject({
      dataDir: cwd,
      httpPort: 9001,
      domain: 'flag.example',
      bind: '0.0.0.0',
      consoleDir: '',
    });
  });

  it('lets an explicit consoleDir win, and an explicit empty one turn the console off', async () => {
    expect(loadServeConfig({ flags: { consoleDir: 'ui' }, env: {}, cwd, builtConsoleDir: built }).consoleDir).toBe(
      join(cwd, 'ui'),
    );
    await writeFile(join(cwd, 'parlance.config.json'), JSON.stringify({ consoleDir: '' }));
    expect(loadServeConfig({ flags: { dataDir: cwd }, env: {}, cwd, builtConsoleDir: built }).consoleDir).toBe('');
  });

  it('throws ERR_CONFIG_INVALID naming the environment variable', () => {
    expect(() =>
      loadServeConfig({ flags: {}, env: { PARLANCE_HTTP_PORT: 'abc' }, cwd, builtConsoleDir: null }),
    ).toThrow(
      expect.objectContaining({ code: 'ERR_CONFIG_INVALID', message: expect.stringContaining('PARLANCE_HTTP_PORT') }),
    );
  });
});
