/** `cmd:getpref` → `rpl:getpref` (XCCOS.md §6.10): read a preference blob; see blocks/pref.ts. */
import { XccosPayloadError, requireChild } from '../blocks/payload.js';
import type { PayloadCodec } from '../blocks/payload-codec.js';
import { PREF_REPLY_CODEC, parsePref, serializePref, type Pref } from '../blocks/pref.js';

export interface GetprefCommandPayload {
  /** The caller's `seqid`: data is returned only if the server's revision differs. */
  readonly pref: Pref;
}

export const GETPREF_COMMAND_CODEC: PayloadCodec<GetprefCommandPayload> = {
  parse: (data) => {
    const pref = parsePref(requireChild(data, 'pref'));
    if (pref.content !== undefined) throw new XccosPayloadError('cmd:getpref carries no content');
    return { pref };
  },
  serialize: (cmd) => serializePref(cmd.pref),
};

export type GetprefReplyData = { readonly pref?: Pref };
export const GETPREF_REPLY_CODEC: PayloadCodec<GetprefReplyData> = PREF_REPLY_CODEC;
