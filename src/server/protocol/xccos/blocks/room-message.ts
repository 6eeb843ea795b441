/**
 * A room message: the `grpchat` element (post and delivery, XCCOS.md §3.5, §6.12) and the `msg`
 * element of `rpl:bccontext` (§6.7), which SIPE reads exactly like a live `grpchat`.
 *
 * Known on the wire [observed]: `id="grpchat"`, `seqid`, `chanUri`, `author`, `ts`, `<chat>`.
 * Parlance extensions [inferred; the Lync 2013 forms are unknown, §11.1], ignored by SIPE:
 * - `alert="true"`: a high-importance post (SDK `IsAlert`);
 * - `<story title="…">{body}</story>`: a story; `<chat>` then holds the title as plain text so that
 *   clients without story support still show something;
 * - `msgid="{n}"`: the server's per-room message number, on delivery and history.
 * Any other attribute or child is kept and passed on unchanged (§6.12).
 */
import { childElement, type XmlElement } from '../xml/xml-tree.js';
import {
  escapeXmlText,
  serializeXmlElement,
  xmlElement,
  xmlTextElement,
  type XmlAttributeList,
} from '../xml/xml-write.js';
import { XccosPayloadError, optionalAttribute, parseBoolean, requireAttribute } from './payload.js';
import { isXccosTimestamp } from './timestamp.js';

export interface RoomStory {
  readonly title: string;
  readonly body: string;
}

export interface RoomMessage {
  /** Room URI, `ma-chan://…`. */
  readonly chanUri: string;
  /** Author SIP URI. */
  readonly author: string;
  /** Timestamp as written (client: whole seconds; server: 7 fractional digits). */
  readonly ts: string;
  /** Plain text of `<chat>` (entities decoded; line ends normalised to LF). */
  readonly text: string;
  readonly alert?: boolean;
  readonly story?: RoomStory;
  /** Per-room message number (decimal string; bigint in the store). */
  readonly messageId?: string;
  /** Unknown attributes, in order, passed on unchanged. */
  readonly extraAttributes?: Readonly<Record<string, string>>;
  /** Unknown child elements, re-serialized, passed on unchanged. */
  readonly extraElements?: readonly string[];
}

const KNOWN_ATTRIBUTES = new Set(['id', 'seqid', 'chanUri', 'author', 'ts', 'alert', 'msgid']);
const KNOWN_CHILDREN = new Set(['chat', 'story']);

export function parseRoomMessage(element: XmlElement): RoomMessage {
  const ts = requireAttribute(element, 'ts');
  // XCCOS.md §6.12: `ts` is required; a real server refused a post without it.
  if (!isXccosTimestamp(ts)) throw new XccosPayloadError(`<${element.name}> ts is not an ISO 8601 time`);
  const chat = childElement(element, 'chat');
  if (chat === undefined) throw new XccosPayloadError(`<${element.name}> needs a <chat> child`);
  const alertText = optionalAttribute(element, 'alert');
  const storyElement = childElement(element, 'story');
  const messageId = optionalAttribute(element, 'msgid');
  const extraAttributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(element.attributes)) {
    if (!KNOWN_ATTRIBUTES.has(name) && !name.startsWith('xmlns')) extraAttributes[name] = value;
  }
  const extraElements = element.children.filter((c) => !KNOWN_CHILDREN.has(c.name)).map(serializeXmlElement);
  const message: RoomMessage = {
    chanUri: requireAttribute(element, 'chanUri'),
    author: requireAttribute(element, 'author'),
    ts,
    text: chat.text,
    ...(alertText !== undefined && { alert: parseBoolean(alertText, `${element.name}/@alert`) }),
    ...(storyElement !== undefined && {
      story: { title: requireAttribute(storyElement, 'title'), body: storyElement.text },
    }),
    ...(messageId !== undefined && { messageId }),
    ...(Object.keys(extraAttributes).length > 0 && { extraAttributes }),
    ...(extraElements.length > 0 && { extraElements }),
  };
  return message;
}

/**
 * `leading` are the element's own first attributes: `id="grpchat" seqid="1"` for a `grpchat`,
 * `id="grpchat"` for a history `msg`.
 */
export function serializeRoomMessage(
  elementName: 'grpchat' | 'msg',
  leading: XmlAttributeList,
  message: RoomMessage,
): string {
  const attributes: XmlAttributeList = [
    ...leading,
    ['chanUri', message.chanUri],
    ['author', message.author],
    ['ts', message.ts],
    ['msgid', message.messageId],
    ['alert', message.alert === undefined ? undefined : String(message.alert)],
    ...Object.entries(message.extraAttributes ?? {}),
  ];
  // No whitespace inside <chat>: it would become part of the message (XCCOS.md §3.7).
  const content =
    xmlTextElement('chat', [], message.text) +
    (message.story === undefined
      ? ''
      : xmlElement('story', [['title', message.story.title]], escapeXmlText(message.story.body))) +
    (message.extraElements ?? []).join('');
  return xmlElement(elementName, attributes, content);
}
