/**
 * A room in a room list (`rpl:chansrch`, XCCOS.md §6.8): `chanib name description uri` with `info`
 * and `prop` children. Ids are exact, **including the typo in `visibilty`** (§5). SIPE marks a room
 * private when visibility is `private`; the other values (`scoped`, `open`) are Parlance's reading
 * of `tblNode.visibility` (§7) [inferred].
 */
import { childElements, type XmlElement } from '../xml/xml-tree.js';
import { xmlElement, xmlTextElement } from '../xml/xml-write.js';
import { booleanText, optionalAttribute, parseBoolean, parseBoundedInteger, requireAttribute } from './payload.js';
import type { PayloadCodec } from './payload-codec.js';

export const INFO_USER_COUNT = 'urn:parlano:ma:info:ucnt';
export const INFO_VISIBILITY = 'urn:parlano:ma:info:visibilty';
export const PROP_FILE_POST = 'urn:parlano:ma:prop:filepost';
export const PROP_INVITE = 'urn:parlano:ma:prop:invite';
export const PROP_LOGGED = 'urn:parlano:ma:prop:logged';

/** Secret ↔ `private`, Closed ↔ `scoped`, Open ↔ `open` (XCCOS.md §7) [inferred]. */
export type WireVisibility = 'private' | 'scoped' | 'open';

export interface RoomListing {
  readonly uri: string;
  readonly name: string;
  readonly description?: string;
  /** Users currently in the room. */
  readonly userCount?: number;
  /** As written; SIPE only recognises `private`. */
  readonly visibility?: string;
  readonly filePost?: boolean;
  readonly invite?: boolean;
  readonly logged?: boolean;
}

const PROPS: ReadonlyArray<readonly [id: string, field: 'filePost' | 'invite' | 'logged']> = [
  [PROP_FILE_POST, 'filePost'],
  [PROP_INVITE, 'invite'],
  [PROP_LOGGED, 'logged'],
];

function parseListing(chanib: XmlElement): RoomListing {
  const listing: { -readonly [K in keyof RoomListing]: RoomListing[K] } = {
    uri: requireAttribute(chanib, 'uri'),
    name: requireAttribute(chanib, 'name'),
  };
  const description = optionalAttribute(chanib, 'description');
  if (description !== undefined) listing.description = description;
  for (const info of childElements(chanib, 'info')) {
    const id = optionalAttribute(info, 'id')?.toLowerCase();
    if (id === INFO_USER_COUNT) listing.userCount = parseBoundedInteger(info.text, 'ucnt', 0, 2 ** 31 - 1);
    else if (id === INFO_VISIBILITY) listing.visibility = info.text.trim();
  }
  for (const prop of childElements(chanib, 'prop')) {
    const id = optionalAttribute(prop, 'id')?.toLowerCase();
    const entry = PROPS.find(([propId]) => propId === id);
    if (entry !== undefined) listing[entry[1]] = parseBoolean(prop.text, entry[0]);
  }
  return listing;
}

export function serializeRoomListing(room: RoomListing): string {
  let content = '';
  if (room.userCount !== undefined)
    content += xmlTextElement('info', [['id', INFO_USER_COUNT]], String(room.userCount));
  if (room.visibility !== undefined) content += xmlTextElement('info', [['id', INFO_VISIBILITY]], room.visibility);
  for (const [id, field] of PROPS) {
    const value = room[field];
    if (value !== undefined) content += xmlTextElement('prop', [['id', id]], booleanText(value));
  }
  return xmlElement(
    'chanib',
    [
      ['name', room.name],
      ['description', room.description],
      ['uri', room.uri],
    ],
    content,
  );
}

/** `{ rooms }` ↔ any number of `chanib` (put all results in one reply: SIPE reads only one). */
export const ROOM_LISTING_CODEC: PayloadCodec<{ readonly rooms: readonly RoomListing[] }> = {
  parse: (data) => ({ rooms: childElements(data, 'chanib').map(parseListing) }),
  serialize: ({ rooms }) => rooms.map(serializeRoomListing).join(''),
};
