/**
 * The logger factory (STYLE.md practice 10): pino underneath, category loggers via `child`, and
 * every record handed to the sinks as a plain `LogRecord` (the host's `log`, the ring buffer).
 * The host decides where records finally go; nothing here writes to the console.
 */
import { pino, stdTimeFunctions, type Logger as PinoLogger } from 'pino';
import type { LogLevel, LogRecord, Logger } from './logger.js';

export type LogSink = (record: LogRecord) => void;

export interface LoggerOptions {
  level: LogLevel;
  sinks: LogSink[];
  /** Category of the root logger's own records (its children are named without it). */
  category?: string;
}

export function createLogger(options: LoggerOptions): Logger {
  const destination = {
    write(line: string): void {
      let record: LogRecord;
      try {
        record = JSON.parse(line) as LogRecord;
      } catch {
        return;
      }
      for (const sink of options.sinks) {
        try {
          sink(record);
        } catch {
          // A failing sink must never break the code that logged.
        }
      }
    },
  };
  const root = pino(
    {
      level: options.level,
      base: undefined,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return wrap(root, options.category ?? 'server', '', {});
}

function wrap(root: PinoLogger, category: string, prefix: string, fields: Record<string, unknown>): Logger {
  const p = root.child({ ...fields, category });
  const at =
    (level: LogLevel) =>
    (msg: string, extra?: Record<string, unknown>): void => {
      if (extra === undefined) p[level](msg);
      else p[level](extra, msg);
    };
  return {
    trace: at('trace'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    fatal: at('fatal'),
    isLevelEnabled: (level) => p.isLevelEnabled(level),
    child: (sub, more) => {
      const name = prefix + sub;
      return wrap(root, name, name + '.', { ...fields, ...more });
    },
  };
}
