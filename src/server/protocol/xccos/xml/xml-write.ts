/**
 * Writing XCCOS XML (XCCOS.md §3.7): UTF-8 text, `&`, `<`, `>` and `"` escaped in attribute values
 * and text, no indentation. Characters XML 1.0 forbids are replaced with U+FFFD, because one bad
 * character makes the receiving client's libxml2 drop the whole document.
 */
import { findForbiddenChar } from './xml-entities.js';

function scrub(value: string): string {
  if (findForbiddenChar(value) < 0) return value;
  let out = '';
  for (const ch of value) out += findForbiddenChar(ch) < 0 ? ch : '\uFFFD';
  return out;
}

/** Text content. CR is written as `&#13;` so that it survives end-of-line normalisation (XML §2.11). */
export function escapeXmlText(value: string): string {
  return scrub(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

/** Attribute value. Tab, LF and CR as references, so attribute normalisation (XML §3.3.3) keeps them. */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** Attribute list in the given order; `undefined` values are left out. */
export type XmlAttributeList = ReadonlyArray<readonly [name: string, value: string | undefined]>;

/**
 * One element. `content` is already-serialized child markup (or escaped text); an empty content is
 * written as a self-closing tag, e.g. `<data/>` (XCCOS.md §3.2).
 */
export function xmlElement(name: string, attributes: XmlAttributeList, content = ''): string {
  let open = '<' + name;
  for (const [attrName, value] of attributes) {
    if (value !== undefined) open += ` ${attrName}="${escapeXmlAttribute(value)}"`;
  }
  return content === '' ? open + '/>' : `${open}>${content}</${name}>`;
}

/** An element whose whole content is text; empty text still gets an open/close pair. */
export function xmlTextElement(name: string, attributes: XmlAttributeList, text: string): string {
  const element = xmlElement(name, attributes, escapeXmlText(text));
  return text === '' ? element.replace(/\/>$/, `></${name}>`) : element;
}

/** Re-serializes a parsed element (used to pass unknown `grpchat` children on unchanged, §6.12). */
export function serializeXmlElement(element: {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly { readonly name: string }[];
  readonly text: string;
}): string {
  const children = (element.children as Parameters<typeof serializeXmlElement>[0][]).map(serializeXmlElement).join('');
  return xmlElement(element.name, Object.entries(element.attributes), escapeXmlText(element.text) + children);
}
