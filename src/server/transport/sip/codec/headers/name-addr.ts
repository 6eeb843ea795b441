/**
 * `From`, `To`, `Contact`, `Route`, `Record-Route` values (RFC 3261 §20.10, §25.1 `name-addr` /
 * `addr-spec`): `["display" ]<uri>;params` or `uri;params`. In the bare `addr-spec` form the
 * parameters after the URI belong to the header, not the URI (§20.10).
 */
import { parseSipUri, type SipUri } from '../sip-uri.js';
import { parseParams, unquote } from './split-header-list.js';

export interface NameAddr {
  readonly displayName: string | undefined;
  readonly uri: SipUri;
  readonly params: ReadonlyMap<string, string | null>;
  readonly tag: string | undefined;
}

export function parseNameAddr(value: string): NameAddr | undefined {
  const text = value.trim();
  let displayName: string | undefined;
  let uriText: string;
  let rest: string;
  const lt = angleStart(text);
  if (lt >= 0) {
    const gt = text.indexOf('>', lt);
    if (gt < 0) return undefined;
    const display = text.slice(0, lt).trim();
    if (display.startsWith('"')) {
      if (!/^"(?:[^"\\]|\\.)*"$/s.test(display)) return undefined;
      displayName = unquote(display);
    } else if (display.length > 0) {
      displayName = display.replace(/\s+/g, ' ');
    }
    uriText = text.slice(lt + 1, gt);
    rest = text.slice(gt + 1);
  } else {
    if (text.startsWith('*')) return undefined;
    const semi = text.indexOf(';');
    uriText = semi < 0 ? text : text.slice(0, semi);
    rest = semi < 0 ? '' : text.slice(semi);
    // RFC 3261 §20.10: an addr-spec with `,`, `?` or `;` must use the name-addr form.
    if (/[?,]/.test(uriText)) return undefined;
  }
  const uri = parseSipUri(uriText);
  if (!uri) return undefined;
  const params = parseParams(rest);
  if (!params) return undefined;
  return { displayName, uri, params, tag: params.get('tag') ?? undefined };
}

/** Index of the `<` that opens the URI, skipping a quoted display name. */
function angleStart(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === '<') return i;
  }
  return -1;
}

/** `value;tag=…` unless a tag is already present. */
export function withTag(value: string, tag: string): string {
  const parsed = parseNameAddr(value);
  if (parsed?.tag !== undefined) return value;
  return `${value};tag=${tag}`;
}

export function formatNameAddr(
  uri: string,
  params: Record<string, string | undefined> = {},
  displayName?: string,
): string {
  const display = displayName === undefined ? '' : `"${displayName.replace(/(["\\])/g, '\\$1')}" `;
  const p = Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `;${k}=${v}`)
    .join('');
  return `${display}<${uri}>${p}`;
}
