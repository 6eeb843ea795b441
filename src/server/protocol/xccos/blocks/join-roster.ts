/**
 * The payload of `rpl:join` and `rpl:bjoin` (XCCOS.md §6.4, §6.5): a `uib` roster with ids local to
 * this reply, then one `chanib` per joined room whose `aib` lists reference the `uib` ids, or a
 * `fib` for a room that could not be joined (resp stays 200).
 *
 * How SIPE reads it [observed]: users reach the roster only through `aib` lists; `aib key="12276"`
 * marks channel operators (managers), `3984` ordinary participants.
 */
import { childElements, type XmlElement } from '../xml/xml-tree.js';
import { xmlElement } from '../xml/xml-write.js';
import { optionalAttribute, requireAttribute } from './payload.js';
import type { PayloadCodec } from './payload-codec.js';

/** The only `aib` keys ever seen (XCCOS.md §7); emit exactly these. */
export const AIB_KEY_PARTICIPANT = '3984';
export const AIB_KEY_MANAGER = '12276';
export const FIB_KEY_OPERATION_FAILED = 'OPERATION_FAILED';

export interface RosterUser {
  /** Small integer local to this reply, as a string. */
  readonly id: string;
  readonly uri: string;
  readonly name?: string;
}

export interface RosterGroup {
  /** Role mask: AIB_KEY_PARTICIPANT or AIB_KEY_MANAGER. */
  readonly key: string;
  readonly userIds: readonly string[];
}

export interface JoinedRoom {
  readonly kind: 'joined';
  readonly uri: string;
  readonly name?: string;
  readonly topic?: string;
  readonly description?: string;
  readonly groups: readonly RosterGroup[];
}

export interface FailedRoom {
  readonly kind: 'failed';
  readonly key: string;
  readonly domain: string;
  /** The room id (the path part of its URI). */
  readonly value: string;
}

export interface JoinReplyData {
  readonly users: readonly RosterUser[];
  /** Joined and failed rooms in request order. */
  readonly rooms: readonly (JoinedRoom | FailedRoom)[];
}

function parseRoom(element: XmlElement): JoinedRoom | FailedRoom {
  if (element.name === 'fib') {
    return {
      kind: 'failed',
      key: requireAttribute(element, 'key'),
      domain: requireAttribute(element, 'domain'),
      value: requireAttribute(element, 'value'),
    };
  }
  const name = optionalAttribute(element, 'name');
  const topic = optionalAttribute(element, 'topic');
  const description = optionalAttribute(element, 'description');
  return {
    kind: 'joined',
    uri: requireAttribute(element, 'uri'),
    ...(name !== undefined && { name }),
    ...(topic !== undefined && { topic }),
    ...(description !== undefined && { description }),
    groups: childElements(element, 'aib').map((aib) => {
      const value = requireAttribute(aib, 'value');
      return { key: requireAttribute(aib, 'key'), userIds: value === '' ? [] : value.split(',') };
    }),
  };
}

export const JOIN_REPLY_CODEC: PayloadCodec<JoinReplyData> = {
  parse: (data) => ({
    users: childElements(data, 'uib').map((uib) => {
      const name = optionalAttribute(uib, 'name');
      return {
        id: requireAttribute(uib, 'id'),
        uri: requireAttribute(uib, 'uri'),
        ...(name !== undefined && { name }),
      };
    }),
    rooms: data.children.filter((c) => c.name === 'chanib' || c.name === 'fib').map(parseRoom),
  }),
  serialize: (reply) =>
    reply.users
      .map((user) =>
        xmlElement('uib', [
          ['id', user.id],
          ['uri', user.uri],
          ['name', user.name],
        ]),
      )
      .join('') +
    reply.rooms
      .map((room) =>
        room.kind === 'failed'
          ? xmlElement('fib', [
              ['key', room.key],
              ['value', room.value],
              ['domain', room.domain],
            ])
          : xmlElement(
              'chanib',
              [
                ['uri', room.uri],
                ['name', room.name],
                ['description', room.description],
                ['topic', room.topic],
              ],
              room.groups
                .map((group) =>
                  xmlElement('aib', [
                    ['key', group.key],
                    ['value', group.userIds.join(',')],
                  ]),
                )
                .join(''),
            ),
      )
      .join(''),
};
