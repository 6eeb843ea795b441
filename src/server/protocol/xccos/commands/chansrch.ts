/**
 * `cmd:chansrch` → `rpl:chansrch` (XCCOS.md §6.8): room search and room list. Request
 * `<qib qtype="BYNAME" criteria extended/>` (empty criteria = all); only `BYNAME` is known. The
 * reply holds every result in one `rpl` (SIPE closes its list after one), capped at searchLimit.
 */
import { optionalBooleanAttribute, requireAttribute, requireChild } from '../blocks/payload.js';
import type { PayloadCodec } from '../blocks/payload-codec.js';
import { ROOM_LISTING_CODEC, type RoomListing } from '../blocks/room-listing.js';
import { optionalAttribute } from '../blocks/payload.js';
import { xmlElement } from '../xml/xml-write.js';

export const QTYPE_BY_NAME = 'BYNAME';

export interface ChansrchCommandPayload {
  readonly qtype: string;
  /** Search text; '' lists every room the user may see. */
  readonly criteria: string;
  /** Meaning unknown; the SDK's "search the description too" is a candidate (§6.8). */
  readonly extended: boolean;
}

export const CHANSRCH_COMMAND_CODEC: PayloadCodec<ChansrchCommandPayload> = {
  parse: (data) => {
    const qib = requireChild(data, 'qib');
    return {
      qtype: requireAttribute(qib, 'qtype'),
      criteria: optionalAttribute(qib, 'criteria') ?? '',
      extended: optionalBooleanAttribute(qib, 'extended') ?? false,
    };
  },
  serialize: (cmd) =>
    xmlElement('qib', [
      ['qtype', cmd.qtype],
      ['criteria', cmd.criteria],
      ['extended', String(cmd.extended)],
    ]),
};

export interface ChansrchReplyData {
  readonly rooms: readonly RoomListing[];
}

export const CHANSRCH_REPLY_CODEC: PayloadCodec<ChansrchReplyData> = ROOM_LISTING_CODEC;
