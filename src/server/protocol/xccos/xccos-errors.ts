/**
 * XCCOS result codes (XCCOS.md §3.6). Only `200 SUCCESS_OK` has ever been seen; the rest is the
 * Parlance proposal (unverified: confirm with a capture before a Lync client sees it). Every
 * catalogue error maps to a `resp` code through its `xccosCode`; the text is the table's.
 * SIPE shows the `resp` text for failed `rpl:join`, `rpl:bjoin` and `rpl:chansrch`.
 */
import { ERROR_CATALOGUE, type ErrorCode } from '../../errors/error-codes.js';
import { EMPTY_REPLY_DATA, commandNameFromId, replyIdFor, replyNameFor } from './command-table.js';
import type { XccosParseFailure } from './parse-command.js';
import type {
  ReplyNameFor,
  ReplyPayloads,
  XccosCommand,
  XccosCommandName,
  XccosReply,
  XccosReplyOf,
  XccosResp,
} from './xccos-types.js';

export const XCCOS_SUCCESS: XccosResp = { code: 200, text: 'SUCCESS_OK' };

/** §3.6 table: resp code → wire text. */
export const XCCOS_RESP_TEXT: Readonly<Record<number, string>> = {
  200: 'SUCCESS_OK',
  400: 'ERR_INVALID_ARGUMENT',
  403: 'ERR_PERMISSION',
  404: 'ERR_NO_SUCH_NODE',
  409: 'ERR_DUPLICATE',
  410: 'ERR_NODE_DISABLED',
  413: 'ERR_LIMIT_EXCEEDED',
  500: 'ERR_SERVER',
  501: 'ERR_NOT_SUPPORTED',
};

/** §3.6 wire text → the catalogue code the service raises for it. */
export const XCCOS_RESP_ERROR: Readonly<Record<number, ErrorCode>> = {
  400: 'ERR_XCCOS_INVALID_ARGUMENT',
  403: 'ERR_XCCOS_PERMISSION',
  404: 'ERR_XCCOS_NO_SUCH_NODE',
  409: 'ERR_XCCOS_DUPLICATE',
  410: 'ERR_XCCOS_NODE_DISABLED',
  413: 'ERR_XCCOS_LIMIT_EXCEEDED',
  500: 'ERR_INTERNAL',
  501: 'ERR_XCCOS_NOT_SUPPORTED',
};

/**
 * The `resp` for a catalogue error. Codes outside the table fall back by class: 401/429-style codes
 * keep their number with the nearest text (401 → ERR_PERMISSION, other 4xx → ERR_INVALID_ARGUMENT,
 * 5xx → ERR_SERVER), so every failure still reads as an error to the client.
 */
export function xccosRespFor(code: ErrorCode): XccosResp {
  const xccosCode = ERROR_CATALOGUE[code].xccosCode;
  const text =
    XCCOS_RESP_TEXT[xccosCode] ??
    (xccosCode === 401 ? 'ERR_PERMISSION' : xccosCode < 500 ? 'ERR_INVALID_ARGUMENT' : 'ERR_SERVER');
  return { code: xccosCode, text };
}

/** The catalogue code for a received `resp` code (client side, tests); undefined for 200. */
export function errorCodeForResp(respCode: number): ErrorCode | undefined {
  if (respCode === 200) return undefined;
  return XCCOS_RESP_ERROR[respCode] ?? (respCode < 500 ? 'ERR_XCCOS_INVALID_ARGUMENT' : 'ERR_INTERNAL');
}

/**
 * A reply to `command`: `rpl/@id` from the command id, `rpl/@seqid` and `commandid` copied exactly
 * (XCCOS.md §9 item 3). `commandEnvid` is the envid of the command's envelope.
 */
export function replyTo<N extends XccosCommandName>(
  command: XccosCommand & { readonly name: N },
  commandEnvid: string,
  data: ReplyPayloads[ReplyNameFor<N>],
  resp: XccosResp = XCCOS_SUCCESS,
): XccosReplyOf<ReplyNameFor<N>> {
  return {
    name: replyNameFor(command.name),
    id: replyIdFor(command.id),
    seqid: command.seqid,
    commandId: { seqid: command.seqid, envid: commandEnvid },
    resp,
    data,
  } as XccosReplyOf<ReplyNameFor<N>>;
}

interface CommandRef {
  readonly id: string;
  readonly seqid: string;
}

/**
 * An error reply with empty `<data/>`, e.g. `rpl:join` 403 ERR_PERMISSION, or `rpl:{x}` 501
 * ERR_NOT_SUPPORTED for an unknown `cmd:{x}` (§6.14). `text` overrides the table's wire text.
 */
export function errorReply(command: CommandRef, commandEnvid: string, code: ErrorCode, text?: string): XccosReply {
  const id = replyIdFor(command.id);
  const resp = xccosRespFor(code);
  const name = replyNameFor(commandNameFromId(command.id));
  return {
    name,
    id,
    seqid: command.seqid,
    commandId: { seqid: command.seqid, envid: commandEnvid },
    resp: text === undefined ? resp : { code: resp.code, text },
    data: EMPTY_REPLY_DATA[name],
  } as XccosReply;
}

/**
 * The error reply for a command whose envelope was readable but whose payload was not (SIP 200 +
 * this `rpl`, XCCOS.md §2.7); undefined when the failure cannot be answered with a `rpl` (then
 * answer the INFO with the failure's SIP status).
 */
export function errorReplyForFailure(failure: XccosParseFailure): XccosReply | undefined {
  if (failure.replyTo === undefined) return undefined;
  return errorReply(failure.replyTo, failure.replyTo.envid, failure.code);
}
