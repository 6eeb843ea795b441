/**
 * The typed XCCOS model (XCCOS.md §3): envelopes, commands, replies, notices, room messages.
 * Ids that may be 64-bit (`envid`, invitation and message ids) are decimal strings (§2.10).
 */
import type { BccontextCommandPayload, BccontextReplyData } from './commands/bccontext.js';
import type { BjoinCommandPayload, BjoinReplyPayload } from './commands/bjoin.js';
import type { ChansrchCommandPayload, ChansrchReplyData } from './commands/chansrch.js';
import type { FileTokenCommandPayload, FileTokenReplyData } from './commands/file-token.js';
import type { GetassociationsCommandPayload, GetassociationsReplyData } from './commands/getassociations.js';
import type { GetinvCommandPayload, GetinvReplyData } from './commands/getinv.js';
import type { GetprefCommandPayload, GetprefReplyData } from './commands/getpref.js';
import type { GetserverinfoCommandPayload, GetserverinfoReplyData } from './commands/getserverinfo.js';
import type { GrpchatMessage } from './commands/grpchat.js';
import type { JoinCommandPayload, JoinReplyPayload } from './commands/join.js';
import type {
  NodespermcreatechildCommandPayload,
  NodespermcreatechildReplyData,
} from './commands/nodespermcreatechild.js';
import type { PartCommandPayload, PartReplyData } from './commands/part.js';
import type { RequriCommandPayload, RequriReplyData } from './commands/requri.js';
import type { SetprefCommandPayload, SetprefReplyData } from './commands/setpref.js';
import type { UnknownPayload } from './commands/unknown.js';
import type { JoinNoticeData } from './notices/join-notice.js';
import type { PartNoticeData } from './notices/part-notice.js';

export const XCCOS_NAMESPACE = 'urn:parlano:xml:ns:xccos';
export const XCCOS_VERSION = '1';

/** Command payloads by name (`cmd:{name}`). `unknown` is any other command (§6.14). */
export interface CommandPayloads {
  requri: RequriCommandPayload;
  getserverinfo: GetserverinfoCommandPayload;
  getassociations: GetassociationsCommandPayload;
  bjoin: BjoinCommandPayload;
  join: JoinCommandPayload;
  part: PartCommandPayload;
  bccontext: BccontextCommandPayload;
  chansrch: ChansrchCommandPayload;
  getinv: GetinvCommandPayload;
  getpref: GetprefCommandPayload;
  setpref: SetprefCommandPayload;
  getfutok: FileTokenCommandPayload;
  getfdtok: FileTokenCommandPayload;
  nodespermcreatechild: NodespermcreatechildCommandPayload;
  unknown: UnknownPayload;
}

/** Reply data by name (`rpl:{name}`); both file-token commands are answered by `getftok`. */
export interface ReplyPayloads {
  requri: RequriReplyData;
  getserverinfo: GetserverinfoReplyData;
  getassociations: GetassociationsReplyData;
  bjoin: BjoinReplyPayload;
  join: JoinReplyPayload;
  part: PartReplyData;
  bccontext: BccontextReplyData;
  chansrch: ChansrchReplyData;
  getinv: GetinvReplyData;
  getpref: GetprefReplyData;
  setpref: SetprefReplyData;
  getftok: FileTokenReplyData;
  nodespermcreatechild: NodespermcreatechildReplyData;
  unknown: UnknownPayload;
}

export interface NoticePayloads {
  join: JoinNoticeData;
  bjoin: JoinNoticeData;
  part: PartNoticeData;
  unknown: UnknownPayload;
}

export type XccosCommandName = keyof CommandPayloads;
export type XccosReplyName = keyof ReplyPayloads;
export type XccosNoticeName = keyof NoticePayloads;

/** The reply name a command is answered with (XCCOS.md §2.10). */
export type ReplyNameFor<N extends XccosCommandName> = N extends 'getfutok' | 'getfdtok' ? 'getftok' : N;

export interface XccosCommandBase {
  /** The `cmd/@id` as written, e.g. `cmd:join`. */
  readonly id: string;
  /** Always `1` in practice; with the envelope's envid it identifies the command. */
  readonly seqid: string;
}

export type XccosCommandOf<N extends XccosCommandName> = XccosCommandBase & { readonly name: N } & CommandPayloads[N];
export type XccosCommand = { [N in XccosCommandName]: XccosCommandOf<N> }[XccosCommandName];

export interface XccosResp {
  readonly code: number;
  readonly text: string;
}

/** `<commandid seqid envid/>`: the command a reply answers (copy both exactly, §2.10). */
export interface XccosCommandId {
  readonly seqid: string;
  readonly envid: string;
}

export interface XccosReplyBase {
  /** The `rpl/@id` as written, e.g. `rpl:join`, `rpl:getftok`. */
  readonly id: string;
  readonly seqid: string;
  readonly commandId: XccosCommandId;
  /** A reply with no `<resp>` counts as 500 (as SIPE reads it). */
  readonly resp: XccosResp;
}

export type XccosReplyOf<N extends XccosReplyName> = XccosReplyBase & {
  readonly name: N;
  readonly data: ReplyPayloads[N];
};
export type XccosReply = { [N in XccosReplyName]: XccosReplyOf<N> }[XccosReplyName];

export type XccosNoticeOf<N extends XccosNoticeName> = {
  readonly name: N;
  /** `ntc:{name}`. */
  readonly id: string;
  readonly seqid: string;
  /** Notices normally carry none; SIPE would read one and ignore it. */
  readonly resp?: XccosResp;
  readonly data: NoticePayloads[N];
};
export type XccosNotice = { [N in XccosNoticeName]: XccosNoticeOf<N> }[XccosNoticeName];

interface EnvelopeBase {
  readonly ver: string;
  /** Sender's envelope number, decimal, up to 64 bits. */
  readonly envid: string;
}

/** Batching rule (XCCOS.md §2.8): one kind per envelope; one cmd; one grpchat. */
export type XccosEnvelope =
  | (EnvelopeBase & { readonly kind: 'cmd'; readonly command: XccosCommand })
  | (EnvelopeBase & { readonly kind: 'rpl'; readonly replies: readonly [XccosReply, ...XccosReply[]] })
  | (EnvelopeBase & { readonly kind: 'ntc'; readonly notices: readonly [XccosNotice, ...XccosNotice[]] })
  | (EnvelopeBase & { readonly kind: 'grpchat'; readonly message: GrpchatMessage });
