/**
 * Codec tables keyed by name (STYLE.md practice 1: parsers in a table, as drachtio's getParser),
 * and the id ↔ name rules: `cmd:{x}` is answered by `rpl:{x}`, except `cmd:getfutok` and
 * `cmd:getfdtok` → `rpl:getftok` (XCCOS.md §2.10).
 */
import type { PayloadCodec } from './blocks/payload-codec.js';
import { BCCONTEXT_COMMAND_CODEC, BCCONTEXT_REPLY_CODEC } from './commands/bccontext.js';
import { BJOIN_COMMAND_CODEC, BJOIN_REPLY_PAYLOAD_CODEC } from './commands/bjoin.js';
import { CHANSRCH_COMMAND_CODEC, CHANSRCH_REPLY_CODEC } from './commands/chansrch.js';
import { FILE_TOKEN_COMMAND_CODEC, FILE_TOKEN_REPLY_CODEC, FILE_TOKEN_REPLY_ID } from './commands/file-token.js';
import { GETASSOCIATIONS_COMMAND_CODEC, GETASSOCIATIONS_REPLY_CODEC } from './commands/getassociations.js';
import { GETINV_COMMAND_CODEC, GETINV_REPLY_CODEC } from './commands/getinv.js';
import { GETPREF_COMMAND_CODEC, GETPREF_REPLY_CODEC } from './commands/getpref.js';
import { GETSERVERINFO_COMMAND_CODEC, GETSERVERINFO_REPLY_CODEC } from './commands/getserverinfo.js';
import { JOIN_COMMAND_CODEC, JOIN_REPLY_PAYLOAD_CODEC } from './commands/join.js';
import {
  NODESPERMCREATECHILD_COMMAND_CODEC,
  NODESPERMCREATECHILD_REPLY_CODEC,
} from './commands/nodespermcreatechild.js';
import { PART_COMMAND_CODEC, PART_REPLY_CODEC } from './commands/part.js';
import { REQURI_COMMAND_CODEC, REQURI_REPLY_CODEC } from './commands/requri.js';
import { SETPREF_COMMAND_CODEC, SETPREF_REPLY_CODEC } from './commands/setpref.js';
import { UNKNOWN_PAYLOAD_CODEC } from './commands/unknown.js';
import { JOIN_NOTICE_CODEC } from './notices/join-notice.js';
import { PART_NOTICE_CODEC } from './notices/part-notice.js';
import type {
  CommandPayloads,
  NoticePayloads,
  ReplyNameFor,
  ReplyPayloads,
  XccosCommandName,
  XccosNoticeName,
  XccosReplyName,
} from './xccos-types.js';

export const COMMAND_CODECS: { readonly [N in XccosCommandName]: PayloadCodec<CommandPayloads[N]> } = {
  requri: REQURI_COMMAND_CODEC,
  getserverinfo: GETSERVERINFO_COMMAND_CODEC,
  getassociations: GETASSOCIATIONS_COMMAND_CODEC,
  bjoin: BJOIN_COMMAND_CODEC,
  join: JOIN_COMMAND_CODEC,
  part: PART_COMMAND_CODEC,
  bccontext: BCCONTEXT_COMMAND_CODEC,
  chansrch: CHANSRCH_COMMAND_CODEC,
  getinv: GETINV_COMMAND_CODEC,
  getpref: GETPREF_COMMAND_CODEC,
  setpref: SETPREF_COMMAND_CODEC,
  getfutok: FILE_TOKEN_COMMAND_CODEC,
  getfdtok: FILE_TOKEN_COMMAND_CODEC,
  nodespermcreatechild: NODESPERMCREATECHILD_COMMAND_CODEC,
  unknown: UNKNOWN_PAYLOAD_CODEC,
};

export const REPLY_CODECS: { readonly [N in XccosReplyName]: PayloadCodec<ReplyPayloads[N]> } = {
  requri: REQURI_REPLY_CODEC,
  getserverinfo: GETSERVERINFO_REPLY_CODEC,
  getassociations: GETASSOCIATIONS_REPLY_CODEC,
  bjoin: BJOIN_REPLY_PAYLOAD_CODEC,
  join: JOIN_REPLY_PAYLOAD_CODEC,
  part: PART_REPLY_CODEC,
  bccontext: BCCONTEXT_REPLY_CODEC,
  chansrch: CHANSRCH_REPLY_CODEC,
  getinv: GETINV_REPLY_CODEC,
  getpref: GETPREF_REPLY_CODEC,
  setpref: SETPREF_REPLY_CODEC,
  getftok: FILE_TOKEN_REPLY_CODEC,
  nodespermcreatechild: NODESPERMCREATECHILD_REPLY_CODEC,
  unknown: UNKNOWN_PAYLOAD_CODEC,
};

export const NOTICE_CODECS: { readonly [N in XccosNoticeName]: PayloadCodec<NoticePayloads[N]> } = {
  join: JOIN_NOTICE_CODEC,
  bjoin: JOIN_NOTICE_CODEC,
  part: PART_NOTICE_CODEC,
  unknown: UNKNOWN_PAYLOAD_CODEC,
};

/** Empty data per reply: what an error reply carries (serializes to `<data/>`). */
export const EMPTY_REPLY_DATA: { readonly [N in XccosReplyName]: ReplyPayloads[N] } = {
  requri: {},
  getserverinfo: {},
  getassociations: { rooms: [] },
  bjoin: { users: [], rooms: [] },
  join: { users: [], rooms: [] },
  part: {},
  bccontext: { messages: [] },
  chansrch: { rooms: [] },
  getinv: { invitations: [] },
  getpref: {},
  setpref: {},
  getftok: {},
  nodespermcreatechild: {},
  unknown: { rawData: '' },
};

function lookup<T extends string>(table: object, id: string, prefix: string): T | 'unknown' {
  const lower = id.toLowerCase();
  if (!lower.startsWith(prefix)) return 'unknown';
  const name = lower.slice(prefix.length);
  return name !== 'unknown' && Object.hasOwn(table, name) ? (name as T) : 'unknown';
}

/** `cmd:join` → `join`; ids are compared case-insensitively (SIPE does so for replies). */
export function commandNameFromId(id: string): XccosCommandName {
  return lookup<XccosCommandName>(COMMAND_CODECS, id, 'cmd:');
}

export function replyNameFromId(id: string): XccosReplyName {
  return lookup<XccosReplyName>(REPLY_CODECS, id, 'rpl:');
}

export function noticeNameFromId(id: string): XccosNoticeName {
  return lookup<XccosNoticeName>(NOTICE_CODECS, id, 'ntc:');
}

export function replyNameFor<N extends XccosCommandName>(name: N): ReplyNameFor<N> {
  return (name === 'getfutok' || name === 'getfdtok' ? 'getftok' : name) as ReplyNameFor<N>;
}

/** The reply id for a command id as written: `cmd:{x}` → `rpl:{x}`; file tokens → `rpl:getftok`. */
export function replyIdFor(commandId: string): string {
  const name = commandNameFromId(commandId);
  if (name === 'getfutok' || name === 'getfdtok') return FILE_TOKEN_REPLY_ID;
  const bare = commandId.toLowerCase().startsWith('cmd:') ? commandId.slice(4) : commandId;
  return `rpl:${bare}`;
}
