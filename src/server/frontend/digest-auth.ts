/**
 * SIP Digest authentication for the registrar (RFC 3261 §22, RFC 2617 with `qop=auth`), as
 * pidgin-sipe does it (XCCOS.md §2.2): challenged with 407 `Proxy-Authenticate`, answered with
 * `Proxy-Authorization`. Nonces are stateless: `{issued-at}.{HMAC(secret, issued-at)}`, so they
 * expire without a table; a stale one gets a fresh challenge with `stale=true` (RFC 2617 §3.2.1).
 *
 * Replay (RFC 2617 §3.2.3 / RFC 7616 §3.3 nonce-count): the only state is, per nonce that has
 * been used, the highest `nc` accepted with it. A response whose `nc` is not above that — a
 * captured Authorization header sent again — is refused. The table holds a nonce only until it
 * expires and at most `maxTracked` nonces (least recently used evicted first, counted). Eviction
 * fails closed: a nonce issued no later than an evicted one and not in the table is treated as
 * used, so the client is challenged again instead of a replay getting through. Stock pidgin-sipe
 * answers every 407 with the new nonce and `nc=00000001`, so it uses each nonce once.
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

/**
 * `ok`; `bad-response` (wrong password); `unsupported` (another algorithm or qop);
 * `no-nonce-count`: no `qop`, `nc` or `cnonce`, or an `nc` that is not 8 hex digits. We always
 * offer `qop="auth"`, so the RFC 2069 form (no nc) is refused: it could be replayed at will.
 */
export type DigestCheck = 'ok' | 'bad-response' | 'unsupported' | 'no-nonce-count';

/** RFC 2617 `nc-value = 8LHEX` → its number, or undefined. */
export function parseNonceCount(nc: string | undefined): number | undefined {
  return nc !== undefined && /^[0-9a-fA-F]{8}$/.test(nc) ? parseInt(nc, 16) : undefined;
}

/**
 * Verify credentials against a stored HA1. The digest-uri is hashed as sent: COMPAT: pidgin-sipe
 * sends the literal `uri="(null)"` (XCCOS.md §10 item 9), so the digest-uri is not required to
 * equal the Request-URI (RFC 2617 §3.2.2.5 "SHOULD check").
 */
export function verifyDigest(credentials: DigestCredentials, ha1: string, method: string): DigestCheck {
  if (credentials.algorithm !== undefined && credentials.algorithm.toUpperCase() !== 'MD5') return 'unsupported';
  if (credentials.qop !== undefined && credentials.qop.toLowerCase() !== 'auth') return 'unsupported';
  if (credentials.qop === undefined || !credentials.cnonce || parseNonceCount(credentials.nc) === undefined) {
    return 'no-nonce-count';
  }
  const expected = digestResponse({ ...credentials, ha1, method });
  const a = Buffer.from(expected);
  const b = Buffer.from(credentials.response);
  return a.length === b.length && timingSafeEqual(a, b) ? 'ok' : 'bad-response';
}

export type NonceState = 'valid' | 'stale' | 'invalid';

/** `fresh`: nc above every nc accepted with this nonce (now recorded); `replayed`: not. */
export type NonceCountState = 'fresh' | 'replayed';

export interface NonceIssuer {
  issue(): string;
  check(nonce: string): NonceState;
  /**
   * Record the `nc` of a response that verified, for a nonce `check` found valid. Call it only
   * after the response has been verified, so that forged credentials cannot use up a nonce.
   */
  useCount(nonce: string, nc: number): NonceCountState;
  /** Same for every challenge of this issuer; echoed by clients (RFC 2617 §3.2.1). */
  readonly opaque: string;
  /** Nonces whose highest nc is held (expired ones dropped first). */
  readonly tracked: number;
  /** Nonces dropped from a full table before they expired. */
  readonly evictions: number;
}

interface NonceUse {
  nc: number;
  issuedAt: number;
  /** Issue order (nonces are `{time}-{seq}.{mac}`): unique even within one millisecond. */
  seq: number;
}

