/**
 * The whole server configuration, parsed once at the edge (STYLE.md practice 8). Sources, lowest
 * precedence first: built-in defaults → `parlance.config.json` in the data directory →
 * `PARLANCE_*` environment variables → command-line flags.
 */
import { z } from 'zod';

const Port = z.coerce.number().int().min(0).max(65535);
/** A listener port: 0 = a kernel-chosen free port, -1 = listener off. */
const ListenerPort = z.coerce.number().int().min(-1).max(65535);
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
  /**
   * The store's safe size in MiB (issue 3 §7): a warning at 75 %, new content refused with
   * ERR_STORE_FULL at the limit. sql.js keeps the database in memory; 2 GiB is the measured safe
   * size on a 24 GB machine (README, Limits).
   */
  storeMaxMB: z.coerce.number().int().min(16).max(3072).default(2048),
  /** Take a snapshot after this many journal frames (bounds recovery time: ~15 µs per frame). */
  storeSnapshotEveryFrames: z.coerce.number().int().min(100).max(10_000_000).default(20_000),
  /** Group-commit window in milliseconds: transactions arriving within it share one fsync. */
  storeGroupCommitMs: z.coerce.number().min(0).max(100).default(2),
  /** SIP over TCP (XCCOS.md §2.1); 0 = a free port, -1 = off. */
  sipTcpPort: ListenerPort.default(5060),
  /** SIP over TLS; 0 = a free port, -1 = off. */
  sipTlsPort: ListenerPort.default(5061),
  /** PEM certificate and key for SIP over TLS; both empty = a self-signed pair in the data directory. */
  sipTlsCert: z.string().default(''),
  sipTlsKey: z.string().default(''),
  /** SIP over WebSocket (RFC 7118) at `/sip` on the HTTP server. */
  sipWebSocket: Bool.default(true),
  /** Write readable SIP message traces to `<dataDir>/logs/sip-trace.log` (off by default). */
  sipTrace: Bool.default(false),
  /** Challenge REGISTER with SIP Digest (XCCOS.md §2.2); off = trust the From address. */
  sipDigestAuth: Bool.default(true),
  /** Failed REGISTER authentications per source address per minute before 503 + Retry-After. */
  sipRegisterFailuresPerMinute: z.coerce.number().int().min(1).max(100000).default(20),
  /** The site this server belongs to: `site:{name}` policies apply to its users (LYNC.md §2.9). */
  siteName: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$/, 'must be a short site name')
    .default('Site1'),
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
