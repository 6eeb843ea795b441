/**
 * `<pref label seqid createdefault content/>` (XCCOS.md §5, §6.10): a per-user preference blob.
 * `seqid` only ever rises with each revision; `content` is base64. Replies are unknown on the wire;
 * Parlance answers with the stored `pref` (current `seqid` and `content`) [inferred].
 */
import { childElement, type XmlElement } from '../xml/xml-tree.js';
import { xmlElement } from '../xml/xml-write.js';
import { XccosPayloadError, optionalAttribute, optionalBooleanAttribute, requireAttribute } from './payload.js';
import type { PayloadCodec } from './payload-codec.js';

export interface Pref {
  readonly label: string;
  /** Revision number, decimal string. */
  readonly seqid: string;
  readonly createDefault?: boolean;
  /** Base64 data. */
  readonly content?: string;
}

const BASE64_RE = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

export function parsePref(element: XmlElement): Pref {
  const seqid = requireAttribute(element, 'seqid');
  if (!/^[0-9]{1,20}$/.test(seqid)) throw new XccosPayloadError('pref/@seqid is not a decimal number');
  const content = optionalAttribute(element, 'content');
  if (content !== undefined && !BASE64_RE.test(content)) throw new XccosPayloadError('pref/@content is not base64');
  const createDefault = optionalBooleanAttribute(element, 'createdefault');
  return {
    label: requireAttribute(element, 'label'),
    seqid,
    ...(createDefault !== undefined && { createDefault }),
    ...(content !== undefined && { content }),
  };
}

export function serializePref(pref: Pref): string {
  return xmlElement('pref', [
    ['label', pref.label],
    ['seqid', pref.seqid],
    ['createdefault', pref.createDefault === undefined ? undefined : String(pref.createDefault)],
    ['content', pref.content],
  ]);
}

/** Replies: `{ pref? }` ↔ zero or one `pref`. */
export const PREF_REPLY_CODEC: PayloadCodec<{ readonly pref?: Pref }> = {
  parse: (data) => {
    const pref = childElement(data, 'pref');
    return pref === undefined ? {} : { pref: parsePref(pref) };
  },
  serialize: ({ pref }) => (pref === undefined ? '' : serializePref(pref)),
};
