/**
 * The seam between the front end and the Channel service (XCCOS.md §1): the front end owns the
 * SIP dialogs; the channel gets one session per chat dialog, its XCCOS commands and posts, and a
 * way to send XCCOS back in server → client INFOs.
 */
import type { OutboundEnvelope } from '../protocol/xccos/outbound-envelope.js';
import type { XccosParseFailure } from '../protocol/xccos/parse-command.js';
import type { XccosEnvelope } from '../protocol/xccos/xccos-types.js';

export type SessionEndReason = 'bye' | 'expired' | 'info-failed' | 'connection-closed' | 'server-stopping';

export interface ChatSession {
  /** Unique per dialog. */
  readonly id: string;
  /** `sip:alice@example.com`. */
  readonly userUri: string;
  readonly userId: string | undefined;
  /** The `epid` of the client's `From` (XCCOS.md §9 item 5). */
  readonly epid: string | undefined;
  readonly callId: string;
  /** The URI the client INVITEd (the `From` of our INFOs). */
  readonly target: string;
  /**
   * Send one XCCOS envelope in a server INFO on this dialog (a template gets the next server
   * envid). `done(true)` on a 2xx; any other outcome ends the dialog (XCCOS.md §2.9): `done(false)`.
   */
  sendXccos(envelope: OutboundEnvelope, done?: (ok: boolean) => void): void;
  /** Send BYE and forget the dialog. */
  end(): void;
}

export interface XccosCommandInfo {
  readonly name: string;
  readonly seqid: string;
  /** The envelope's envid, to copy into the reply's `commandid`. */
  readonly envid: string;
  /** The whole INFO body. */
  readonly body: string;
}

/** `parseXccos(body)` as the front end already computed it. */
export type ParsedXccos = XccosEnvelope | XccosParseFailure;

export interface ChannelContext {
  /** The next server envid (unique, rising; XCCOS.md §9 item 4). */
  nextEnvid(): string;
}

export interface ChannelDelegate {
  onSessionOpened?(session: ChatSession): void;
  /** A `cmd` on a chat dialog (already answered SIP 200); reply with `session.sendXccos`. */
  onCommand(session: ChatSession, command: XccosCommandInfo, parsed?: ParsedXccos): void;
  /**
   * A `grpchat` post; the resolved status is the SIP answer to its INFO (XCCOS.md §2.7).
   * `parsed` is the front end's parse of `body`, handed on so that it is not parsed twice.
   */
  onPost(session: ChatSession, body: string, parsed?: ParsedXccos): Promise<number> | number;
  onSessionClosed?(session: ChatSession, reason: SessionEndReason): void;
}
