/**
 * The headless host's configuration: flags > `PARLANCE_*` > `<dataDir>/parlance.config.json` >
 * defaults (data directory `./data`), validated once. The built console next to the bundle is
 * served unless `consoleDir` is set explicitly in any source (an explicit empty value turns it off).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config, ConfigKey } from '../config/config-schema.js';
import { CONFIG_FILE_NAME, loadConfig } from '../config/load-config.js';

export interface ServeConfigSources {
  flags: Partial<Record<ConfigKey, unknown>>;
  env: Record<string, string | undefined>;
  cwd: string;
  /** The built renderer (out/renderer) if there is one. */
  builtConsoleDir: string | null;
}

export function loadServeConfig(sources: ServeConfigSources): Config {
  const files = new Map<string, string | undefined>();
  const readConfigFile = (dataDir: string): string | undefined => {
    const file = join(resolve(sources.cwd, dataDir), CONFIG_FILE_NAME);
    if (!files.has(file)) files.set(file, existsSync(file) ? readFileSync(file, 'utf8') : undefined);
    return files.get(file);
  };
  const config = loadConfig({
    flags: sources.flags,
    env: sources.env,
    defaultDataDir: join(sources.cwd, 'data'),
    readConfigFile,
  });
  const dataDir = resolve(sources.cwd, config.dataDir);
  const explicitConsole =
    sources.flags.consoleDir !== undefined ||
    sources.env['PARLANCE_CONSOLE_DIR'] !== undefined ||
    fileSetsKey(readConfigFile(config.dataDir), 'consoleDir');
  const consoleDir = explicitConsole
    ? config.consoleDir === ''
      ? ''
      : resolve(sources.cwd, config.consoleDir)
    : (sources.builtConsoleDir ?? '');
  return { ...config, dataDir, consoleDir };
}

function fileSetsKey(text: string | undefined, key: string): boolean {
  if (text === undefined) return false;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && Object.hasOwn(parsed, key);
  } catch {
    return false;
  }
}
