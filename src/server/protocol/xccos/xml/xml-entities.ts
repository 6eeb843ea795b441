/**
 * Character references and the five predefined entities (XML 1.0 §4.1, §4.6), decoded by hand:
 * the parser runs with entity processing off (no DOCTYPE, no expansion, XCCOS.md §9 item 2), so
 * nothing here can grow the input. Any other `&name;` is undeclared and therefore not well-formed.
 */
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const REFERENCE_RE = /&([^;&\s]{0,12});?/g;

/** XML 1.0 §2.2 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. */
export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** Index of the first character that XML 1.0 forbids (control characters, lone surrogates), or -1. */
export function findForbiddenChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0xd800) continue;
    if (c === 0x9 || c === 0xa || c === 0xd) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return i;
    if (c === 0xfffe || c === 0xffff) return i;
    if (c >= 0xe000) continue;
    return i;
  }
  return -1;
}

/** Decodes references; returns `undefined` when one is undeclared, unterminated or not a Char. */
export function decodeReferences(raw: string): string | undefined {
  if (!raw.includes('&')) return raw;
  let bad = false;
  const out = raw.replace(REFERENCE_RE, (whole, name: string) => {
    if (!whole.endsWith(';')) {
      bad = true;
      return '';
    }
    if (name.startsWith('#')) {
      const hex = name[1] === 'x';
      const digits = name.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) {
        bad = true;
        return '';
      }
      const codePoint = Number.parseInt(digits, hex ? 16 : 10);
      if (!isXmlChar(codePoint)) {
        bad = true;
        return '';
      }
      return String.fromCodePoint(codePoint);
    }
    const value = PREDEFINED[name];
    if (value === undefined) bad = true;
    return value ?? '';
  });
  return bad ? undefined : out;
}
