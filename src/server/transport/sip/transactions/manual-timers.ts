/**
 * A deterministic TimerPort: time moves only when `advance(ms)` is called. For tests of timer
 * behaviour and for simulations; it runs callbacks in due order like the real clock would.
 */
import type { TimerHandle, TimerPort } from './timers.js';

interface Entry {
  id: number;
  due: number;
  callback: () => void;
}

export interface ManualTimers extends TimerPort {
  advance(ms: number): void;
  readonly pending: number;
}

export function createManualTimers(start = 0): ManualTimers {
  let now = start;
  let nextId = 1;
  const entries = new Map<number, Entry>();
  return {
    setTimeout(callback, ms) {
      const id = nextId++;
      entries.set(id, { id, due: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(handle: TimerHandle) {
      entries.delete(handle as number);
    },
    now: () => now,
    advance(ms: number) {
      const target = now + ms;
      for (;;) {
        let next: Entry | undefined;
        for (const e of entries.values())
          if (e.due <= target && (!next || e.due < next.due || (e.due === next.due && e.id < next.id))) next = e;
        if (!next) break;
        entries.delete(next.id);
        now = next.due;
        next.callback();
      }
      now = target;
    },
    get pending() {
      return entries.size;
    },
  };
}
