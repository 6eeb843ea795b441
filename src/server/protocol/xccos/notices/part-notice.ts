/**
 * `ntc:part` (XCCOS.md §6.6): users left rooms (their last endpoint parted or died). One
 * `chanib uri` per room holding one `uib uri` per user; several of each are allowed.
 */
import { requireAttribute } from '../blocks/payload.js';
import type { PayloadCodec } from '../blocks/payload-codec.js';
import { childElements } from '../xml/xml-tree.js';
import { xmlElement } from '../xml/xml-write.js';

export interface PartNoticeRoom {
  readonly roomUri: string;
  readonly userUris: readonly string[];
}

export interface PartNoticeData {
  readonly rooms: readonly PartNoticeRoom[];
}

export const PART_NOTICE_CODEC: PayloadCodec<PartNoticeData> = {
  parse: (data) => ({
    rooms: childElements(data, 'chanib').map((chanib) => ({
      roomUri: requireAttribute(chanib, 'uri'),
      userUris: childElements(chanib, 'uib').map((uib) => requireAttribute(uib, 'uri')),
    })),
  }),
  serialize: ({ rooms }) =>
    rooms
      .map((room) =>
        xmlElement(
          'chanib',
          [['uri', room.roomUri]],
          room.userUris.map((uri) => xmlElement('uib', [['uri', uri]])).join(''),
        ),
      )
      .join(''),
};
