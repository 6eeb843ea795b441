/** `cmd:setpref` → `rpl:setpref` (XCCOS.md §6.10): store a preference blob; see blocks/pref.ts. */
import { XccosPayloadError, requireChild } from '../blocks/payload.js';
import type { PayloadCodec } from '../blocks/payload-codec.js';
import { PREF_REPLY_CODEC, parsePref, serializePref, type Pref } from '../blocks/pref.js';

export interface SetprefCommandPayload {
  readonly pref: Pref & { readonly content: string };
}

export const SETPREF_COMMAND_CODEC: PayloadCodec<SetprefCommandPayload> = {
  parse: (data) => {
    const pref = parsePref(requireChild(data, 'pref'));
    if (pref.content === undefined) throw new XccosPayloadError('cmd:setpref needs pref/@content');
    return { pref: { ...pref, content: pref.content } };
  },
  serialize: (cmd) => serializePref(cmd.pref),
};

export type SetprefReplyData = { readonly pref?: Pref };
export const SETPREF_REPLY_CODEC: PayloadCodec<SetprefReplyData> = PREF_REPLY_CODEC;
