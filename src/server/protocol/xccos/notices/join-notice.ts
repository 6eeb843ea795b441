/**
 * `ntc:join` and `ntc:bjoin` (XCCOS.md §6.4, §6.5): a user's first endpoint joined one or several
 * rooms. One `uib uri` per user, one `aib key domain value` per room inside it, where `value` is the
 * room id (path) and `key` the role mask (`12276` = manager/chanop, `3984` = participant). SIPE
 * rebuilds the room URI as `ma-chan://{domain}/{value}` and ignores rooms it has not joined.
 */
import { optionalAttribute, requireAttribute } from '../blocks/payload.js';
import type { PayloadCodec } from '../blocks/payload-codec.js';
import type { RoomAddress } from '../blocks/room-uri.js';
import { childElements } from '../xml/xml-tree.js';
import { xmlElement } from '../xml/xml-write.js';

export interface JoinNoticeRoom extends RoomAddress {
  readonly key: string;
}

export interface JoinNoticeUser {
  readonly uri: string;
  readonly name?: string;
  readonly rooms: readonly JoinNoticeRoom[];
}

export interface JoinNoticeData {
  readonly users: readonly JoinNoticeUser[];
}

export const JOIN_NOTICE_CODEC: PayloadCodec<JoinNoticeData> = {
  parse: (data) => ({
    users: childElements(data, 'uib').map((uib) => {
      const name = optionalAttribute(uib, 'name');
      return {
        uri: requireAttribute(uib, 'uri'),
        ...(name !== undefined && { name }),
        rooms: childElements(uib, 'aib').map((aib) => ({
          key: requireAttribute(aib, 'key'),
          domain: requireAttribute(aib, 'domain'),
          value: requireAttribute(aib, 'value'),
        })),
      };
    }),
  }),
  serialize: ({ users }) =>
    users
      .map((user) =>
        xmlElement(
          'uib',
          [
            ['uri', user.uri],
            ['name', user.name],
          ],
          user.rooms
            .map((room) =>
              xmlElement('aib', [
                ['key', room.key],
                ['domain', room.domain],
                ['value', room.value],
              ]),
            )
            .join(''),
        ),
      )
      .join(''),
};
