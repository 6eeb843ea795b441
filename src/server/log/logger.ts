/**
 * The injected logger (STYLE.md practice 10). Categories are dotted lower case (`sip.transport`,
 * `store.journal`, `admin.http`); a label narrows further (a Call-ID, a request id). The host
 * decides where records go: the worker forwards them to its host over the port.
 */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

export const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

export interface LogRecord {
  time: string;
  level: LogLevel;
  category: string;
  msg: string;
  [key: string]: unknown;
}

export interface Logger {
  trace(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  fatal(msg: string, fields?: Record<string, unknown>): void;
  isLevelEnabled(level: LogLevel): boolean;
  /** A logger for a sub-category (`child('journal')` under `store` → `store.journal`). */
  child(category: string, fields?: Record<string, unknown>): Logger;
}
