import { describe, expect, it } from 'vitest';
import { parseConfigFlags } from './config-flags.js';
import { loadConfig } from '../server/config/load-config.js';

describe('parseConfigFlags', () => {
  it('maps kebab-case flags to config keys, in both spellings', () => {
    expect(parseConfigFlags(['--http-port', '9000', '--data-dir=/srv/parlance', '--domain', 'corp.example'])).toEqual({
      httpPort: '9000',
      dataDir: '/srv/parlance',
      domain: 'corp.example',
    });
  });

  it('ignores the app path and Chromium/Node switches Electron passes along', () => {
    const argv = ['.', '--inspect=0', '--remote-debugging-port=0', '--no-sandbox', '--log-level', 'debug'];
    expect(parseConfigFlags(argv)).toEqual({ logLevel: 'debug' });
  });

  it('treats a bare boolean flag as true', () => {
    expect(parseConfigFlags(['--open-browser'])).toEqual({ openBrowser: 'true' });
  });

  it('flags win over the environment when loaded', () => {
    const config = loadConfig({
      flags: parseConfigFlags(['--http-port', '9001']),
      env: { PARLANCE_HTTP_PORT: '9002', PARLANCE_BIND: '0.0.0.0' },
      defaultDataDir: '/tmp/parlance-test',
    });
    expect(config.httpPort).toBe(9001);
    expect(config.bind).toBe('0.0.0.0');
    expect(config.dataDir).toBe('/tmp/parlance-test');
  });

  it('an invalid flag value fails loading with a message naming the flag', () => {
    expect(() =>
      loadConfig({ flags: parseConfigFlags(['--http-port', 'abc']), env: {}, defaultDataDir: '/tmp/x' }),
    ).toThrow(/--http-port/);
  });
});
