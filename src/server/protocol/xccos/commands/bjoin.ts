/**
 * `cmd:bjoin` → `rpl:bjoin` (XCCOS.md §6.4): join several rooms (the Lync client's followed rooms;
 * SIPE's queued joins on connect). Reply as `rpl:join`, one `chanib` per joined room and a `fib`
 * `OPERATION_FAILED` in place of each room that could not be joined, with resp 200 overall.
 */
import { chanIdUri, parseChanId, serializeChanId, type ChanId } from '../blocks/chanid.js';
import { JOIN_REPLY_CODEC, type JoinReplyData } from '../blocks/join-roster.js';
import { XccosPayloadError } from '../blocks/payload.js';
import type { PayloadCodec } from '../blocks/payload-codec.js';
import { childElements } from '../xml/xml-tree.js';

/** More rooms than any follow list needs; a bigger batch is refused as an invalid argument. */
export const MAX_BJOIN_ROOMS = 1000;

export interface BjoinCommandPayload {
  readonly channels: readonly (ChanId & { readonly roomUri: string })[];
}

export const BJOIN_COMMAND_CODEC: PayloadCodec<BjoinCommandPayload> = {
  parse: (data) => {
    const chanids = childElements(data, 'chanid');
    if (chanids.length > MAX_BJOIN_ROOMS)
      throw new XccosPayloadError(`cmd:bjoin lists more than ${MAX_BJOIN_ROOMS} rooms`);
    return {
      channels: chanids.map((element) => {
        const channel = parseChanId(element);
        return { ...channel, roomUri: chanIdUri(channel) };
      }),
    };
  },
  serialize: (cmd) =>
    cmd.channels.map((c) => serializeChanId({ key: c.key, domain: c.domain, value: c.value })).join(''),
};

export type BjoinReplyPayload = JoinReplyData;
export const BJOIN_REPLY_PAYLOAD_CODEC: PayloadCodec<BjoinReplyPayload> = JOIN_REPLY_CODEC;
