import { ConfigSchema, CONFIG_KEYS, envNameFor, flagNameFor, type Config, type ConfigKey } from './config-schema.js';
import { ServerError } from '../errors/server-error.js';

export const CONFIG_FILE_NAME = 'parlance.config.json';

export interface ConfigSources {
  /** Flags already split into key → value (`{ httpPort: '9000' }`). */
  flags?: Partial<Record<ConfigKey, unknown>>;
  env?: Record<string, string | undefined>;
  /** Default data directory for this host (Electron userData, headless `./data`). */
  defaultDataDir: string;
  /** Reads the config file of a data directory; returns undefined if it does not exist. */
  readConfigFile?: (dataDir: string) => string | undefined;
}

/**
 * Merges defaults, the config file, the environment and flags (flags win) and validates once.
 * Throws `ERR_CONFIG_INVALID` whose message names the key, where it came from and the problem.
 */
export function loadConfig(sources: ConfigSources): Config {
  const env = sources.env ?? {};
  const flags = sources.flags ?? {};
  const fromEnv: Partial<Record<ConfigKey, unknown>> = {};
  for (const key of CONFIG_KEYS) {
    const value = env[envNameFor(key)];
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }
  const dataDir = String(flags.dataDir ?? fromEnv.dataDir ?? sources.defaultDataDir);
  let fromFile: Record<string, unknown> = {};
  const text = sources.readConfigFile?.(dataDir);
  if (text !== undefined) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
      fromFile = parsed as Record<string, unknown>;
    } catch (cause) {
      throw new ServerError(
        'ERR_CONFIG_INVALID',
        `${CONFIG_FILE_NAME}: ${(cause as Error).message}`,
        { source: CONFIG_FILE_NAME },
        { cause },
      );
    }
    const unknownKeys = Object.keys(fromFile).filter((k) => !(CONFIG_KEYS as string[]).includes(k));
    if (unknownKeys.length > 0) {
      throw new ServerError('ERR_CONFIG_INVALID', `${CONFIG_FILE_NAME}: unknown key "${unknownKeys[0]}"`, {
        key: unknownKeys[0],
      });
    }
  }
  const merged: Record<string, unknown> = { ...fromFile, ...fromEnv, ...stripUndefined(flags), dataDir };
  const result = ConfigSchema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0] ?? '') as ConfigKey;
    const source =
      flags[key] !== undefined
        ? flagNameFor(key)
        : fromEnv[key] !== undefined
          ? envNameFor(key)
          : key in fromFile
            ? `${CONFIG_FILE_NAME} "${key}"`
            : key;
    throw new ServerError('ERR_CONFIG_INVALID', `Invalid configuration ${source}: ${issue.message}`, {
      key,
      source,
      problem: issue.message,
    });
  }
  return result.data;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
