/**
 * `parseXccos(xml)` → a typed envelope or a coded failure (XCCOS.md §3; STYLE.md practice 1).
 * Pure and total: hostile or broken input yields an `XccosParseFailure`, never an exception.
 *
 * How the service answers a failure (XCCOS.md §2.7, §9 item 2):
 * - `replyTo` set (a readable `cmd` with a bad payload): SIP 200, then the error `rpl`
 *   (`errorReplyForFailure`), so the client's dialog never just goes quiet;
 * - otherwise: answer the INFO with the code's `sipStatus` (400 "not XCCOS", 413 too large, …).
 * Unknown commands are NOT failures: they parse as `name: 'unknown'` and get a 501 reply.
 */
import type { ErrorCode } from '../../errors/error-codes.js';
import { EMPTY_DATA, XccosPayloadError, requireAttribute } from './blocks/payload.js';
import {
  COMMAND_CODECS,
  NOTICE_CODECS,
  REPLY_CODECS,
  commandNameFromId,
  noticeNameFromId,
  replyIdFor,
  replyNameFromId,
} from './command-table.js';
import { parseGrpchat } from './commands/grpchat.js';
import {
  XCCOS_NAMESPACE,
  XCCOS_VERSION,
  type XccosCommand,
  type XccosEnvelope,
  type XccosNotice,
  type XccosReply,
  type XccosResp,
} from './xccos-types.js';
import {
  DEFAULT_XML_LIMITS,
  attribute,
  childElement,
  isXmlFailure,
  parseXmlTree,
  type XmlElement,
  type XmlFailureReason,
  type XmlLimits,
} from './xml/xml-tree.js';

export interface XccosParseFailure {
  readonly kind: 'failure';
  readonly code: ErrorCode;
  /** Safe to log; not for a SIP header without sanitising. */
  readonly detail: string;
  /** The envelope's envid, when it could be read. */
  readonly envid?: string;
  /** Present when a `rpl` can answer it: the command's id and seqid and its envelope's envid. */
  readonly replyTo?: { readonly id: string; readonly replyId: string; readonly seqid: string; readonly envid: string };
}

export type XccosLimits = XmlLimits;
export const DEFAULT_XCCOS_LIMITS: XccosLimits = DEFAULT_XML_LIMITS;

const XML_FAILURE_CODES: Readonly<Record<XmlFailureReason, ErrorCode>> = {
  'too-large': 'ERR_XCCOS_TOO_LARGE',
  doctype: 'ERR_XCCOS_DOCTYPE_FORBIDDEN',
  'not-xml': 'ERR_XCCOS_NOT_XML',
  'too-deep': 'ERR_XCCOS_TOO_COMPLEX',
  'too-many-nodes': 'ERR_XCCOS_TOO_COMPLEX',
};

/** Decimal, up to 64 bits (XCCOS.md §2.10). */
const ENVID_RE = /^[0-9]{1,20}$/;
const MAX_ENVID = 2n ** 64n - 1n;
const ROOT_KINDS = new Set(['cmd', 'rpl', 'ntc', 'grpchat']);

class EnvelopeError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail: string,
    readonly replyTo?: XccosParseFailure['replyTo'],
  ) {
    super(detail);
  }
}

export function isXccosParseFailure(value: XccosEnvelope | XccosParseFailure): value is XccosParseFailure {
  return value.kind === 'failure';
}

export function isValidEnvid(envid: string): boolean {
  return ENVID_RE.test(envid) && BigInt(envid) <= MAX_ENVID;
}

function dataOf(element: XmlElement): XmlElement {
  return childElement(element, 'data') ?? EMPTY_DATA;
}

function parseCommand(cmd: XmlElement, envid: string): XccosCommand {
  const id = attribute(cmd, 'id');
  const seqid = attribute(cmd, 'seqid');
  if (id === undefined || seqid === undefined)
    throw new EnvelopeError('ERR_XCCOS_BAD_ENVELOPE', '<cmd> needs id and seqid');
  const name = commandNameFromId(id);
  try {
    const payload = COMMAND_CODECS[name].parse(dataOf(cmd));
    return { name, id, seqid, ...payload } as XccosCommand;
  } catch (error) {
    if (!(error instanceof XccosPayloadError)) throw error;
    throw new EnvelopeError('ERR_XCCOS_INVALID_ARGUMENT', `${id}: ${error.message}`, {
      id,
      replyId: replyIdFor(id),
      seqid,
      envid,
    });
  }
}

function parseResp(element: XmlElement): XccosResp | undefined {
  const resp = childElement(element, 'resp');
  if (resp === undefined) return undefined;
  const code = attribute(resp, 'code') ?? '';
  return { code: /^[0-9]{3}$/.test(code) ? Number(code) : 500, text: resp.text };
}

