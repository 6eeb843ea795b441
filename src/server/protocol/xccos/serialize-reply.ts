/**
 * Typed envelopes → XCCOS XML, in the shapes XCCOS.md says clients parse:
 * - root `<xccos ver="1" envid="…" xmlns="urn:parlano:xml:ns:xccos">` (SIPE's own attribute order),
 *   no `<?xml?>` declaration, no indentation (§2.6, §3.1);
 * - `rpl` children in the captured order `commandid`, `resp`, `data` (§3.3); empty data `<data/>`;
 * - batching (§2.8): several `rpl` or several `ntc` per envelope, one `grpchat`, never mixed —
 *   the function per kind makes a mixed envelope impossible to write.
 */
import { NOTICE_CODECS, REPLY_CODECS, COMMAND_CODECS } from './command-table.js';
import { serializeGrpchat, type GrpchatMessage } from './commands/grpchat.js';
import {
  XCCOS_NAMESPACE,
  XCCOS_VERSION,
  type XccosCommand,
  type XccosEnvelope,
  type XccosNotice,
  type XccosReply,
} from './xccos-types.js';
import { xmlElement, xmlTextElement } from './xml/xml-write.js';
import type { PayloadCodec } from './blocks/payload-codec.js';

function envelope(envid: string, content: string): string {
  return xmlElement(
    'xccos',
    [
      ['ver', XCCOS_VERSION],
      ['envid', envid],
      ['xmlns', XCCOS_NAMESPACE],
    ],
    content,
  );
}

function dataElement<T>(codec: PayloadCodec<T>, value: T): string {
  return xmlElement('data', [], codec.serialize(value));
}

export function serializeReplyElement(reply: XccosReply): string {
  const codec = REPLY_CODECS[reply.name] as PayloadCodec<XccosReply['data']>;
  return xmlElement(
    'rpl',
    [
      ['id', reply.id],
      ['seqid', reply.seqid],
    ],
    xmlElement('commandid', [
      ['seqid', reply.commandId.seqid],
      ['envid', reply.commandId.envid],
    ]) +
      xmlTextElement('resp', [['code', String(reply.resp.code)]], reply.resp.text) +
      dataElement(codec, reply.data),
  );
}

export function serializeNoticeElement(notice: XccosNotice): string {
  const codec = NOTICE_CODECS[notice.name] as PayloadCodec<XccosNotice['data']>;
  return xmlElement(
    'ntc',
    [
      ['id', notice.id],
      ['seqid', notice.seqid],
    ],
    (notice.resp === undefined ? '' : xmlTextElement('resp', [['code', String(notice.resp.code)]], notice.resp.text)) +
      dataElement(codec, notice.data),
  );
}

export function serializeCommandElement(command: XccosCommand): string {
  const { name, id, seqid, ...payload } = command;
  const codec = COMMAND_CODECS[name] as PayloadCodec<typeof payload>;
  return xmlElement(
    'cmd',
    [
      ['id', id],
      ['seqid', seqid],
    ],
    dataElement(codec, payload),
  );
}

/** One or more replies in one server → client INFO body. */
export function serializeReplies(envid: string, replies: readonly [XccosReply, ...XccosReply[]]): string {
  return envelope(envid, replies.map(serializeReplyElement).join(''));
}

/** One or more notices (`ntc:join`, `ntc:bjoin`, `ntc:part`, …) in one INFO body. */
export function serializeNotices(envid: string, notices: readonly [XccosNotice, ...XccosNotice[]]): string {
  return envelope(envid, notices.map(serializeNoticeElement).join(''));
}

/** A room message delivery: exactly one `grpchat` per envelope (SIPE reads only the first). */
export function serializeRoomMessage(envid: string, message: GrpchatMessage): string {
  return envelope(envid, serializeGrpchat(message));
}

/** A client command (scripted test clients, load generators). */
export function serializeCommand(envid: string, command: XccosCommand): string {
  return envelope(envid, serializeCommandElement(command));
}

/** Any envelope (the inverse of parseXccos). */
export function serializeXccos(value: XccosEnvelope): string {
  switch (value.kind) {
    case 'cmd':
      return serializeCommand(value.envid, value.command);
    case 'rpl':
      return serializeReplies(value.envid, value.replies);
    case 'ntc':
      return serializeNotices(value.envid, value.notices);
    case 'grpchat':
      return serializeRoomMessage(value.envid, value.message);
  }
}
