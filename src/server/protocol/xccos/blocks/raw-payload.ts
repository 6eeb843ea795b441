/**
 * Payloads whose wire form is unknown (`cmd:getassociations`, unknown commands, XCCOS.md §6.3,
 * §6.14): kept as re-serialized markup so the service can log the whole body.
 */
import type { XmlElement } from '../xml/xml-tree.js';
import { escapeXmlText, serializeXmlElement } from '../xml/xml-write.js';
import type { PayloadCodec } from './payload-codec.js';

export interface RawPayload {
  /** The inner markup of `<data>`, re-serialized ('' when empty). */
  readonly rawData: string;
}

export const RAW_PAYLOAD_CODEC: PayloadCodec<RawPayload> = {
  parse: (data: XmlElement) => ({
    rawData:
      (data.text.trim() === '' ? '' : escapeXmlText(data.text)) + data.children.map(serializeXmlElement).join(''),
  }),
  serialize: (payload) => payload.rawData,
};
