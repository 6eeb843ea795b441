/**
 * `cmd:getassociations` (XCCOS.md §6.3, name unconfirmed): no source shows its shape. The request is
 * kept raw for logging. Parlance's reply carries the rooms where the user is a member or manager as
 * `chanib` listings (the `rpl:chansrch` form); XCCOS.md advises an empty `<data/>` until a capture
 * shows the real form, so the service may send `rooms: []` [inferred].
 */
import { RAW_PAYLOAD_CODEC, type RawPayload } from '../blocks/raw-payload.js';
import type { PayloadCodec } from '../blocks/payload-codec.js';
import { ROOM_LISTING_CODEC, type RoomListing } from '../blocks/room-listing.js';

export type GetassociationsCommandPayload = RawPayload;
export const GETASSOCIATIONS_COMMAND_CODEC: PayloadCodec<GetassociationsCommandPayload> = RAW_PAYLOAD_CODEC;

export interface GetassociationsReplyData {
  readonly rooms: readonly RoomListing[];
}

export const GETASSOCIATIONS_REPLY_CODEC: PayloadCodec<GetassociationsReplyData> = ROOM_LISTING_CODEC;