function parseReply(rpl: XmlElement): XccosReply {
  const id = requireAttribute(rpl, 'id');
  const commandid = childElement(rpl, 'commandid');
  const name = replyNameFromId(id);
  return {
    name,
    id,
    seqid: requireAttribute(rpl, 'seqid'),
    commandId: {
      seqid: commandid === undefined ? '' : requireAttribute(commandid, 'seqid'),
      envid: commandid === undefined ? '' : requireAttribute(commandid, 'envid'),
    },
    // SIPE: a reply without <resp> counts as 500.
    resp: parseResp(rpl) ?? { code: 500, text: '' },
    data: REPLY_CODECS[name].parse(dataOf(rpl)),
  } as XccosReply;
}

function parseNotice(ntc: XmlElement): XccosNotice {
  const id = requireAttribute(ntc, 'id');
  const name = noticeNameFromId(id);
  const resp = parseResp(ntc);
  return {
    name,
    id,
    seqid: attribute(ntc, 'seqid') ?? '1',
    ...(resp !== undefined && { resp }),
    data: NOTICE_CODECS[name].parse(dataOf(ntc)),
  } as XccosNotice;
}

function parseEnvelope(root: XmlElement): XccosEnvelope {
  if (root.name !== 'xccos')
    throw new EnvelopeError('ERR_XCCOS_NOT_XCCOS', `root element is <${root.name}>, not <xccos>`);
  const ns = attribute(root, 'xmlns');
  if (ns !== undefined && ns !== XCCOS_NAMESPACE)
    throw new EnvelopeError('ERR_XCCOS_NOT_XCCOS', `namespace ${ns} is not ${XCCOS_NAMESPACE}`);
  const envid = attribute(root, 'envid');
  if (envid === undefined || !isValidEnvid(envid)) {
    throw new EnvelopeError('ERR_XCCOS_BAD_ENVELOPE', 'xccos/@envid must be a decimal number of up to 64 bits');
  }
  const ver = attribute(root, 'ver') ?? XCCOS_VERSION;
  if (root.text.trim() !== '') throw new EnvelopeError('ERR_XCCOS_BAD_ENVELOPE', 'text directly inside <xccos>');
  const unknown = root.children.find((child) => !ROOT_KINDS.has(child.name));
  if (unknown !== undefined)
    throw new EnvelopeError('ERR_XCCOS_BAD_ENVELOPE', `<${unknown.name}> is not an XCCOS message`);
  const first = root.children[0];
  if (first === undefined) throw new EnvelopeError('ERR_XCCOS_BAD_ENVELOPE', 'empty <xccos>');
  // Batching rule (XCCOS.md §2.8): one kind per envelope; exactly one cmd; exactly one grpchat.
  if (root.children.some((child) => child.name !== first.name)) {
    throw new EnvelopeError('ERR_XCCOS_BAD_ENVELOPE', 'an envelope mixes cmd, rpl, ntc and grpchat');
  }
  if ((first.name === 'cmd' || first.name === 'grpchat') && root.children.length > 1) {
    throw new EnvelopeError('ERR_XCCOS_BAD_ENVELOPE', `an envelope holds exactly one <${first.name}>`);
  }
  switch (first.name) {
    case 'cmd':
      return { kind: 'cmd', ver, envid, command: parseCommand(first, envid) };
    case 'grpchat':
      try {
        return { kind: 'grpchat', ver, envid, message: parseGrpchat(first) };
      } catch (error) {
        if (error instanceof XccosPayloadError) throw new EnvelopeError('ERR_XCCOS_INVALID_POST', error.message);
        throw error;
      }
    case 'rpl': {
      const [head, ...rest] = root.children.map(parseReply);
      return { kind: 'rpl', ver, envid, replies: [head as XccosReply, ...rest] };
    }
    default: {
      const [head, ...rest] = root.children.map(parseNotice);
      return { kind: 'ntc', ver, envid, notices: [head as XccosNotice, ...rest] };
    }
  }
}

/** Parses one XCCOS body (the INFO body, `Content-Type: text/plain`). */
export function parseXccos(xml: string, limits: XccosLimits = DEFAULT_XCCOS_LIMITS): XccosEnvelope | XccosParseFailure {
  const root = parseXmlTree(xml, limits);
  if (isXmlFailure(root)) return { kind: 'failure', code: XML_FAILURE_CODES[root.reason], detail: root.detail };
  const envid = attribute(root, 'envid');
  const known = envid !== undefined && isValidEnvid(envid) ? { envid } : {};
  try {
    return parseEnvelope(root);
  } catch (error) {
    if (error instanceof EnvelopeError) {
      return {
        kind: 'failure',
        code: error.code,
        detail: error.message,
        ...known,
        ...(error.replyTo !== undefined && { replyTo: error.replyTo }),
      };
    }
    if (error instanceof XccosPayloadError) {
      return { kind: 'failure', code: 'ERR_XCCOS_INVALID_ARGUMENT', detail: error.message, ...known };
    }
    // Unreachable by design; still a coded failure rather than an exception into the SIP stack.
    return {
      kind: 'failure',
      code: 'ERR_XCCOS_NOT_XCCOS',
      detail: error instanceof Error ? error.message : String(error),
      ...known,
    };
  }
}
