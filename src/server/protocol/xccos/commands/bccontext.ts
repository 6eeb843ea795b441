/**
 * `cmd:bccontext` → `rpl:bccontext` (XCCOS.md §6.7): recent history ("backchat").
 *
 * Request [observed]: `<chanib uri/><bcq><last cnt="25"/></bcq>` (SIPE always asks for 25).
 * Parlance extension [inferred; other `bcq` forms are unknown on the wire]: `<last cnt before/>`,
 * where `before` is a message id (`msgid` of an earlier delivery) for paging backwards. With no
 * `cnt` the service applies DefaultChatHistory (default 30).
 *
 * Reply: `<chanib uri>` holding `msg id="grpchat"` elements, oldest first; SIPE reads only the first
 * `chanib` and only `msg` with `id="grpchat"`.
 */
import {
  XccosPayloadError,
  optionalAttribute,
  parseBoundedInteger,
  requireAttribute,
  requireChild,
} from '../blocks/payload.js';
import type { PayloadCodec } from '../blocks/payload-codec.js';
import { parseRoomMessage, serializeRoomMessage, type RoomMessage } from '../blocks/room-message.js';
import { attribute, childElement, childElements } from '../xml/xml-tree.js';
import { xmlElement } from '../xml/xml-write.js';

/** DefaultChatHistory's upper bound (LYNC.md §8.3: 1–500). */
export const MAX_BCCONTEXT_COUNT = 500;

export interface BccontextCommandPayload {
  readonly roomUri: string;
  /** Messages wanted; undefined = the server default (DefaultChatHistory). */
  readonly last?: number;
  /** Page backwards: only messages with a smaller message id (Parlance extension). */
  readonly before?: string;
}

export const BCCONTEXT_COMMAND_CODEC: PayloadCodec<BccontextCommandPayload> = {
  parse: (data) => {
    const roomUri = requireAttribute(requireChild(data, 'chanib'), 'uri');
    const bcq = childElement(data, 'bcq');
    const last = bcq === undefined ? undefined : childElement(bcq, 'last');
    if (last === undefined) return { roomUri };
    const cnt = optionalAttribute(last, 'cnt');
    const before = optionalAttribute(last, 'before');
    if (before !== undefined && !/^[0-9]{1,20}$/.test(before))
      throw new XccosPayloadError('last/@before is not a message id');
    return {
      roomUri,
      ...(cnt !== undefined && { last: parseBoundedInteger(cnt, 'last/@cnt', 0, MAX_BCCONTEXT_COUNT) }),
      ...(before !== undefined && { before }),
    };
  },
  serialize: (cmd) =>
    xmlElement('chanib', [['uri', cmd.roomUri]]) +
    (cmd.last === undefined && cmd.before === undefined
      ? ''
      : xmlElement(
          'bcq',
          [],
          xmlElement('last', [
            ['cnt', cmd.last === undefined ? undefined : String(cmd.last)],
            ['before', cmd.before],
          ]),
        )),
};

export interface BccontextReplyData {
  readonly roomUri?: string;
  /** Oldest first. */
  readonly messages: readonly RoomMessage[];
}

export const BCCONTEXT_REPLY_CODEC: PayloadCodec<BccontextReplyData> = {
  parse: (data) => {
    const chanib = childElement(data, 'chanib');
    if (chanib === undefined) return { messages: [] };
    return {
      roomUri: requireAttribute(chanib, 'uri'),
      messages: childElements(chanib, 'msg')
        .filter((msg) => attribute(msg, 'id') === 'grpchat')
        .map(parseRoomMessage),
    };
  },
  serialize: (reply) =>
    reply.roomUri === undefined
      ? ''
      : xmlElement(
          'chanib',
          [['uri', reply.roomUri]],
          reply.messages.map((m) => serializeRoomMessage('msg', [['id', 'grpchat']], m)).join(''),
        ),
};
