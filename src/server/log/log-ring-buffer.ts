import { LOG_LEVELS, type LogLevel, type LogRecord } from './logger.js';

export interface RecentLogQuery {
  limit: number;
  minLevel: LogLevel;
  /** Category prefix: `store` matches `store` and `store.journal`, not `storefront`. */
  category?: string;
}

/** A fixed-size buffer of the most recent log records; backs `logs.recent`. */
export interface LogRingBuffer {
  push(record: LogRecord): void;
  /** Matching records, oldest first, at most `limit` of the newest. */
  recent(query: RecentLogQuery): LogRecord[];
  readonly size: number;
}

export function createLogRingBuffer(capacity = 2000): LogRingBuffer {
  const slots: (LogRecord | undefined)[] = new Array<LogRecord | undefined>(capacity);
  let next = 0;
  let count = 0;
  return {
    push(record) {
      slots[next] = record;
      next = (next + 1) % capacity;
      if (count < capacity) count++;
    },
    recent({ limit, minLevel, category }) {
      const min = LOG_LEVELS.indexOf(minLevel);
      const out: LogRecord[] = [];
      for (let i = 1; i <= count && out.length < limit; i++) {
        const record = slots[(next - i + capacity) % capacity]!;
        if (LOG_LEVELS.indexOf(record.level) < min) continue;
        if (category !== undefined && !matchesCategory(record.category, category)) continue;
        out.push(record);
      }
      return out.reverse();
    },
    get size() {
      return count;
    },
  };
}

function matchesCategory(actual: string, prefix: string): boolean {
  return actual === prefix || actual.startsWith(prefix + '.');
}
