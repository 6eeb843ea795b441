/**
 * Links inside message text (LYNC.md §2.7: files appear as `ma-filelink:` links; chat room links
 * point at other rooms with `ma-chan://`). The exact `ma-filelink:` syntax is unknown (XCCOS.md §4),
 * so a link runs from its scheme to the next whitespace or `<>"`, without trailing punctuation.
 */
export type MessageLinkKind = 'room' | 'file';

export interface MessageLink {
  readonly kind: MessageLinkKind;
  readonly uri: string;
}

const TRAILING_PUNCTUATION_RE = /[.,;:!?)\]']+$/;
const LINK_RE = /\b(ma-chan:\/\/|ma-filelink:)[^\s<>"]+/gi;

export function findMessageLinks(text: string): MessageLink[] {
  return Array.from(text.matchAll(LINK_RE), (match) => ({
    kind: match[1]?.toLowerCase() === 'ma-chan://' ? 'room' : 'file',
    uri: match[0].replace(TRAILING_PUNCTUATION_RE, ''),
  }));
}