export const DEFAULT_MAX_TRACKED_NONCES = 10_000;

export function createNonceIssuer(options: {
  now: () => number;
  lifetimeMs: number;
  secret?: Buffer;
  /** Size bound of the nonce-count table (default 10 000). */
  maxTracked?: number;
}): NonceIssuer {
  const secret = options.secret ?? randomBytes(32);
  const maxTracked = Math.max(1, options.maxTracked ?? DEFAULT_MAX_TRACKED_NONCES);
  const mac = (issued: string) => createHmac('sha256', secret).update(issued).digest('base64url').slice(0, 22);
  /** Map order = least recently used first. */
  const uses = new Map<string, NonceUse>();
  /** Issue order of the newest nonce evicted so far: older unknown nonces count as used. */
  let evictedUpTo = -Infinity;
  /** Every challenge gets its own nonce, also within one millisecond: two clients never share
   * one (their first responses would look like a replay of each other). */
  let issuedCount = 0;
  let evictions = 0;
  const expired = (use: NonceUse, now: number) => now - use.issuedAt > options.lifetimeMs;
  /**
   * Drops expired nonces from the least recently used end. One used again recently stops the
   * sweep until it reaches that end; it is never consulted after expiry (`check` says stale
   * first), and the table stays bounded by `maxTracked` either way.
   */
  const prune = (now: number) => {
    for (const [nonce, use] of uses) {
      if (!expired(use, now)) break;
      uses.delete(nonce);
    }
  };
  return {
    opaque: randomBytes(8).toString('hex'),
    issue() {
      issuedCount += 1;
      const issued = `${options.now().toString(36)}-${issuedCount.toString(36)}`;
      return `${issued}.${mac(issued)}`;
    },
    check(nonce) {
      const dot = nonce.indexOf('.');
      if (dot <= 0) return 'invalid';
      const issued = nonce.slice(0, dot);
      const a = Buffer.from(nonce.slice(dot + 1));
      const b = Buffer.from(mac(issued));
      if (a.length !== b.length || !timingSafeEqual(a, b)) return 'invalid';
      const age = options.now() - issuedParts(issued).at;
      return age >= 0 && age <= options.lifetimeMs ? 'valid' : 'stale';
    },
    useCount(nonce, nc) {
      const now = options.now();
      prune(now);
      const use = uses.get(nonce);
      if (use) {
        if (nc <= use.nc) return 'replayed';
        use.nc = nc;
        uses.delete(nonce);
        uses.set(nonce, use);
        return 'fresh';
      }
      const { at: issuedAt, seq } = issuedParts(nonce.slice(0, nonce.indexOf('.')));
      if (!(seq > evictedUpTo) || nc < 1) return 'replayed';
      uses.set(nonce, { nc, issuedAt, seq });
      if (uses.size > maxTracked) {
        const [oldest, victim] = uses.entries().next().value as [string, NonceUse];
        uses.delete(oldest);
        evictions++;
        evictedUpTo = Math.max(evictedUpTo, victim.seq);
      }
      return 'fresh';
    },
    get tracked() {
      prune(options.now());
      return uses.size;
    },
    get evictions() {
      return evictions;
    },
  };
}

/** `{time base 36}-{seq base 36}` → its parts (NaN for a malformed part, which never validates). */
function issuedParts(issued: string): { at: number; seq: number } {
  const dash = issued.indexOf('-');
  if (dash < 0) return { at: NaN, seq: NaN };
  return { at: parseInt(issued.slice(0, dash), 36), seq: parseInt(issued.slice(dash + 1), 36) };
}

/** `Proxy-Authenticate` value (no `algorithm`, as SIPE's own examples; MD5 is the default). */
export function digestChallenge(realm: string, nonce: string, opaque: string, stale = false): string {
  return `Digest realm="${realm}", nonce="${nonce}", opaque="${opaque}", qop="auth"${stale ? ', stale=true' : ''}`;
}
