/**
 * `cmd:part` → `rpl:part` (XCCOS.md §6.6): leave a room. Both carry `<chanib uri>`; on 200 SIPE
 * closes the room, a non-200 is logged and ignored. `ntc:part` is in notices/part-notice.ts.
 */
import { optionalAttribute, requireAttribute, requireChild } from '../blocks/payload.js';
import type { PayloadCodec } from '../blocks/payload-codec.js';
import { childElement } from '../xml/xml-tree.js';
import { xmlElement } from '../xml/xml-write.js';

export interface PartCommandPayload {
  readonly roomUri: string;
}

export const PART_COMMAND_CODEC: PayloadCodec<PartCommandPayload> = {
  parse: (data) => ({ roomUri: requireAttribute(requireChild(data, 'chanib'), 'uri') }),
  serialize: (cmd) => xmlElement('chanib', [['uri', cmd.roomUri]]),
};

export interface PartReplyData {
  readonly roomUri?: string;
}

export const PART_REPLY_CODEC: PayloadCodec<PartReplyData> = {
  parse: (data) => {
    const chanib = childElement(data, 'chanib');
    const roomUri = chanib === undefined ? undefined : optionalAttribute(chanib, 'uri');
    return roomUri === undefined ? {} : { roomUri };
  },
  serialize: (reply) => (reply.roomUri === undefined ? '' : xmlElement('chanib', [['uri', reply.roomUri]])),
};
