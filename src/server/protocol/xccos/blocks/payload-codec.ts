/** Reads and writes the children of one `<data>` element (commands, replies, notices). */
import type { XmlElement } from '../xml/xml-tree.js';

export interface PayloadCodec<T> {
  /** Throws XccosPayloadError on a missing or malformed part. */
  readonly parse: (data: XmlElement) => T;
  /** The inner markup of `<data>`; '' writes `<data/>`. */
  readonly serialize: (value: T) => string;
}

/** The empty payload of `cmd:requri`, `cmd:nodespermcreatechild` and similar. */
export type EmptyPayload = Record<never, never>;

export const EMPTY_PAYLOAD_CODEC: PayloadCodec<EmptyPayload> = {
  parse: () => ({}),
  serialize: () => '',
};
