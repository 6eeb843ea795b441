/**
 * The composition root (STYLE.md practice 9): builds the logger, the store, the services, the
 * dispatcher and the transports, and wires them. No business logic lives here.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AdminEvent } from './admin-api/contract.js';
import { createDispatcher } from './admin-api/dispatcher.js';
import { createAdminHandlers } from './admin-api/handlers/index.js';
import type { Config } from './config/config-schema.js';
import { createNotImplementedChannel } from './frontend/not-implemented-channel.js';
import { createSipDirectory } from './frontend/sip-directory.js';
import { startSipFrontend, type RunningSipFrontend, type SipTuning } from './frontend/start-sip-frontend.js';
import { startHttpServer, type HttpServer } from './http/http-server.js';
import { createLogRingBuffer } from './log/log-ring-buffer.js';
import { createLogger } from './log/logger-factory.js';
import type { CallContext, ServerHandle, ServerHost } from './server-handle.js';
import { createAuditService, type AuditService } from './services/audit/audit-service.js';
import type { PasswordHasher } from './services/auth/auth-crypto-port.js';
import { createAuthService } from './services/auth/auth-service.js';
import { ensureFirstAdmin } from './services/auth/bootstrap-admin.js';
import { createLoginRateLimiter } from './services/auth/login-rate-limiter.js';
import { createNodeSecretGenerator, createScryptPasswordHasher } from './services/auth/node-auth-crypto.js';
import { createCategoriesService } from './services/categories/categories-service.js';
import { createPolicyService } from './services/policy/policy-service.js';
import { createRoomsService } from './services/rooms/rooms-service.js';
import type { Clock } from './services/shared/clock-port.js';
import type { DataPort } from './services/shared/data-port.js';
import { createEventBus } from './services/shared/event-bus.js';
import { createStatusService } from './services/status/server-status.js';
import { createUsersService } from './services/users/users-service.js';
import { MIGRATIONS } from './store/migrations/index.js';
import { openSqlStore } from './store/open-sql-store.js';
import { createSqlDataAccess } from './store/repos/sql-data-access.js';

export const LOG_BUFFER_RECORDS = 2000;

/** Test seams; production passes none of these. */
export interface ComposeOverrides {
  clock?: Clock;
  hasher?: PasswordHasher;
  /** Lets tests inspect what the API does not expose (the audit log). */
  expose?: (internals: { data: DataPort; audit: AuditService; sip: RunningSipFrontend | null }) => void;
  /** SIP front-end timers and limits (session interval, nonce lifetime, overload bounds). */
  sip?: SipTuning;
}

export async function composeServer(
  config: Config,
  host: ServerHost,
  overrides: ComposeOverrides = {},
): Promise<ServerHandle> {
  const clock: Clock = overrides.clock ?? { now: () => new Date() };
  const startedAt = clock.now();
  const newId = (): string => randomUUID();
  const ring = createLogRingBuffer(LOG_BUFFER_RECORDS);
  const logger = createLogger({ level: config.logLevel, sinks: [(r) => host.log(r), ring.push] });

  const store = await openSqlStore({
    ...(host.kind === 'in-process' ? {} : { dir: join(config.dataDir, 'store') }),
    migrations: MIGRATIONS,
    logger,
  });
  const data = createSqlDataAccess(store);
  const events = createEventBus(logger.child('events'));
  const hasher = overrides.hasher ?? createScryptPasswordHasher();
  const secrets = createNodeSecretGenerator();
  const domain = config.domain;

  const audit = createAuditService({ data, clock, newId });
  const categories = createCategoriesService({ data, audit, events, clock, newId, domain });
  const rooms = createRoomsService({ data, audit, events, clock, newId, domain });
  const users = createUsersService({ data, audit, events, clock, newId, hasher, domain });
  const policies = createPolicyService({ data, audit, events, clock, newId, siteName: config.siteName });
  const limiter = createLoginRateLimiter({ clock, perMinute: config.loginAttemptsPerMinute });
  const auth = createAuthService({
    data,
    audit,
    clock,
    hasher,
    secrets,
    limiter,
    domain,
    sessionTtlMinutes: config.sessionTtlMinutes,
  });

  let httpUrl: string | null = null;
  let sip: RunningSipFrontend | null = null;
  const status = createStatusService({
    clock,
    startedAt,
    version: host.version ?? '0.0.0-dev',
    domain,
    dataDir: config.dataDir,
    hostKind: host.kind,
    httpUrl: () => httpUrl,
    storeStats: () => store.stats(),
    memory: () => {
      const m = process.memoryUsage();
      return { rssBytes: m.rss, heapUsedBytes: m.heapUsed };
    },
    data,
    sip: () => sip?.status() ?? null,
  });

  const sipMessages = {
    recentMessages: (q: Parameters<RunningSipFrontend['recentMessages']>[0]) => sip?.recentMessages(q) ?? [],
  };
  const handlers = createAdminHandlers({
    auth,
    categories,
    rooms,
    users,
    status,
    logs: ring,
    policies,
    sip: sipMessages,
  });
  const dispatch = createDispatcher(handlers, {
    logger,
    resolveCaller: (ctx: CallContext) => auth.resolveCaller(ctx),
    recordRefusal: (caller, method) => audit.recordAudit(caller.actor, 'auth.forbidden', method),
    newIncidentId: newId,
  });
  const subscribe = (listener: (event: AdminEvent) => void): (() => void) => events.subscribe(listener);

  let http: HttpServer | null = null;
  try {
    const firstRun = await ensureFirstAdmin({ data, users, secrets, domain, adminPassword: config.adminPassword });
    if (firstRun) logger.child('auth').warn('created the first administrator', { sipUri: firstRun.sipUri });
    if (host.http !== false) {
      http = await startHttpServer({ config, logger, dispatch, subscribe });
      httpUrl = http.url;
    }
    if (host.sip ?? host.kind !== 'in-process') {
      sip = await startSipFrontend({
        config,
        logger,
        directory: createSipDirectory({ data, policies, domain }),
        channel: (context) => createNotImplementedChannel(context, logger.child('channel')),
        httpServer: http?.server ?? null,
        webManagerUrl: () => (httpUrl === null ? null : `${httpUrl}/rooms`),
        ...(overrides.sip ? { tuning: overrides.sip } : {}),
      });
    }
    overrides.expose?.({ data, audit, sip });
    logger.info('server started', { host: host.kind, domain, httpUrl, store: store.stats().kind });

    let stopping: Promise<void> | null = null;
    const stop = (): Promise<void> =>
      (stopping ??= (async () => {
        try {
          await sip?.close();
          await http?.close();
        } finally {
          await store.close();
          logger.info('server stopped');
        }
      })());

    return { httpUrl, firstRun, dispatch, subscribe, stop };
  } catch (err) {
    await sip?.close().catch(() => undefined);
    await http?.close().catch(() => undefined);
    await store.close();
    throw err;
  }
}
