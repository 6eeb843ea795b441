/**
 * Untrusted XML text → a small element tree, or a coded failure. Pure; never throws.
 *
 * Defences, in order (XCCOS.md §9 item 2; STYLE.md practice 1):
 * 1. size in UTF-8 bytes, before anything else;
 * 2. any `<!DOCTYPE` or `<!ENTITY` (case-insensitive, anywhere) is refused, so there is no DTD,
 *    no external entity and no expansion ("billion laughs");
 * 3. characters XML 1.0 forbids are refused;
 * 4. well-formedness via fast-xml-parser's validator, then a parse with entity processing OFF,
 *    number parsing OFF (envids are 64-bit: XCCOS.md §2.10), values untrimmed;
 * 5. depth, element and attribute counts bounded; references decoded by hand (xml-entities.ts).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeReferences, findForbiddenChar } from './xml-entities.js';

export interface XmlElement {
  readonly name: string;
  /** Attributes in document order (null-prototype record; names as written, prefixes kept). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Concatenated, decoded character data of this element (CDATA included), untrimmed. */
  readonly text: string;
}

export interface XmlLimits {
  /** Largest accepted document, in UTF-8 bytes. */
  readonly maxBytes: number;
  /** Deepest element nesting (the root is depth 1). */
  readonly maxDepth: number;
  readonly maxElements: number;
  readonly maxAttributesPerElement: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxBytes: 256 * 1024,
  maxDepth: 16,
  maxElements: 20_000,
  maxAttributesPerElement: 32,
};

export type XmlFailureReason = 'too-large' | 'doctype' | 'not-xml' | 'too-deep' | 'too-many-nodes';

export interface XmlFailure {
  readonly kind: 'xml-failure';
  readonly reason: XmlFailureReason;
  readonly detail: string;
}

const DTD_RE = /<!\s*(doctype|entity)/i;
const TEXT = '#text';
const CDATA = '#cdata';
const ATTRS = ':@';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: false,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: CDATA,
  commentPropName: false,
  removeNSPrefix: false,
  // The real bound is checked below; this one only stops a runaway document early.
  maxNestedTags: 64,
});

/** UTF-8 length without allocating (surrogate pairs count 4, lone surrogates 3 like U+FFFD). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function failure(reason: XmlFailureReason, detail: string): XmlFailure {
  return { kind: 'xml-failure', reason, detail };
}

type OrderedNode = Record<string, unknown>;

interface BuildState {
  elements: number;
  readonly limits: XmlLimits;
}

class TreeError extends Error {
  constructor(readonly failure: XmlFailure) {
    super(failure.detail);
  }
}

function buildElement(node: OrderedNode, depth: number, state: BuildState): XmlElement {
  if (depth > state.limits.maxDepth) {
    throw new TreeError(failure('too-deep', `elements nested deeper than ${state.limits.maxDepth}`));
  }
  if (++state.elements > state.limits.maxElements) {
    throw new TreeError(failure('too-many-nodes', `more than ${state.limits.maxElements} elements`));
  }
  const name = Object.keys(node).find((key) => key !== ATTRS);
  if (name === undefined) throw new TreeError(failure('not-xml', 'element without a name'));
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  const rawAttributes = (node[ATTRS] ?? {}) as Record<string, unknown>;
  const attributeNames = Object.keys(rawAttributes);
  if (attributeNames.length > state.limits.maxAttributesPerElement) {
    throw new TreeError(
      failure('too-many-nodes', `<${name}> has more than ${state.limits.maxAttributesPerElement} attributes`),
    );
  }
  for (const attributeName of attributeNames) {
    const decoded = decodeReferences(String(rawAttributes[attributeName]));
    if (decoded === undefined) throw new TreeError(failure('not-xml', `bad reference in attribute ${attributeName}`));
    attributes[attributeName] = decoded;
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[name] ?? []) as OrderedNode[]) {
    if (TEXT in child) {
      const decoded = decodeReferences(String(child[TEXT]));
      if (decoded === undefined) throw new TreeError(failure('not-xml', `bad reference in <${name}>`));
      text += decoded;
    } else if (CDATA in child) {
      for (const part of (child[CDATA] ?? []) as OrderedNode[]) text += String(part[TEXT] ?? '');
    } else {
      children.push(buildElement(child, depth + 1, state));
    }
  }
  return { name, attributes, children, text };
}

/** Parses one XML document with exactly one root element. */
export function parseXmlTree(xml: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement | XmlFailure {
  if (xml.length > limits.maxBytes || utf8ByteLength(xml) > limits.maxBytes) {
    return failure('too-large', `body larger than ${limits.maxBytes} bytes`);
  }
  if (DTD_RE.test(xml)) return failure('doctype', 'DOCTYPE and ENTITY declarations are not allowed');
  const forbidden = findForbiddenChar(xml);
  if (forbidden >= 0) return failure('not-xml', `forbidden character at offset ${forbidden}`);
  try {
    const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
    if (valid !== true) return failure('not-xml', `${valid.err.msg} (line ${valid.err.line}, col ${valid.err.col})`);
    const top = (parser.parse(xml) as OrderedNode[]).filter((node) => !(TEXT in node));
    if (top.length !== 1 || top[0] === undefined) return failure('not-xml', 'a document has exactly one root element');
    return buildElement(top[0], 1, { elements: 0, limits });
  } catch (error) {
    if (error instanceof TreeError) return error.failure;
    // fast-xml-parser throws on its own nesting bound and on input its validator let through.
    const message = error instanceof Error ? error.message : String(error);
    return failure(/nested/i.test(message) ? 'too-deep' : 'not-xml', message);
  }
}

export function isXmlFailure(value: XmlElement | XmlFailure): value is XmlFailure {
  return 'kind' in value && value.kind === 'xml-failure';
}

/** First child element with this name. */
export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** Own attribute value (never an inherited property such as `constructor`). */
export function attribute(element: XmlElement, name: string): string | undefined {
  return Object.hasOwn(element.attributes, name) ? element.attributes[name] : undefined;
}
