/**
 * The configuration table in README.md, rendered from the schema (config-doc.test.ts keeps the
 * README current; `npm run docs:config` rewrites it). A key without a meaning here does not
 * compile, so a new setting cannot ship undocumented.
 */
import { CONFIG_KEYS, ConfigSchema, envNameFor, flagNameFor, type ConfigKey } from '../server/config/config-schema.js';

export const CONFIG_TABLE_START = '<!-- config-table:start (generated from src/server/config/config-schema.ts) -->';
export const CONFIG_TABLE_END = '<!-- config-table:end -->';

const MEANING: Record<ConfigKey, string> = {
  dataDir: 'Directory for the store, the log files and `parlance.config.json`.',
  httpPort: 'HTTP port of the admin API and the browser console (0 = any free port).',
  bind: 'Address the HTTP (and later SIP) listeners bind to; `0.0.0.0` exposes them to the network.',
  domain: 'SIP domain of the server (room URIs `ma-chan://<domain>/…`, users `sip:…@<domain>`).',
  adminPassword: 'Password of the first administrator, used on first run only; generated and printed once if unset.',
  logLevel: 'Lowest level written to the log: `trace`, `debug`, `info`, `warn`, `error` or `fatal`.',
  logRotateMB: 'Rotate the log file in the data directory when it reaches this size (MiB).',
  logKeepFiles: 'How many rotated log files to keep.',
  sessionTtlMinutes: 'Lifetime of a console login session (headless), in minutes.',
  storeMaxMB:
    'Safe size of the store in MiB: a warning at 75 %, new content refused with `ERR_STORE_FULL` at the limit (see Limits).',
  storeSnapshotEveryFrames:
    'Snapshot the store after this many journal frames; bounds recovery time (about 15 µs per frame at 1 million messages).',
  storeGroupCommitMs: 'Group-commit window in ms: write transactions arriving within it share one fsync.',
  loginAttemptsPerMinute: 'Failed logins allowed per source address per minute before `ERR_AUTH_RATE_LIMITED`.',
  consoleDir: 'Serve the built console from this directory (headless); empty = do not serve it.',
  openBrowser: 'Open the console in the default browser on start (headless, interactive).',
  sipTcpPort: 'SIP over TCP port (0 = any free port, -1 = off).',
  sipTlsPort: 'SIP over TLS port (0 = any free port, -1 = off).',
  sipTlsCert:
    'PEM certificate file for SIP over TLS; empty = a self-signed certificate generated into the data directory.',
  sipTlsKey: 'PEM private key file for SIP over TLS (with `sipTlsCert`).',
  sipWebSocket: 'Accept SIP over WebSocket (RFC 7118) at `/sip` on the HTTP server.',
  sipTrace: 'Write readable SIP message traces to `<dataDir>/logs/sip-trace.log`.',
  sipDigestAuth: 'Challenge REGISTER with SIP Digest (`407`); off = trust the `From` address (trusted networks only).',
  sipRegisterFailuresPerMinute:
    'Failed SIP registrations allowed per source address per minute before `503` with `Retry-After`.',
  siteName: 'Site of this server: a `site:<name>` Persistent Chat policy applies to all its users.',
};

const DEFAULT_OVERRIDES: Partial<Record<ConfigKey, string>> = {
  dataDir: 'desktop: the Electron user-data directory; headless: `./data`',
  adminPassword: '(generated)',
};

export function renderConfigTable(): string {
  const defaults = ConfigSchema.parse({ dataDir: '.' }) as Record<ConfigKey, unknown>;
  const rows = CONFIG_KEYS.map((key) => {
    const value = defaults[key];
    const fallback =
      DEFAULT_OVERRIDES[key] ?? (value === undefined ? '(none)' : value === '' ? '(empty)' : `\`${String(value)}\``);
    return `| \`${key}\` | \`${envNameFor(key)}\` | \`${flagNameFor(key)}\` | ${fallback} | ${MEANING[key]} |`;
  });
  return [
    CONFIG_TABLE_START,
    '| Key (config file) | Environment | Flag | Default | Meaning |',
    '|---|---|---|---|---|',
    ...rows,
    CONFIG_TABLE_END,
  ].join('\n');
}

/** Replaces the generated block in a README text; throws if the markers are missing. */
export function withConfigTable(readme: string): string {
  const start = readme.indexOf(CONFIG_TABLE_START);
  const end = readme.indexOf(CONFIG_TABLE_END);
  if (start < 0 || end < start) throw new Error('README.md has no config-table markers');
  return readme.slice(0, start) + renderConfigTable() + readme.slice(end + CONFIG_TABLE_END.length);
}
