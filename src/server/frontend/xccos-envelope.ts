/**
 * The little XCCOS the front end itself needs (XCCOS.md §3): recognise an envelope in an INFO
 * body, read a command's name, `seqid` and the envelope's `envid`, and write a reply. The full
 * codec lives in protocol/xccos (another work item); FIXME: switch to it once it exports an
 * envelope parser and reply serializer. Pure functions; DOCTYPE is refused (no entity expansion).
 */
import { XMLParser } from 'fast-xml-parser';

export const XCCOS_NS = 'urn:parlano:xml:ns:xccos';

export type XccosInbound =
  | { readonly kind: 'cmd'; readonly envid: string; readonly name: string; readonly seqid: string }
  | { readonly kind: 'grpchat'; readonly envid: string }
  | { readonly kind: 'other'; readonly envid: string; readonly root: string }
  | { readonly kind: 'invalid'; readonly reason: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  ignoreDeclaration: true,
  preserveOrder: true,
  trimValues: false,
});

const MAX_BODY = 256 * 1024;

/** Classify an INFO body. `invalid` means "not XCCOS at all" → SIP 400 (XCCOS.md §2.7). */
export function readXccosEnvelope(body: string): XccosInbound {
  if (body.length > MAX_BODY) return { kind: 'invalid', reason: 'too large' };
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) return { kind: 'invalid', reason: 'DOCTYPE is not allowed' };
  let doc: unknown;
  try {
    doc = parser.parse(body, true);
  } catch (e) {
    return { kind: 'invalid', reason: e instanceof Error ? e.message : 'not XML' };
  }
  const nodes = Array.isArray(doc) ? (doc as Array<Record<string, unknown>>) : [];
  const root = nodes.find((n) => Object.keys(n).some((k) => k !== ':@' && k !== '#text'));
  if (!root) return { kind: 'invalid', reason: 'no root element' };
  const rootName = Object.keys(root).find((k) => k !== ':@')!;
  const rootAttrs = (root[':@'] ?? {}) as Record<string, string>;
  if (localName(rootName) !== 'xccos') return { kind: 'invalid', reason: `root is <${rootName}>` };
  const envid = rootAttrs.envid ?? '';
  const children = (root[rootName] as Array<Record<string, unknown>>).filter((c) =>
    Object.keys(c).some((k) => k !== ':@' && k !== '#text'),
  );
  const first = children[0];
  if (!first) return { kind: 'other', envid, root: 'xccos' };
  const childName = localName(Object.keys(first).find((k) => k !== ':@')!);
  const attrs = (first[':@'] ?? {}) as Record<string, string>;
  if (childName === 'cmd') {
    const id = attrs.id ?? '';
    const name = id.startsWith('cmd:') ? id.slice(4) : id;
    return { kind: 'cmd', envid, name, seqid: attrs.seqid ?? '1' };
  }
  if (childName === 'grpchat') return { kind: 'grpchat', envid };
  return { kind: 'other', envid, root: childName };
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

export function escapeXmlAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface XccosReplySpec {
  /** The command name: `requri` → `rpl:requri`. */
  readonly name: string;
  readonly seqid: string;
  /** The command envelope's envid, copied into `commandid` (§2.10). */
  readonly commandEnvid: string;
  readonly code: number;
  readonly text: string;
  /** Inner XML of `<data>`; empty → `<data/>`. */
  readonly data?: string;
}

/** One `rpl` in its envelope, without indentation or an XML declaration (§2.6, §3.3). */
export function xccosReply(serverEnvid: string, reply: XccosReplySpec): string {
  const a = escapeXmlAttribute;
  const data = reply.data ? `<data>${reply.data}</data>` : '<data/>';
  return (
    `<xccos ver="1" envid="${a(serverEnvid)}" xmlns="${XCCOS_NS}">` +
    `<rpl id="rpl:${a(reply.name)}" seqid="${a(reply.seqid)}">` +
    `<commandid seqid="${a(reply.seqid)}" envid="${a(reply.commandEnvid)}"/>` +
    `<resp code="${reply.code}">${a(reply.text)}</resp>${data}</rpl></xccos>`
  );
}

/** Server envids: a unique, rising 64-bit counter written in decimal (XCCOS.md §9 item 4). */
export function createEnvidCounter(startAt: bigint): () => string {
  let next = startAt;
  return () => {
    next += 1n;
    return next.toString();
  };
}
