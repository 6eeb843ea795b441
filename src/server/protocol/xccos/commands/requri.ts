/**
 * `cmd:requri` → `rpl:requri` (XCCOS.md §6.1): the lookup step. Empty request; the reply's
 * `<uib uri>` is the chat-server URI. SIPE ignores the code; without `uib/@uri` it retries in 5 min.
 */
import { optionalAttribute } from '../blocks/payload.js';
import { EMPTY_PAYLOAD_CODEC, type EmptyPayload, type PayloadCodec } from '../blocks/payload-codec.js';
import { childElement } from '../xml/xml-tree.js';
import { xmlElement } from '../xml/xml-write.js';

export type RequriCommandPayload = EmptyPayload;
export const REQURI_COMMAND_CODEC: PayloadCodec<RequriCommandPayload> = EMPTY_PAYLOAD_CODEC;

export interface RequriReplyData {
  /** The chat-server URI the client INVITEs next (absent only in an error reply). */
  readonly uri?: string;
}

export const REQURI_REPLY_CODEC: PayloadCodec<RequriReplyData> = {
  parse: (data) => {
    const uib = childElement(data, 'uib');
    const uri = uib === undefined ? undefined : optionalAttribute(uib, 'uri');
    return uri === undefined ? {} : { uri };
  },
  serialize: (reply) => (reply.uri === undefined ? '' : xmlElement('uib', [['uri', reply.uri]])),
};
