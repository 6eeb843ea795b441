/**
 * One readable line per log record for a terminal (the headless host's stderr):
 * `12:34:56.789 INFO  http  HTTP server listening bind=127.0.0.1 port=8080`.
 */
import type { LogLevel, LogRecord } from '../log/logger.js';

const COLORS: Record<LogLevel, string> = {
  trace: '\x1b[90m',
  debug: '\x1b[36m',
  info: '\x1b[32m',
  warn: '\x1b[33m',
  error: '\x1b[31m',
  fatal: '\x1b[41m\x1b[37m',
};
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

export function formatLogLine(record: LogRecord, options: { color?: boolean } = {}): string {
  const { time, level, category, msg, ...fields } = record;
  const clock = /T(\d\d:\d\d:\d\d(\.\d+)?)/.exec(String(time))?.[1] ?? String(time);
  const label = String(level).toUpperCase().padEnd(5);
  const extra = Object.entries(fields)
    .map(([k, v]) => `${k}=${formatValue(v)}`)
    .join(' ');
  const tail = extra === '' ? '' : ' ' + (options.color ? DIM + extra + RESET : extra);
  const head = options.color ? `${COLORS[level] ?? ''}${label}${RESET}` : label;
  return `${clock} ${head} ${category}  ${msg}${tail}`;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  if (value instanceof Error) return JSON.stringify(value.message);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
