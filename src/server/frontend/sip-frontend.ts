/**
 * The slice of a Lync Front End that Persistent Chat clients need (XCCOS.md §1, §2), on top of
 * the SIP endpoint's delegate: REGISTER → registrar, SUBSCRIBE → provisioning, INVITE to the
 * lookup / pool / chat address → chat-sessions, in-dialog requests → their dialog (481 when
 * unknown), everything else → 200 (§2.12).
 */
import type { Logger } from '../log/logger.js';
import type { SipRequest } from '../transport/sip/codec/sip-message.js';
import { addressOfRecord, parseSipUri } from '../transport/sip/codec/sip-uri.js';
import type { SipConnection } from '../transport/sip/endpoint/sip-connection.js';
import {
  createSipEndpoint,
  type SipEndpoint,
  type SipEndpointDelegate,
  type SipEndpointOptions,
} from '../transport/sip/endpoint/sip-endpoint.js';
import type { ServerTransaction } from '../transport/sip/transactions/server-transaction.js';
import { systemTimers, type TimerPort } from '../transport/sip/transactions/timers.js';
import type { ChannelContext, ChannelDelegate } from './channel-delegate.js';
import { createChatSessions, type SessionTimerPolicy } from './chat-sessions.js';
import { chatUris, classifyTarget, type ChatUris } from './chat-uris.js';
import { createNonceIssuer } from './digest-auth.js';
import { createFrontendCounters, type FrontendCounters } from './frontend-counters.js';
import { answerSubscribe } from './provisioning.js';
import { createRegisterFailureLimiter } from './register-failure-limiter.js';
import { createRegistrar } from './registrar.js';
import { RegistrationTable } from './registration-table.js';
import { createAuthenticator, headerAor, refuse } from './sip-authenticator.js';
import type { SipDirectory } from './sip-directory.js';
import { createEnvidCounter } from './xccos-envelope.js';

export interface SipFrontendOptions {
  readonly domain: string;
  readonly digestAuth: boolean;
  readonly registerFailuresPerMinute: number;
  readonly logger: Logger;
  readonly timers?: TimerPort;
  readonly sessionTimer?: Partial<SessionTimerPolicy>;
  readonly nonceLifetimeMs?: number;
  readonly registerExpires?: { default: number; min: number; max: number };
  readonly endpoint?: Omit<SipEndpointOptions, 'logger' | 'timers'>;
  /** Room-management web application URL for provisioning (the console), or null. */
  readonly webManagerUrl?: () => string | null;
}

export interface SipFrontendDeps {
  readonly directory: SipDirectory;
  /** The Channel service; built with the front end's envid counter. */
  readonly channel: (context: ChannelContext) => ChannelDelegate;
}

export interface SipFrontend {
  readonly endpoint: SipEndpoint;
  readonly uris: ChatUris;
  readonly counters: Readonly<FrontendCounters>;
  readonly registrations: number;
  readonly sessions: number;
  close(): Promise<void>;
}

/** Methods that live inside INVITE dialogs; with a To-tag they must match one (RFC 3261 §12.2.2). */
const DIALOG_METHODS = new Set(['INVITE', 'ACK', 'INFO', 'UPDATE', 'BYE', 'PRACK', 'REFER']);

