import type { Logger, LogLevel, LogRecord } from '../log/logger.js';

/** A Logger that keeps its records in an array (tests, CLI commands that print at the end). */
export function createMemoryLogger(category = 'test', records: LogRecord[] = []): Logger & { records: LogRecord[] } {
  const make = (cat: string, base: Record<string, unknown>): Logger & { records: LogRecord[] } => {
    const at =
      (level: LogLevel) =>
      (msg: string, fields?: Record<string, unknown>): void => {
        records.push({ ...base, ...fields, time: new Date().toISOString(), level, category: cat, msg });
      };
    return {
      records,
      trace: at('trace'),
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
      fatal: at('fatal'),
      isLevelEnabled: () => true,
      child: (sub, fields) => make(`${cat}.${sub}`, { ...base, ...fields }),
    };
  };
  return make(category, {});
}
