/**
 * `cmd:join` → `rpl:join` (XCCOS.md §6.5). The request holds one `chanid`; the reply the roster of
 * users currently in the room (the joining user included) and the room's `chanib` (JOIN_REPLY_CODEC).
 * The `ntc:join` to the others is in notices/join-notice.ts.
 */
import { chanIdUri, parseChanId, serializeChanId, type ChanId } from '../blocks/chanid.js';
import { JOIN_REPLY_CODEC, type JoinReplyData } from '../blocks/join-roster.js';
import { XccosPayloadError } from '../blocks/payload.js';
import type { PayloadCodec } from '../blocks/payload-codec.js';
import { childElements } from '../xml/xml-tree.js';

export interface JoinCommandPayload {
  readonly channel: ChanId;
  /** `ma-chan://{domain}/{value}`. */
  readonly roomUri: string;
}

export const JOIN_COMMAND_CODEC: PayloadCodec<JoinCommandPayload> = {
  parse: (data) => {
    const chanids = childElements(data, 'chanid');
    if (chanids.length !== 1 || chanids[0] === undefined) {
      throw new XccosPayloadError('cmd:join needs exactly one <chanid> (use cmd:bjoin for several)');
    }
    const channel = parseChanId(chanids[0]);
    return { channel, roomUri: chanIdUri(channel) };
  },
  serialize: (cmd) => serializeChanId(cmd.channel),
};

export type JoinReplyPayload = JoinReplyData;
export const JOIN_REPLY_PAYLOAD_CODEC: PayloadCodec<JoinReplyPayload> = JOIN_REPLY_CODEC;