export function createSipFrontend(options: SipFrontendOptions, deps: SipFrontendDeps): SipFrontend {
  const timers = options.timers ?? systemTimers;
  const log = options.logger;
  const uris = chatUris(options.domain);
  const counters = createFrontendCounters();
  const registrations = new RegistrationTable();
  const nextEnvid = createEnvidCounter(BigInt(timers.now()) * 1000n);
  const channel = deps.channel({ nextEnvid });
  const auth = createAuthenticator({
    realm: options.domain,
    digest: options.digestAuth,
    nonces: createNonceIssuer({ now: () => timers.now(), lifetimeMs: options.nonceLifetimeMs ?? 5 * 60_000 }),
    limiter: createRegisterFailureLimiter({ now: () => timers.now(), perMinute: options.registerFailuresPerMinute }),
    directory: deps.directory,
    registrations,
    counters,
    logger: log.child('auth'),
  });
  const expires = options.registerExpires ?? { default: 900, min: 60, max: 3600 };
  const registrar = createRegistrar(
    {
      domain: options.domain,
      defaultExpires: expires.default,
      minExpires: expires.min,
      maxExpires: expires.max,
      keepAliveSeconds: 300,
      now: () => timers.now(),
    },
    { auth, registrations, counters },
  );

  // eslint-disable-next-line prefer-const -- sessions and endpoint refer to each other
  let endpoint: SipEndpoint;
  const sessions = createChatSessions({
    uris,
    timers,
    logger: log.child('dialog'),
    counters,
    channel,
    nextEnvid,
    sessionTimer: { defaultSeconds: 1800, minSE: 90, maxSeconds: 7200, ...options.sessionTimer },
    requests: {
      sendRequest: (connection, request, timeoutMs) => endpoint.sendRequest(connection, request, timeoutMs),
      sendSerializedRequest: (connection, branchId, method, bytes, listener, context) =>
        endpoint.sendSerializedRequest(connection, branchId, method, bytes, listener, context),
      viaFor: (connection) => endpoint.viaFor(connection),
    },
  });

  function outOfDialog(request: SipRequest, tx: ServerTransaction, connection: SipConnection): void {
    switch (request.method) {
      case 'REGISTER':
        registrar.handle(request, tx, connection);
        return;
      case 'SUBSCRIBE': {
        const from = headerAor(request, 'From');
        const identity = from === undefined ? undefined : auth.identify(request, tx, connection, from);
        if (!identity) {
          if (from === undefined) tx.reply(400);
          return;
        }
        answerSubscribe(request, tx, identity, {
          uris,
          counters,
          chatEnabled: (id) => deps.directory.chatEnabled(id.userId),
          webManagerUrl: options.webManagerUrl ?? (() => null),
        });
        return;
      }
      case 'INVITE': {
        const from = headerAor(request, 'From');
        const requestUri = parseSipUri(request.uri);
        const target = requestUri ? classifyTarget(uris, addressOfRecord(requestUri)) : undefined;
        if (from === undefined) {
          tx.reply(400);
          return;
        }
        if (!target) {
          counters.invitesRefused++;
          refuse(tx, 'ERR_SIP_UNKNOWN_TARGET');
          return;
        }
        const identity = auth.identify(request, tx, connection, from);
        if (!identity) return;
        // XCCOS.md §2.5: refuse users without Persistent Chat with 403 (cleaner than a later BYE).
        if (!deps.directory.chatEnabled(identity.userId)) {
          counters.invitesRefused++;
          refuse(tx, 'ERR_SIP_CHAT_DISABLED');
          return;
        }
        sessions.accept(request, tx, connection, target, identity);
        return;
      }
      case 'BYE':
      case 'INFO':
      case 'UPDATE':
      case 'PRACK':
        // Out of any dialog: XCCOS.md §2.9 "481 for in-dialog requests for unknown dialogs".
        counters.responses481++;
        tx.reply(481);
        return;
      case 'OPTIONS':
        tx.reply(200, {
          headers: [
            { name: 'Allow', value: 'INVITE,ACK,CANCEL,BYE,OPTIONS,INFO,UPDATE,REGISTER,SUBSCRIBE,SERVICE' },
            { name: 'Accept', value: 'application/sdp,text/plain' },
          ],
        });
        return;
      default:
        // SERVICE, MESSAGE, NOTIFY, PUBLISH and anything unknown: 200 is enough (XCCOS.md §2.12).
        tx.reply(200);
    }
  }

  const delegate: SipEndpointDelegate = {
    onRequest(request, tx, connection) {
      if (DIALOG_METHODS.has(request.method)) {
        const match = sessions.match(request);
        if (match.kind === 'in-dialog') {
          sessions.inDialog(match.dialog, request, tx);
          return;
        }
        if (match.kind === 'unknown-dialog') {
          counters.responses481++;
          tx.reply(481);
          return;
        }
      }
      outOfDialog(request, tx, connection);
    },
    onAck(request) {
      sessions.ack(request);
    },
    onConnectionClosed(connection) {
      registrations.connectionClosed(connection);
      sessions.connectionClosed(connection);
    },
  };

  endpoint = createSipEndpoint({ ...options.endpoint, logger: log, timers }, delegate);

  const sweepMs = 10_000;
  let sweep: unknown;
  const arm = () => {
    sweep = timers.setTimeout(() => {
      registrations.expire(timers.now());
      arm();
    }, sweepMs);
  };
  arm();

  return {
    endpoint,
    uris,
    counters,
    get registrations() {
      return registrations.size;
    },
    get sessions() {
      return sessions.size;
    },
    async close() {
      timers.clearTimeout(sweep);
      sessions.closeAll();
      // Give the BYEs a moment to leave before the connections close.
      await new Promise((r) => setTimeout(r, 20));
      await endpoint.close();
    },
  };
}
