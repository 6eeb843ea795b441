/**
 * SIP URIs (RFC 3261 §19.1) through sip.js's grammar, wrapped so that nothing throws and the
 * original text is kept. Non-SIP schemes (`tel:`, `urn:`, …) are accepted as opaque absolute URIs.
 */
import { Grammar } from 'sip.js/lib/core/index.js';

export interface SipUri {
  /** The URI text as received. */
  readonly raw: string;
  readonly scheme: string;
  /** Unescaped user part (`%40` → `@`), if any. */
  readonly user: string | undefined;
  /** Lower-cased host; undefined for non-SIP schemes. */
  readonly host: string | undefined;
  readonly port: number | undefined;
  /** URI parameters, names lower-cased; `null` for a parameter without a value. */
  readonly params: ReadonlyMap<string, string | null>;
}

interface GrammarUri {
  parameters?: Record<string, string | null>;
  raw?: { scheme?: string; user?: string; host?: string; port?: number };
}

const ABSOLUTE_URI_RE = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"]+$/;

/**
 * sip.js's generated parser decodes its whole bytecode table on every `Grammar.parse` call, so a
 * parse costs ~0.1 ms; the same few URIs (From, To, the chat addresses) recur in every message.
 * Results are immutable, so a bounded memo is safe.
 */
const MEMO_LIMIT = 4096;
const memo = new Map<string, SipUri | undefined>();

export function parseSipUri(text: string): SipUri | undefined {
  const hit = memo.get(text);
  if (hit !== undefined || memo.has(text)) return hit;
  const parsed = parseSipUriUncached(text);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, parsed);
  return parsed;
}

function parseSipUriUncached(text: string): SipUri | undefined {
  const raw = text.trim();
  if (/^sips?:/i.test(raw)) {
    let parsed: unknown;
    try {
      parsed = Grammar.parse(raw, 'SIP_URI');
    } catch {
      return undefined;
    }
    if (parsed === -1 || typeof parsed !== 'object' || parsed === null) return undefined;
    const g = parsed as GrammarUri;
    const params = new Map<string, string | null>();
    for (const [k, v] of Object.entries(g.parameters ?? {})) params.set(k.toLowerCase(), v ?? null);
    // sip.js's grammar replaces the host with `maddr`; recover the host from the text.
    const host = hostFromText(raw) ?? g.raw?.host;
    return {
      raw,
      scheme: (g.raw?.scheme ?? 'sip').toLowerCase(),
      user: g.raw?.user,
      host: host?.toLowerCase(),
      port: g.raw?.port,
      params,
    };
  }
  if (!ABSOLUTE_URI_RE.test(raw)) return undefined;
  const scheme = raw.slice(0, raw.indexOf(':')).toLowerCase();
  return { raw, scheme, user: undefined, host: undefined, port: undefined, params: new Map() };
}

function hostFromText(uri: string): string | undefined {
  const afterScheme = uri.slice(uri.indexOf(':') + 1);
  const at = afterScheme.lastIndexOf('@', firstOf(afterScheme, ';?'));
  const hostPart = at >= 0 ? afterScheme.slice(at + 1) : afterScheme;
  const m = /^(\[[^\]]+\]|[^:;?]+)/.exec(hostPart);
  return m?.[1];
}

function firstOf(text: string, chars: string): number {
  let best = text.length;
  for (const ch of chars) {
    const i = text.indexOf(ch);
    if (i >= 0 && i < best) best = i;
  }
  return best;
}

/** `sip:user@host` (no port or parameters), lower-cased host, for identity comparisons. */
export function addressOfRecord(uri: SipUri): string {
  return uri.user === undefined ? `${uri.scheme}:${uri.host ?? ''}` : `${uri.scheme}:${uri.user}@${uri.host ?? ''}`;
}
