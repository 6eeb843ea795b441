/**
 * The INVITE dialogs of the lookup, pool and chat addresses (XCCOS.md §2.4–§2.9): 200 with a
 * To-tag, `Contact`, `Session-Expires` and an SDP answer; in-dialog INFO (XCCOS), UPDATE (session
 * refresh), BYE, and 200 for anything else; BYE when the session timer runs out; a non-2xx (or no)
 * answer to a server INFO ends the dialog. `cmd:requri` is answered here on any dialog.
 */
import { ERROR_CATALOGUE } from '../errors/error-codes.js';
import type { Logger } from '../log/logger.js';
import { parseNameAddr } from '../transport/sip/codec/headers/name-addr.js';
import { headerValue, headerValues, type SipHeader, type SipRequest } from '../transport/sip/codec/sip-message.js';
import {
  acceptInDialogRequest,
  createInDialogRequest,
  createUasDialog,
  dialogKey,
  inDialogHeaders,
  nextLocalCSeq,
  type UasDialog,
} from '../transport/sip/dialogs/dialog.js';
import { DialogTable, type DialogMatch } from '../transport/sip/dialogs/dialog-table.js';
import { negotiateSessionInterval } from '../transport/sip/dialogs/session-expires.js';
import { SessionTimer } from '../transport/sip/dialogs/session-timer.js';
import type { SipConnection } from '../transport/sip/endpoint/sip-connection.js';
import { createRequestTemplate, type RequestTemplate } from '../transport/sip/codec/request-template.js';
import type { SipEndpoint } from '../transport/sip/endpoint/sip-endpoint.js';
import { TRANSPORT_ERROR_STATUS, type ClientListener } from '../transport/sip/transactions/client-transactions.js';
import { BRANCH_PREFIX, nextBranchId } from '../transport/sip/transactions/branch.js';
import type { OutboundEnvelope } from '../protocol/xccos/outbound-envelope.js';
import type { ServerTransaction } from '../transport/sip/transactions/server-transaction.js';
import type { TimerPort } from '../transport/sip/transactions/timers.js';
import type { ChannelDelegate, ChatSession, SessionEndReason, XccosCommandInfo } from './channel-delegate.js';
import type { ChatTarget, ChatUris } from './chat-uris.js';
import type { FrontendCounters } from './frontend-counters.js';
import type { Identity } from './registration-table.js';
import { parseXccos } from '../protocol/xccos/parse-command.js';
import { serializeReplies } from '../protocol/xccos/serialize-reply.js';
import { errorReply, errorReplyForFailure, replyTo } from '../protocol/xccos/xccos-errors.js';

export interface SessionTimerPolicy {
  readonly defaultSeconds: number;
  readonly minSE: number;
  readonly maxSeconds: number;
}

export interface ChatSessionsDeps {
  readonly uris: ChatUris;
  readonly timers: TimerPort;
  readonly logger: Logger;
  readonly counters: FrontendCounters;
  readonly channel: ChannelDelegate;
  readonly sessionTimer: SessionTimerPolicy;
  readonly nextEnvid: () => string;
  /** The SIP endpoint's requests on a client's connection (sip-endpoint.ts). */
  readonly requests: Pick<SipEndpoint, 'sendRequest' | 'sendSerializedRequest' | 'viaFor'>;
}

interface DialogState {
  readonly dialog: UasDialog;
  readonly kind: ChatTarget;
  readonly connection: SipConnection;
  readonly timer: SessionTimer;
  readonly session: ChatSession;
  /** Our INFOs on this dialog, serialized once (made at the first INFO) for its remote target. */
  infoTemplate: RequestTemplate | undefined;
  /** The final answer to each of our INFOs, with the caller's `done` as context. */
  readonly infoAnswered: ClientListener<InfoDone | undefined>;
  seconds: number;
  ended: boolean;
}

type InfoDone = (ok: boolean) => void;

export type ChatSessions = ReturnType<typeof createChatSessions>;

