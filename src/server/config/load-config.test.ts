import { describe, expect, it } from 'vitest';
import { ServerError } from '../errors/server-error.js';
import { CONFIG_KEYS, envNameFor, flagNameFor } from './config-schema.js';
import { CONFIG_FILE_NAME, loadConfig, type ConfigSources } from './load-config.js';

function file(contents: Record<string, unknown> | string, expectDir = '/data') {
  return (dir: string) => {
    expect(dir).toBe(expectDir);
    return typeof contents === 'string' ? contents : JSON.stringify(contents);
  };
}

function failure(sources: ConfigSources): ServerError {
  try {
    loadConfig(sources);
  } catch (err) {
    if (err instanceof ServerError) return err;
    throw err;
  }
  throw new Error('expected loadConfig to fail');
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({ defaultDataDir: './data' });
    expect(config).toMatchObject({
      dataDir: './data',
      httpPort: 8080,
      bind: '127.0.0.1',
      domain: 'example.com',
      logLevel: 'info',
      sessionTtlMinutes: 480,
      loginAttemptsPerMinute: 10,
    });
    expect(config.adminPassword).toBeUndefined();
  });

  it('layers file < environment < flags', () => {
    const sources: ConfigSources = {
      defaultDataDir: '/data',
      readConfigFile: file({ httpPort: 1000, domain: 'file.test', logLevel: 'debug', bind: '0.0.0.0' }),
      env: { PARLANCE_HTTP_PORT: '2000', PARLANCE_DOMAIN: 'env.test', UNRELATED: 'x' },
      flags: { httpPort: '3000' },
    };
    expect(loadConfig(sources)).toMatchObject({
      httpPort: 3000,
      domain: 'env.test',
      logLevel: 'debug',
      bind: '0.0.0.0',
    });
    expect(loadConfig({ ...sources, flags: {} })).toMatchObject({ httpPort: 2000, domain: 'env.test' });
    expect(loadConfig({ ...sources, env: {} })).toMatchObject({ httpPort: 3000, domain: 'file.test' });
  });

  it('reads the config file from the data directory chosen by env or flags', () => {
    const env = { PARLANCE_DATA_DIR: '/from-env' };
    expect(
      loadConfig({ defaultDataDir: '/d', env, readConfigFile: file({ domain: 'a.test' }, '/from-env') }).domain,
    ).toBe('a.test');
    const flags = { dataDir: '/from-flag' };
    expect(loadConfig({ defaultDataDir: '/d', env, flags, readConfigFile: file({}, '/from-flag') }).dataDir).toBe(
      '/from-flag',
    );
  });

  it('names the key and the source of an invalid value', () => {
    const fromFlag = failure({ defaultDataDir: '/data', flags: { httpPort: '70000' } });
    expect(fromFlag.code).toBe('ERR_CONFIG_INVALID');
    expect(fromFlag.message).toContain('--http-port');
    expect(fromFlag.details).toMatchObject({ key: 'httpPort', source: '--http-port' });

    const fromEnv = failure({ defaultDataDir: '/data', env: { PARLANCE_DOMAIN: 'not a domain!' } });
    expect(fromEnv.message).toContain('PARLANCE_DOMAIN');
    expect(fromEnv.details).toMatchObject({ key: 'domain', source: 'PARLANCE_DOMAIN' });

    const fromFile = failure({ defaultDataDir: '/data', readConfigFile: file({ sessionTtlMinutes: 0 }) });
    expect(fromFile.message).toContain(CONFIG_FILE_NAME);
    expect(fromFile.details).toMatchObject({ key: 'sessionTtlMinutes' });

    const shortPassword = failure({ defaultDataDir: '/data', env: { PARLANCE_ADMIN_PASSWORD: 'short' } });
    expect(shortPassword.message).toMatch(/PARLANCE_ADMIN_PASSWORD.*at least 8/);
  });

  it('rejects a malformed config file or an unknown key in it', () => {
    expect(failure({ defaultDataDir: '/data', readConfigFile: file('{ nope') }).message).toContain(CONFIG_FILE_NAME);
    expect(failure({ defaultDataDir: '/data', readConfigFile: file('[1]') }).message).toContain('not a JSON object');
    const unknown = failure({ defaultDataDir: '/data', readConfigFile: file({ htpPort: 1 }) });
    expect(unknown.details).toMatchObject({ key: 'htpPort' });
  });

  it('derives env and flag names from the keys', () => {
    expect(envNameFor('httpPort')).toBe('PARLANCE_HTTP_PORT');
    expect(flagNameFor('loginAttemptsPerMinute')).toBe('--login-attempts-per-minute');
    expect(new Set(CONFIG_KEYS.map(envNameFor)).size).toBe(CONFIG_KEYS.length);
  });
});
