/** `server.status`: what is running, where, for how long, and how big. Read-only. */
import type { Clock } from '../shared/clock-port.js';
import type { DataPort } from '../shared/data-port.js';

export interface StoreStatsView {
  kind: string;
  schemaVersion: number;
  sizeBytes: number;
  durable: boolean;
  lastSeq: number;
  readOnly: boolean;
  maxDatabaseBytes: number | null;
  nearLimit: boolean;
  journal?: { segments: number; bytes: number; framesSinceSnapshot: number } | undefined;
  snapshot?: { seq: number; bytes: number; writtenAt: string | null; lastDurationMs: number | null } | undefined;
}

export interface StatusDeps {
  clock: Clock;
  startedAt: Date;
  version: string;
  domain: string;
  dataDir: string;
  hostKind: 'electron' | 'headless' | 'in-process';
  httpUrl(): string | null;
  storeStats(): StoreStatsView;
  memory(): { rssBytes: number; heapUsedBytes: number };
  data: DataPort;
  /** The SIP front end's status, or null when no SIP listener runs. */
  sip?: () => SipStatusView | null;
}

export interface SipStatusView {
  ports: { tcp: number | null; tls: number | null };
  webSocketPath: string | null;
  connections: number;
  registrations: number;
  sessions: number;
  counters: Record<string, number>;
}

export interface ServerStatus {
  name: 'parlance';
  version: string;
  startedAt: string;
  uptimeSeconds: number;
  domain: string;
  httpUrl: string | null;
  dataDir: string;
  host: 'electron' | 'headless' | 'in-process';
  store: Omit<StoreStatsView, 'journal' | 'snapshot'> & {
    journal: { segments: number; bytes: number; framesSinceSnapshot: number } | null;
    snapshot: { seq: number; bytes: number; writtenAt: string | null; lastDurationMs: number | null } | null;
  };
  counts: { categories: number; rooms: number; users: number };
  memory: { rssBytes: number; heapUsedBytes: number };
  sip: SipStatusView | null;
}

export type StatusService = ReturnType<typeof createStatusService>;

export function createStatusService(deps: StatusDeps) {
  function getServerStatus(): ServerStatus {
    const counts = deps.data.read((r) => ({
      categories: r.categories.count(),
      rooms: r.rooms.count(),
      users: r.users.count(),
    }));
    const stats = deps.storeStats();
    return {
      name: 'parlance',
      version: deps.version,
      startedAt: deps.startedAt.toISOString(),
      uptimeSeconds: Math.max(0, (deps.clock.now().getTime() - deps.startedAt.getTime()) / 1000),
      domain: deps.domain,
      httpUrl: deps.httpUrl(),
      dataDir: deps.dataDir,
      host: deps.hostKind,
      store: {
        kind: stats.kind,
        schemaVersion: stats.schemaVersion,
        sizeBytes: stats.sizeBytes,
        durable: stats.durable,
        lastSeq: stats.lastSeq,
        readOnly: stats.readOnly,
        maxDatabaseBytes: stats.maxDatabaseBytes,
        nearLimit: stats.nearLimit,
        journal: stats.journal
          ? {
              segments: stats.journal.segments,
              bytes: stats.journal.bytes,
              framesSinceSnapshot: stats.journal.framesSinceSnapshot,
            }
          : null,
        snapshot: stats.snapshot ?? null,
      },
      counts,
      memory: deps.memory(),
      sip: deps.sip?.() ?? null,
    };
  }
  return { getServerStatus };
}
