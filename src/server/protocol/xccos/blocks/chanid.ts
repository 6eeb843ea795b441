/** `<chanid key domain value/>` (XCCOS.md §5): one room in `cmd:join` / `cmd:bjoin`. */
import type { XmlElement } from '../xml/xml-tree.js';
import { xmlElement } from '../xml/xml-write.js';
import { requireAttribute, requireIntegerAttribute } from './payload.js';
import { roomUri, type RoomAddress } from './room-uri.js';

export interface ChanId extends RoomAddress {
  /** 0-based index within the request. */
  readonly key: number;
}

export function parseChanId(element: XmlElement): ChanId {
  return {
    key: requireIntegerAttribute(element, 'key', 0, 1_000_000),
    domain: requireAttribute(element, 'domain'),
    value: requireAttribute(element, 'value'),
  };
}

export function serializeChanId(chanId: ChanId): string {
  return xmlElement('chanid', [
    ['key', String(chanId.key)],
    ['domain', chanId.domain],
    ['value', chanId.value],
  ]);
}

/** The `ma-chan://` URI the client means. */
export function chanIdUri(chanId: ChanId): string {
  return roomUri(chanId);
}
