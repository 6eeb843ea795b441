/**
 * The composition root (STYLE.md practice 9): builds the logger, the store, the services, the
 * dispatcher and the transports, and wires them. No business logic lives here.
 */
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdminEvent } from './admin-api/contract.js';
import { createDispatcher } from './admin-api/dispatcher.js';
import { createAdminHandlers } from './admin-api/handlers/index.js';
import type { Config } from './config/config-schema.js';
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
import { createComplianceService } from './services/compliance/compliance-service.js';
import { NODE_TIMERS, type ComplianceTimers } from './services/compliance/compliance-timers-port.js';
import { createPolicyService } from './services/policy/policy-service.js';
import { createRoomsService } from './services/rooms/rooms-service.js';
import { createDirectoryService } from './services/channel/admin/directory-service.js';
import { createMessagesService } from './services/channel/admin/messages-service.js';
import { createTopicFeedsService } from './services/channel/features/topic-feeds/topic-feeds-service.js';
import { createRoomRolesService } from './services/channel/admin/room-roles-service.js';
import { createChannelService } from './services/channel/channel-service.js';
import { createFileService } from './services/files/file-service.js';
import { createFileBlobStore } from './store/file-blob-store.js';
import { createChannelServiceDelegate } from './frontend/channel-service-delegate.js';
import { chatUris } from './frontend/chat-uris.js';
import { createEnvidCounter } from './frontend/xccos-envelope.js';
import type { Clock } from './services/shared/clock-port.js';
import type { DataPort } from './services/shared/data-port.js';
import { createEventBus } from './services/shared/event-bus.js';
import { createStatusService } from './services/status/server-status.js';
import { createBackupService } from './services/backup/backup-service.js';
import { createComplianceOutputDirectory } from './files/compliance-output-directory.js';
import { createUsersService } from './services/users/users-service.js';
import { MIGRATIONS } from './store/migrations/index.js';
import { openSqlStore } from './store/open-sql-store.js';
import { backupOpenStore } from './store/store-backup.js';
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
  /** Timers of the compliance scheduler (tests drive them with a fake clock). */
  complianceTimers?: ComplianceTimers;
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
    maxDatabaseBytes: config.storeMaxMB * 1024 * 1024,
    snapshotEveryFrames: config.storeSnapshotEveryFrames,
    groupCommitWindowMs: config.storeGroupCommitMs,
  });
  const data = createSqlDataAccess(store);
  const events = createEventBus(logger.child('events'));
  const hasher = overrides.hasher ?? createScryptPasswordHasher();
  const secrets = createNodeSecretGenerator();
  const domain = config.domain;

  const audit = createAuditService({ data, clock, newId });
  const categories = createCategoriesService({ data, audit, events, clock, newId, domain });
  const roomRoles = createRoomRolesService({ data, audit, events, clock });
  const rooms = createRoomsService({
    data,
    audit,
    events,
    clock,
    newId,
    domain,
    onCategoryChange: (w, roomId, categoryId) => roomRoles.purge(w, roomId, w.channel.scope(categoryId)),
  });
  // Server envids: the SIP front end's counter once it runs (one rising sequence per server).
  let nextEnvid = createEnvidCounter(BigInt(clock.now().getTime()) * 1000n);
  const channel = createChannelService({
    data,
    clock,
    newId,
    logger,
    events,
    subscribe: (listener) => events.subscribe(listener),
    domain,
    chatServerUri: chatUris(domain).chat,
    nextEnvid: () => nextEnvid(),
    httpUrl: () => httpUrl,
  });
  const directory = createDirectoryService({ data, audit, events, clock, newId });
  const messages = createMessagesService({ data, audit, events, clock, live: channel });
  const topicFeeds = createTopicFeedsService({
    data,
    audit,
    events,
    clock,
    newId,
    subscribe: (listener) => events.subscribe(listener),
  });
  const filesDir =
    host.kind === 'in-process' ? join(tmpdir(), `parlance-files-${newId()}`) : join(config.dataDir, 'files');
  const files = createFileService({
    data,
    clock,
    newId,
    blobs: createFileBlobStore(filesDir),
    domain,
    post: (userUri, input) => channel.postAs(userUri, input),
  });
  const users = createUsersService({ data, audit, events, clock, newId, hasher, domain });
  const policies = createPolicyService({ data, audit, events, clock, newId, siteName: config.siteName });
  const compliance = createComplianceService({
    data,
    audit,
    events,
    clock,
    newId,
    timers: overrides.complianceTimers ?? NODE_TIMERS,
    output: createComplianceOutputDirectory(),
    logger,
    domain,
    dataDir: config.dataDir,
    // CreateFileAttachmentsManifest copies from the content-addressed file store (<aa>/<sha256>)
    fileSource: { pathOf: ({ sha256 }) => (sha256 ? join(filesDir, sha256.slice(0, 2), sha256) : null) },
  });
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

  const backup = createBackupService({
    store: { backupTo: (file) => backupOpenStore(store, file) },
    data,
    audit,
    clock,
    backupDir: join(config.dataDir, 'backups'),
    joinPath: join,
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
    backup,
    logs: ring,
    policies,
    sip: sipMessages,
    compliance,
    channel: {
      roles: roomRoles,
      directory,
      messages,
      topicFeeds,
      participants: (roomId) => channel.participants(roomId),
      suppressed: (roomId) => channel.suppressed(roomId),
      displayName: (uri) => data.read((r) => r.users.findRecordBySipUri(uri)?.displayName ?? ''),
      assertRoom: (roomId) => void rooms.getRoom(roomId),
    },
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
      http = await startHttpServer({ config, logger, dispatch, subscribe, files });
      httpUrl = http.url;
    }
    if (host.sip ?? host.kind !== 'in-process') {
      sip = await startSipFrontend({
        config,
        logger,
        directory: createSipDirectory({ data, policies, domain }),
        channel: (context) => {
          nextEnvid = context.nextEnvid;
          return createChannelServiceDelegate(channel);
        },
        httpServer: http?.server ?? null,
        webManagerUrl: () => (httpUrl === null ? null : `${httpUrl}/rooms`),
        ...(overrides.sip ? { tuning: overrides.sip } : {}),
      });
    }
    await compliance.start();
    overrides.expose?.({ data, audit, sip });
    logger.info('server started', { host: host.kind, domain, httpUrl, store: store.stats().kind });

    let stopping: Promise<void> | null = null;
    const stop = (): Promise<void> =>
      (stopping ??= (async () => {
        try {
          await sip?.close();
          await channel.stop();
          topicFeeds.stop();
          await http?.close();
          await compliance.stop();
        } finally {
          await store.close();
          logger.info('server stopped');
        }
      })());

    return { httpUrl, firstRun, dispatch, subscribe, stop };
  } catch (err) {
    await compliance.stop();
    await sip?.close().catch(() => undefined);
    await http?.close().catch(() => undefined);
    await store.close();
    throw err;
  }
}
