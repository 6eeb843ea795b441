/**
 * Starts the SIP front end for the composition root (issue 4 item 1): TCP and TLS listeners (a
 * self-signed certificate in `<dataDir>/tls` unless one is configured), SIP over WebSocket at
 * `/sip` on the HTTP server, the message ring, the optional trace file; and stops them again.
 */
import { readFile } from 'node:fs/promises';
import type { Server as HttpServer } from 'node:http';
import { join } from 'node:path';
import type { Config } from '../config/config-schema.js';
import { ServerError } from '../errors/server-error.js';
import type { Logger } from '../log/logger.js';
import { ensureSelfSignedCertificate } from '../transport/sip/endpoint/self-signed-certificate.js';
import type { SipListener } from '../transport/sip/endpoint/tcp-listener.js';
import type { WebSocketListener } from '../transport/sip/endpoint/ws-listener.js';
import type { TimerPort } from '../transport/sip/transactions/timers.js';
import type { ChannelContext, ChannelDelegate } from './channel-delegate.js';
import type { SessionTimerPolicy } from './chat-sessions.js';
import { createSipFrontend, type SipFrontend } from './sip-frontend.js';
import type { SipDirectory } from './sip-directory.js';
import {
  combineWireTaps,
  createSipMessageRing,
  type SipMessageQuery,
  type SipMessageView,
} from './sip-message-ring.js';
import { openSipTraceFile, type SipTraceFile } from './sip-trace-file.js';

export const SIP_RING_MESSAGES = 500;
export const SIP_WS_PATH = '/sip';

export interface SipStatus {
  ports: { tcp: number | null; tls: number | null };
  webSocketPath: string | null;
  connections: number;
  registrations: number;
  sessions: number;
  counters: Record<string, number>;
}

export interface RunningSipFrontend {
  readonly frontend: SipFrontend;
  status(): SipStatus;
  recentMessages(query: SipMessageQuery): SipMessageView[];
  close(): Promise<void>;
}

/** Test and benchmark seams; production passes none. */
export interface SipTuning {
  timers?: TimerPort;
  sessionTimer?: Partial<SessionTimerPolicy>;
  nonceLifetimeMs?: number;
  maxPendingGlobal?: number;
  maxPendingPerConnection?: number;
}

export async function startSipFrontend(deps: {
  config: Config;
  logger: Logger;
  directory: SipDirectory;
  channel: (context: ChannelContext) => ChannelDelegate;
  httpServer: HttpServer | null;
  webManagerUrl: () => string | null;
  tuning?: SipTuning;
}): Promise<RunningSipFrontend> {
  const { config } = deps;
  const log = deps.logger.child('sip');
  const ring = createSipMessageRing(SIP_RING_MESSAGES);
  let trace: SipTraceFile | undefined;
  if (config.sipTrace) {
    const path = join(config.dataDir, 'logs', 'sip-trace.log');
    trace = openSipTraceFile(path);
    log.info('SIP trace file on', { path });
  }
  const t = deps.tuning ?? {};
  const frontend = createSipFrontend(
    {
      domain: config.domain,
      digestAuth: config.sipDigestAuth,
      registerFailuresPerMinute: config.sipRegisterFailuresPerMinute,
      logger: log,
      webManagerUrl: deps.webManagerUrl,
      ...(t.timers ? { timers: t.timers } : {}),
      ...(t.sessionTimer ? { sessionTimer: t.sessionTimer } : {}),
      ...(t.nonceLifetimeMs !== undefined ? { nonceLifetimeMs: t.nonceLifetimeMs } : {}),
      endpoint: {
        wireTap: combineWireTaps(trace ? [ring, trace] : [ring]),
        ...(t.maxPendingGlobal !== undefined ? { maxPendingGlobal: t.maxPendingGlobal } : {}),
        ...(t.maxPendingPerConnection !== undefined ? { maxPendingPerConnection: t.maxPendingPerConnection } : {}),
      },
    },
    { directory: deps.directory, channel: deps.channel },
  );
  const endpoint = frontend.endpoint;
  let tcp: SipListener | undefined;
  let tls: SipListener | undefined;
  let ws: WebSocketListener | undefined;

  const listen = async <T>(what: string, port: number, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (cause) {
      const reason = (cause as { code?: string }).code ?? (cause as Error).message;
      throw new ServerError(
        'ERR_SIP_LISTEN_FAILED',
        `Cannot listen for SIP over ${what} on ${config.bind}:${port}: ${reason}`,
        { bind: config.bind, port, transport: what, reason },
        { cause },
      );
    }
  };

  try {
    if (config.sipTcpPort >= 0) {
      tcp = await listen('TCP', config.sipTcpPort, () =>
        endpoint.listenTcp({ host: config.bind, port: config.sipTcpPort }),
      );
    }
    if (config.sipTlsPort >= 0) {
      const files =
        config.sipTlsCert !== '' && config.sipTlsKey !== ''
          ? { certPath: config.sipTlsCert, keyPath: config.sipTlsKey, created: false }
          : await ensureSelfSignedCertificate(join(config.dataDir, 'tls'), {
              commonName: config.bind === '0.0.0.0' ? '127.0.0.1' : config.bind,
              altNames: ['localhost', config.domain],
            });
      if (files.created) log.info('generated a self-signed TLS certificate', { certPath: files.certPath });
      const [cert, key] = await Promise.all([readFile(files.certPath), readFile(files.keyPath)]);
      tls = await listen('TLS', config.sipTlsPort, () =>
        endpoint.listenTls({ host: config.bind, port: config.sipTlsPort, cert, key }),
      );
    }
    if (config.sipWebSocket && deps.httpServer) {
      ws = endpoint.attachWebSocket(deps.httpServer, { path: SIP_WS_PATH });
    }
  } catch (err) {
    await frontend.close();
    await trace?.close();
    throw err;
  }
  log.info('SIP front end listening', {
    tcp: tcp?.port ?? null,
    tls: tls?.port ?? null,
    ws: ws ? SIP_WS_PATH : null,
    digest: config.sipDigestAuth,
  });

  let closing: Promise<void> | undefined;
  return {
    frontend,
    status: () => ({
      ports: { tcp: tcp?.port ?? null, tls: tls?.port ?? null },
      webSocketPath: ws ? SIP_WS_PATH : null,
      connections: endpoint.connections.size,
      registrations: frontend.registrations,
      sessions: frontend.sessions,
      counters: { ...endpoint.counters, ...frontend.counters, pendingRequests: endpoint.pendingRequests },
    }),
    recentMessages: (query) => ring.recentMessages(query),
    close() {
      closing ??= (async () => {
        ws?.close();
        await frontend.close();
        await trace?.close();
        log.info('SIP front end stopped');
      })();
      return closing;
    },
  };
}
