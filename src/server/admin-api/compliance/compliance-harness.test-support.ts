/**
 * A real Compliance service over a real in-memory (or journaled) store with a fake clock and
 * fake timers: time moves only through `advance(ms)`, which fires due timers in order.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createComplianceOutputDirectory } from '../../files/compliance-output-directory.js';
import { createAuditService } from '../../services/audit/audit-service.js';
import type { ComplianceEventInput, ComplianceEventType } from '../../services/compliance/compliance-event.js';
import type { ComplianceFileSource } from '../../services/compliance/compliance-output-port.js';
import {
  createComplianceService,
  type ComplianceDeps,
  type ComplianceService,
} from '../../services/compliance/compliance-service.js';
import type { ComplianceTimers } from '../../services/compliance/compliance-timers-port.js';
import type { DataPort } from '../../services/shared/data-port.js';
import { createEventBus } from '../../services/shared/event-bus.js';
import type { DomainEvent } from '../../services/shared/events-port.js';
import { createMemoryLogger } from '../../store/memory-logger.js';
import { MIGRATIONS } from '../../store/migrations/index.js';
import { openSqlStore } from '../../store/open-sql-store.js';
import { insertQueuedEvent } from '../../store/repos/compliance-queue-fixtures.js';
import { createSqlDataAccess } from '../../store/repos/sql-data-access.js';
import type { SqlStore } from '../../store/sql-store.js';

export interface FakeTime extends ComplianceTimers {
  now(): Date;
  advance(ms: number): void;
  /** Delays passed to setTimeout, in order. */
  readonly requested: number[];
  readonly pending: number;
}

export function createFakeTime(start = Date.parse('2026-03-01T00:00:00Z')): FakeTime {
  let t = start;
  let next = 1;
  const timers = new Map<number, { due: number; fn: () => void }>();
  const requested: number[] = [];
  return {
    now: () => new Date(t),
    setTimeout(fn, ms) {
      requested.push(ms);
      const id = next++;
      timers.set(id, { due: t + ms, fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const target = t + ms;
      for (;;) {
        let best: [number, { due: number; fn: () => void }] | undefined;
        for (const entry of timers) if (entry[1].due <= target && (!best || entry[1].due < best[1].due)) best = entry;
        if (!best) break;
        timers.delete(best[0]);
        t = best[1].due;
        best[1].fn();
      }
      t = target;
    },
    requested,
    get pending() {
      return timers.size;
    },
  };
}

export interface ComplianceHarness {
  store: SqlStore;
  data: DataPort;
  time: FakeTime;
  service: ComplianceService;
  events: DomainEvent[];
  outputDir: string;
  /** Resolves with the next `compliance.run.completed` payload. */
  nextCompletion(): Promise<Extract<DomainEvent, { name: 'compliance.run.completed' }>['payload']>;
  insert(count: number, make?: (i: number) => Partial<ComplianceEventInput>): Promise<string[]>;
  close(): Promise<void>;
}

export async function startComplianceHarness(
  opts: {
    dir?: string;
    outputDir?: string;
    chunkSize?: number;
    wrapAdapter?: ComplianceDeps['wrapAdapter'];
    fileSource?: ComplianceFileSource;
  } = {},
): Promise<ComplianceHarness> {
  const logger = createMemoryLogger('test');
  const store = await openSqlStore({
    ...(opts.dir ? { dir: opts.dir, groupCommitWindowMs: 1 } : {}),
    migrations: MIGRATIONS,
    logger,
  });
  const data = createSqlDataAccess(store);
  const time = createFakeTime();
  const bus = createEventBus(logger);
  const events: DomainEvent[] = [];
  const waiters: ((e: DomainEvent) => void)[] = [];
  bus.subscribe((e) => {
    events.push(e);
    for (const w of waiters.splice(0)) w(e);
  });
  const newId = (): string => randomUUID();
  const audit = createAuditService({ data, clock: time, newId });
  const outputDir = opts.outputDir ?? mkdtempSync(join(tmpdir(), 'parlance-compliance-out-'));
  const service = createComplianceService({
    data,
    audit,
    events: bus,
    clock: time,
    newId,
    timers: time,
    output: createComplianceOutputDirectory(),
    logger,
    domain: 'example.com',
    dataDir: '/nonexistent',
    chunkSize: opts.chunkSize ?? 5000,
    ...(opts.wrapAdapter ? { wrapAdapter: opts.wrapAdapter } : {}),
    ...(opts.fileSource ? { fileSource: opts.fileSource } : {}),
  });
  await service.start();

  function nextCompletion() {
    return new Promise<Extract<DomainEvent, { name: 'compliance.run.completed' }>['payload']>((resolve) => {
      const wait = (e: DomainEvent) =>
        e.name === 'compliance.run.completed' ? resolve(e.payload) : waiters.push(wait);
      waiters.push(wait);
    });
  }

  const TYPES: ComplianceEventType[] = ['JOIN', 'CHAT', 'CHAT', 'BACKCHAT', 'FILEUPLOAD', 'FILEDOWNLOAD', 'PART'];
  let n = 0;
  async function insert(count: number, make: (i: number) => Partial<ComplianceEventInput> = () => ({})) {
    const ids: string[] = [];
    await store.transaction((db) => {
      for (let k = 0; k < count; k++) {
        const i = ++n;
        const id = `event-${i}`;
        const type = TYPES[i % TYPES.length]!;
        insertQueuedEvent(db, id, {
          type,
          at: new Date(time.now().getTime() + k).toISOString(),
          room: { id: null, uri: `ma-chan://example.com/room-${i % 3}`, name: `Room ${i % 3}`, logged: true },
          user: { id: null, uri: `sip:user${i % 4}@example.com`, name: `User ${i % 4}`, email: '' },
          messageId: type === 'CHAT' ? i : 0,
          content: type === 'CHAT' ? `message ${id}` : type.startsWith('FILE') ? `file-${i}.txt` : '',
          ...make(i),
        });
        ids.push(id);
      }
    });
    return ids;
  }

  return {
    store,
    data,
    time,
    service,
    events,
    outputDir,
    nextCompletion,
    insert,
    close: async () => {
      await service.stop();
      await store.close();
    },
  };
}

export const ADMIN = { actor: { id: null, name: 'sip:admin@example.com', role: 'admin' as const } };
