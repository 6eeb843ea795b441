/**
 * The whole server configuration, parsed once at the edge (STYLE.md practice 8). Sources, lowest
 * precedence first: built-in defaults → `parlance.config.json` in the data directory →
 * `PARLANCE_*` environment variables → command-line flags.
 */
import { z } from 'zod';

const Port = z.coerce.number().int().min(0).max(65535);
const Bool = z.preprocess(
  (v) => (typeof v === 'string' ? !['0', 'false', 'no', 'off', ''].includes(v.toLowerCase()) : v),
  z.boolean(),
);

export const ConfigSchema = z.object({
  dataDir: z.string().min(1),
  httpPort: Port.default(8080),
  bind: z
    .string()
    .min(1)
    .regex(/^[0-9a-fA-F.:]+$|^localhost$/, 'must be an IP address such as 127.0.0.1 or 0.0.0.0')
    .default('127.0.0.1'),
  domain: z
    .string()
    .toLowerCase()
    .regex(
      /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/,
      'must be a DNS domain such as example.com',
    )
    .default('example.com'),
  /** First-run admin password; generated and printed once when unset. */
  adminPassword: z.string().min(8, 'must be at least 8 characters').optional(),
  logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).default('info'),
  /** Rotate the log file at this size (MiB) and keep this many old files. */
  logRotateMB: z.coerce.number().int().min(1).max(1024).default(10),
  logKeepFiles: z.coerce.number().int().min(1).max(100).default(5),
  sessionTtlMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(8 * 60),
  /** Failed logins per source address per minute before `ERR_AUTH_RATE_LIMITED`. */
  loginAttemptsPerMinute: z.coerce.number().int().min(1).max(10000).default(10),
  /** Serve the built console from this directory (headless); empty = do not serve it. */
  consoleDir: z.string().default(''),
  /** Open the console in the default browser on start (headless, interactive). */
  openBrowser: Bool.default(false),
});

export type Config = z.output<typeof ConfigSchema>;
export type ConfigKey = keyof Config;

/** Environment variable for each key: `httpPort` → `PARLANCE_HTTP_PORT`. */
export function envNameFor(key: ConfigKey): string {
  return 'PARLANCE_' + words(key).join('_').toUpperCase();
}

/** Command-line flag for each key: `httpPort` → `--http-port`. */
export function flagNameFor(key: ConfigKey): string {
  return '--' + words(key).join('-').toLowerCase();
}

/** `logRotateMB` → `log`, `Rotate`, `MB` (a run of capitals is one word). */
function words(key: string): string[] {
  return key.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? [key];
}

export const CONFIG_KEYS = Object.keys(ConfigSchema.shape) as ConfigKey[];