/** The SDP answer (XCCOS.md §2.5): SIPE does not parse it; sip.js wants one. */
function sdpAnswer(host: string, port: number): string {
  const ip = /^[\d.]+$/.test(host) ? `IN IP4 ${host}` : /:/.test(host) ? `IN IP6 ${host}` : 'IN IP4 127.0.0.1';
  return [
    'v=0',
    `o=- 0 0 ${ip}`,
    's=session',
    `c=${ip}`,
    't=0 0',
    `m=message ${port} sip null`,
    'a=accept-types:text/plain',
    '',
  ].join('\r\n');
}

function commandInfo(c: { id: string; seqid: string; envid: string }, body: string): XccosCommandInfo {
  return { name: c.id.startsWith('cmd:') ? c.id.slice(4) : c.id, seqid: c.seqid, envid: c.envid, body };
}

function transportParam(connection: SipConnection): string {
  return connection.transport.toLowerCase();
}

export function createChatSessions(deps: ChatSessionsDeps) {
  const table = new DialogTable();
  const states = new Map<string, DialogState>();
  const byConnection = new Map<SipConnection, Set<DialogState>>();
  const log = deps.logger;

  function contactFor(target: string, connection: SipConnection): string {
    const user = parseNameAddr(`<${target}>`)?.uri.user ?? 'parlance';
    return `<sip:${user}@${connection.localAddress}:${connection.localPort};transport=${transportParam(connection)}>`;
  }

  function end(state: DialogState, reason: SessionEndReason, sendBye: boolean): void {
    if (state.ended) return;
    state.ended = true;
    state.timer.stop();
    table.remove(state.dialog);
    states.delete(dialogKey(state.dialog.id));
    byConnection.get(state.connection)?.delete(state);
    if (reason === 'expired') deps.counters.dialogsExpired++;
    else if (reason === 'info-failed') deps.counters.dialogsFailed++;
    else deps.counters.dialogsEnded++;
    if (sendBye && !state.connection.closed) {
      void deps.requests
        .sendRequest(state.connection, createInDialogRequest(state.dialog, 'BYE'))
        .catch(() => undefined);
    }
    log.debug('dialog ended', { callId: state.dialog.id.callId, reason, kind: state.kind });
    if (state.kind !== 'lookup') {
      try {
        deps.channel.onSessionClosed?.(state.session, reason);
      } catch (e) {
        log.error('channel onSessionClosed threw', { err: String(e) });
      }
    }
  }

  /**
   * One server → client INFO (XCCOS.md §2.6): stamped from the dialog's template with a fresh
   * branch, the next CSeq and, for a template envelope, the next server envid.
   */
  function sendInfo(state: DialogState, envelope: OutboundEnvelope, done?: InfoDone): void {
    if (state.ended) {
      done?.(false);
      return;
    }
    deps.counters.infosSent++;
    const dialog = state.dialog;
    // Made again after a target refresh (re-INVITE/UPDATE with a new Contact, §12.2.2).
    let template = state.infoTemplate;
    if (template === undefined || template.uri !== dialog.remoteTarget) {
      template = state.infoTemplate = createRequestTemplate({
        method: 'INFO',
        uri: dialog.remoteTarget,
        via: deps.requests.viaFor(state.connection),
        branchPrefix: BRANCH_PREFIX,
        headers: inDialogHeaders(dialog, 'INFO', 0, { contentType: 'text/plain' }),
      });
    }
    dialog.localCSeq = nextLocalCSeq(dialog);
    const branchId = nextBranchId();
    const bytes =
      typeof envelope === 'string'
        ? template.write(branchId, dialog.localCSeq, Buffer.from(envelope, 'utf8'))
        : template.write(branchId, dialog.localCSeq, envelope.head, deps.nextEnvid(), envelope.tail);
    if (!deps.requests.sendSerializedRequest(state.connection, branchId, 'INFO', bytes, state.infoAnswered, done)) {
      state.infoAnswered('transport-error', TRANSPORT_ERROR_STATUS, undefined, done);
    }
  }

  function infoAnswered(state: DialogState, status: number, done: InfoDone | undefined): void {
    const ok = status >= 200 && status < 300;
    if (!ok && !state.ended) {
      // XCCOS.md §2.9: any non-2xx final response (481, 487, 408, timeout) means "dialog dead".
      log.info('server INFO not accepted; ending the dialog', { callId: state.dialog.id.callId, status });
      end(state, 'info-failed', false);
    }
    done?.(ok);
  }

  function accept(
    invite: SipRequest,
    tx: ServerTransaction,
    connection: SipConnection,
    kind: ChatTarget,
    identity: Identity,
  ): void {
    const interval = negotiateSessionInterval(invite, deps.sessionTimer);
    if (!interval.ok) {
      tx.reply(422, { headers: [{ name: 'Min-SE', value: String(interval.minSE) }] });
      return;
    }
    const dialog = createUasDialog(invite, tx.toTag, { secure: connection.secure });
    if (!dialog) {
      tx.reply(400, { reason: 'Bad Request (no dialog)' });
      return;
    }
    const target = parseNameAddr(headerValue(invite, 'To') ?? '')?.uri.raw ?? deps.uris.chat;
    const epid = parseNameAddr(dialog.remote)?.params.get('epid') ?? undefined;
    const key = dialogKey(dialog.id);
    // eslint-disable-next-line prefer-const -- the session closes over `state`
    let state: DialogState;
    const session: ChatSession = {
      id: key,
      userUri: identity.sipUri,
      userId: identity.userId,
      epid,
      callId: dialog.id.callId,
      target,
      sendXccos: (envelope, done) => sendInfo(state, envelope, done),
      end: () => end(state, 'server-stopping', true),
    };
    state = {
      dialog,
      kind,
      connection,
      session,
      infoTemplate: undefined,
      infoAnswered: (_kind, status, _response, done) => infoAnswered(state, status, done),
      seconds: interval.seconds,
      ended: false,
      timer: new SessionTimer(deps.timers, interval.seconds, () => end(state, 'expired', true)),
    };
    table.add(dialog);
    states.set(key, state);
    let set = byConnection.get(connection);
    if (!set) byConnection.set(connection, (set = new Set()));
    set.add(state);
    const headers: SipHeader[] = [
      { name: 'Contact', value: contactFor(target, connection) },
      { name: 'Session-Expires', value: interval.header },
    ];
    const supported = headerValues(invite, 'Supported').join(',').toLowerCase();
    if (/\btimer\b/.test(supported)) headers.push({ name: 'Require', value: 'timer' });
    headers.push({ name: 'Content-Type', value: 'application/sdp' });
    tx.reply(200, { headers, body: Buffer.from(sdpAnswer(connection.localAddress, connection.localPort)) });
    deps.counters.invitesAccepted++;
    log.debug('dialog established', { callId: dialog.id.callId, kind, user: identity.sipUri });
    if (kind !== 'lookup') {
      try {
        deps.channel.onSessionOpened?.(session);
      } catch (e) {
        log.error('channel onSessionOpened threw', { err: String(e) });
      }
    }
  }

  function handleInfo(state: DialogState, request: SipRequest, tx: ServerTransaction): void {
    deps.counters.infosReceived++;
    const body = request.body.toString('utf8');
    const envelope = parseXccos(body);
    if (envelope.kind === 'failure') {
      const answer = errorReplyForFailure(envelope);
      if (!answer) {
        // XCCOS.md §2.7: 400 only when the body is not XCCOS at all.
        tx.reply(ERROR_CATALOGUE[envelope.code].sipStatus, { reason: 'Bad Request (not XCCOS)' });
        return;
      }
      // A readable command with a bad payload: SIP 200, then the coded error reply.
      tx.reply(200);
      if (state.kind === 'lookup') sendInfo(state, serializeReplies(deps.nextEnvid(), [answer]));
      else deps.channel.onCommand(state.session, commandInfo(envelope.replyTo!, body), envelope);
      return;
    }
    if (envelope.kind === 'cmd') {
      // XCCOS.md §2.7: SIP 200 at once, the result later in a server INFO.
      tx.reply(200);
      const command = envelope.command;
      if (command.name === 'requri') {
        // XCCOS.md §2.4: answer cmd:requri on any dialog with the chat-server URI.
        deps.counters.requriAnswered++;
        const reply = replyTo(command, envelope.envid, { uri: deps.uris.chat });
        sendInfo(state, serializeReplies(deps.nextEnvid(), [reply]));
        return;
      }
      if (state.kind === 'lookup') {
        const reply = errorReply(command, envelope.envid, 'ERR_XCCOS_NOT_SUPPORTED');
        sendInfo(state, serializeReplies(deps.nextEnvid(), [reply]));
        return;
      }
      deps.channel.onCommand(state.session, commandInfo({ ...command, envid: envelope.envid }, body), envelope);
      return;
    }
    if (envelope.kind === 'grpchat' && state.kind !== 'lookup') {
      Promise.resolve(deps.channel.onPost(state.session, body, envelope)).then(
        (status) => tx.reply(status),
        (e: unknown) => {
          log.error('channel onPost failed', { err: String(e) });
          tx.reply(500);
        },
      );
      return;
    }
    tx.reply(200);
  }

  return {
    get size(): number {
      return states.size;
    },

    match(request: SipRequest): DialogMatch {
      return table.match(request);
    },

    accept,

    /** A request inside a known dialog (RFC 3261 §12.2.2). */
    inDialog(dialog: UasDialog, request: SipRequest, tx: ServerTransaction): void {
      const state = states.get(dialogKey(dialog.id));
      if (!state) {
        deps.counters.responses481++;
        tx.reply(481);
        return;
      }
      const check = acceptInDialogRequest(dialog, request);
      if (!check.ok) {
        tx.reply(check.status);
        return;
      }
      // XCCOS.md §2.9: any request on the dialog counts as activity.
      state.timer.refresh();
      switch (request.method) {
        case 'BYE':
          tx.reply(200);
          end(state, 'bye', false);
          return;
        case 'UPDATE':
        case 'INVITE': {
          // RFC 4028: a refresh; echo the (possibly new) interval.
          const interval = negotiateSessionInterval(request, {
            ...deps.sessionTimer,
            defaultSeconds: state.seconds,
          });
          if (!interval.ok) {
            tx.reply(422, { headers: [{ name: 'Min-SE', value: String(interval.minSE) }] });
            return;
          }
          state.seconds = interval.seconds;
          state.timer.refresh(interval.seconds);
          const headers: SipHeader[] = [
            { name: 'Contact', value: contactFor(state.session.target, state.connection) },
            { name: 'Session-Expires', value: interval.header },
          ];
          const sdp = request.method === 'INVITE' && request.body.length > 0;
          if (sdp) headers.push({ name: 'Content-Type', value: 'application/sdp' });
          tx.reply(200, {
            headers,
            ...(sdp ? { body: Buffer.from(sdpAnswer(state.connection.localAddress, state.connection.localPort)) } : {}),
          });
          return;
        }
        case 'INFO':
          handleInfo(state, request, tx);
          return;
        default:
          // XCCOS.md §2.12: 200 for anything else.
          tx.reply(200);
      }
    },

    /** ACK for our 2xx (or in-dialog): activity only. */
    ack(request: SipRequest): void {
      const m = table.match(request);
      if (m.kind === 'in-dialog') states.get(dialogKey(m.dialog.id))?.timer.refresh();
    },

    connectionClosed(connection: SipConnection): void {
      const set = byConnection.get(connection);
      byConnection.delete(connection);
      for (const s of set ?? []) end(s, 'connection-closed', false);
    },

    /** Server stop: BYE on every dialog. */
    closeAll(): void {
      for (const s of [...states.values()]) end(s, 'server-stopping', true);
    },
  };
}
