/**
 * Room URIs `ma-chan://{domain}/{room id}` (XCCOS.md §4). SIPE builds a `chanid` by splitting the
 * URI on `/` into at most four parts: `domain` is the host, `value` everything after the third
 * `/` (it may itself contain `/`).
 */
export const ROOM_URI_SCHEME = 'ma-chan://';
export const CATEGORY_URI_SCHEME = 'ma-cat://';

export interface RoomAddress {
  readonly domain: string;
  readonly value: string;
}

export function parseRoomUri(uri: string): RoomAddress | undefined {
  if (!uri.toLowerCase().startsWith(ROOM_URI_SCHEME)) return undefined;
  const rest = uri.slice(ROOM_URI_SCHEME.length);
  const slash = rest.indexOf('/');
  if (slash <= 0 || slash === rest.length - 1) return undefined;
  return { domain: rest.slice(0, slash), value: rest.slice(slash + 1) };
}

export function roomUri(address: RoomAddress): string {
  return `${ROOM_URI_SCHEME}${address.domain}/${address.value}`;
}
