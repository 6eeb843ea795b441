/**
 * SIP Digest authentication for the registrar (RFC 3261 §22, RFC 2617 with `qop=auth`), as
 * pidgin-sipe does it (XCCOS.md §2.2): challenged with 407 `Proxy-Authenticate`, answered with
 * `Proxy-Authorization`. Nonces are stateless: `{issued-at}.{HMAC(secret, issued-at)}`, so they
 * expire without a table; a stale one gets a fresh challenge with `stale=true` (RFC 2617 §3.2.1).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface DigestCredentials {
  readonly username: string;
  readonly realm: string;
  readonly nonce: string;
  readonly uri: string;
  readonly response: string;
  readonly qop: string | undefined;
  readonly nc: string | undefined;
  readonly cnonce: string | undefined;
  readonly opaque: string | undefined;
  readonly algorithm: string | undefined;
}

/** `Digest username="…", realm="…", …` → the parameters; undefined if not Digest or incomplete. */
export function parseDigestCredentials(value: string): DigestCredentials | undefined {
  const m = /^\s*Digest\s+(.*)$/is.exec(value);
  if (!m || m[1] === undefined) return undefined;
  const params = new Map<string, string>();
  const re = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*(?:,|$)/gy;
  const text = m[1];
  let p: RegExpExecArray | null;
  while (re.lastIndex < text.length && (p = re.exec(text)) !== null) {
    if (p[1] === undefined) break;
    params.set(p[1].toLowerCase(), p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? ''));
  }
  const get = (k: string) => params.get(k);
  const username = get('username');
  const realm = get('realm');
  const nonce = get('nonce');
  const uri = get('uri');
  const response = get('response');
  if (username === undefined || realm === undefined || nonce === undefined || uri === undefined || !response) {
    return undefined;
  }
  return {
    username,
    realm,
    nonce,
    uri,
    response: response.toLowerCase(),
    qop: get('qop'),
    nc: get('nc'),
    cnonce: get('cnonce'),
    opaque: get('opaque'),
    algorithm: get('algorithm'),
  };
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

/** RFC 2617 §3.2.2.1 request-digest for `qop=auth` (or the RFC 2069 form without qop). */
export function digestResponse(input: {
  ha1: string;
  method: string;
  uri: string;
  nonce: string;
  qop?: string | undefined;
  nc?: string | undefined;
  cnonce?: string | undefined;
}): string {
  const ha2 = md5(`${input.method}:${input.uri}`);
  return input.qop === undefined
    ? md5(`${input.ha1}:${input.nonce}:${ha2}`)
    : md5(`${input.ha1}:${input.nonce}:${input.nc ?? ''}:${input.cnonce ?? ''}:${input.qop}:${ha2}`);
}

export type DigestCheck = 'ok' | 'bad-response' | 'unsupported';

/**
 * Verify credentials against a stored HA1. The digest-uri is hashed as sent: COMPAT: pidgin-sipe
 * sends the literal `uri="(null)"` (XCCOS.md §10 item 9), so the digest-uri is not required to
 * equal the Request-URI (RFC 2617 §3.2.2.5 "SHOULD check").
 */
export function verifyDigest(credentials: DigestCredentials, ha1: string, method: string): DigestCheck {
  if (credentials.algorithm !== undefined && credentials.algorithm.toUpperCase() !== 'MD5') return 'unsupported';
  if (credentials.qop !== undefined && credentials.qop.toLowerCase() !== 'auth') return 'unsupported';
  const expected = digestResponse({ ...credentials, ha1, method });
  const a = Buffer.from(expected);
  const b = Buffer.from(credentials.response);
  return a.length === b.length && timingSafeEqual(a, b) ? 'ok' : 'bad-response';
}

export type NonceState = 'valid' | 'stale' | 'invalid';

export interface NonceIssuer {
  issue(): string;
  check(nonce: string): NonceState;
  /** Same for every challenge of this issuer; echoed by clients (RFC 2617 §3.2.1). */
  readonly opaque: string;
}

export function createNonceIssuer(options: { now: () => number; lifetimeMs: number; secret?: Buffer }): NonceIssuer {
  const secret = options.secret ?? randomBytes(32);
  const mac = (issued: string) => createHmac('sha256', secret).update(issued).digest('base64url').slice(0, 22);
  return {
    opaque: randomBytes(8).toString('hex'),
    issue() {
      const issued = options.now().toString(36);
      return `${issued}.${mac(issued)}`;
    },
    check(nonce) {
      const dot = nonce.indexOf('.');
      if (dot <= 0) return 'invalid';
      const issued = nonce.slice(0, dot);
      const a = Buffer.from(nonce.slice(dot + 1));
      const b = Buffer.from(mac(issued));
      if (a.length !== b.length || !timingSafeEqual(a, b)) return 'invalid';
      const age = options.now() - parseInt(issued, 36);
      return age >= 0 && age <= options.lifetimeMs ? 'valid' : 'stale';
    },
  };
}

/** `Proxy-Authenticate` value (no `algorithm`, as SIPE's own examples; MD5 is the default). */
export function digestChallenge(realm: string, nonce: string, opaque: string, stale = false): string {
  return `Digest realm="${realm}", nonce="${nonce}", opaque="${opaque}", qop="auth"${stale ? ', stale=true' : ''}`;
}
