/**
 * Who is sending a request (XCCOS.md §2.2 "Authentication"): Digest-challenge (407) a connection
 * that has not authenticated, bind the identity to the connection on success, and accept later
 * requests on that connection without a new challenge. Failed attempts count against the source
 * address (register-failure-limiter.ts). With Digest off, the `From` address is trusted.
 *
 * Replay: a verified response must carry `qop=auth` with `nc`/`cnonce` (else 403), and its `nc`
 * must be above the highest accepted with that nonce (digest-auth.ts); a replayed one gets a
 * fresh 407 (`stale=false`, counted as `registerReplays`). Credentials sent on a connection that
 * is already authenticated are not needed, but when they verify their `nc` is recorded too, so a
 * re-REGISTER's header cannot be replayed on another connection either.
 */
import { ERROR_CATALOGUE, type ErrorCode } from '../errors/error-codes.js';
import type { Logger } from '../log/logger.js';
import { parseNameAddr } from '../transport/sip/codec/headers/name-addr.js';
import { headerValue, type SipHeader, type SipRequest } from '../transport/sip/codec/sip-message.js';
import { addressOfRecord } from '../transport/sip/codec/sip-uri.js';
import { WARN_AGENT } from '../transport/sip/codec/stateless-response.js';
import type { SipConnection } from '../transport/sip/endpoint/sip-connection.js';
import type { ServerTransaction } from '../transport/sip/transactions/server-transaction.js';
import {
  digestChallenge,
  parseDigestCredentials,
  parseNonceCount,
  verifyDigest,
  type DigestCredentials,
  type NonceCountState,
  type NonceIssuer,
} from './digest-auth.js';
import type { FrontendCounters } from './frontend-counters.js';
import type { RegisterFailureLimiter } from './register-failure-limiter.js';
import type { Identity, RegistrationTable } from './registration-table.js';
import type { SipDirectory } from './sip-directory.js';

export interface AuthenticatorDeps {
  readonly realm: string;
  readonly digest: boolean;
  readonly nonces: NonceIssuer;
  readonly limiter: RegisterFailureLimiter;
  readonly directory: SipDirectory;
  readonly registrations: RegistrationTable;
  readonly counters: FrontendCounters;
  readonly logger: Logger;
}

/** The address-of-record of a name-addr header (`From`, `To`), lower case. */
export function headerAor(request: SipRequest, name: 'From' | 'To'): string | undefined {
  const na = parseNameAddr(headerValue(request, name) ?? '');
  return na ? addressOfRecord(na.uri).toLowerCase() : undefined;
}

/** A final error response carrying the catalogue's SIP status and a readable `Warning`. */
export function refuse(tx: ServerTransaction, code: ErrorCode, extra: SipHeader[] = [], message?: string): void {
  const spec = ERROR_CATALOGUE[code];
  const text = (message ?? spec.message).replace(/["\\]/g, "'");
  tx.reply(spec.sipStatus, {
    headers: [...extra, { name: 'Warning', value: `399 ${WARN_AGENT} "${text}"` }],
  });
}

export interface Authenticator {
  /**
   * The identity behind the request, or undefined after answering it (407, 403 or 503).
   * `aor` is the address the request claims (`To` for REGISTER, `From` otherwise).
   */
  identify(request: SipRequest, tx: ServerTransaction, connection: SipConnection, aor: string): Identity | undefined;
}

export function createAuthenticator(deps: AuthenticatorDeps): Authenticator {
  const log = deps.logger;

  function challenge(tx: ServerTransaction, stale = false): void {
    deps.counters.registerChallenges++;
    const value = digestChallenge(deps.realm, deps.nonces.issue(), deps.nonces.opaque, stale);
    tx.reply(407, { headers: [{ name: 'Proxy-Authenticate', value }] });
  }

  function fail(tx: ServerTransaction, connection: SipConnection, code: ErrorCode, detail: Record<string, unknown>) {
    deps.counters.registerFailures++;
    deps.limiter.recordFailure(connection.remoteAddress);
    log.info('SIP authentication failed', { code, remote: connection.remoteAddress, ...detail });
    refuse(tx, code);
  }

  /** Records the nc of verified credentials (verifyDigest said ok, so nc parses). */
  function useCount(creds: DigestCredentials): NonceCountState {
    const state = deps.nonces.useCount(creds.nonce, parseNonceCount(creds.nc) ?? 0);
    deps.counters.digestNonceEvictions = deps.nonces.evictions;
    return state;
  }

  /** On an authenticated connection: note the nc of credentials that verify for its user. */
  function observe(request: SipRequest, bound: Identity): void {
    const header = headerValue(request, 'Proxy-Authorization') ?? headerValue(request, 'Authorization');
    const creds = header === undefined ? undefined : parseDigestCredentials(header);
    if (!creds || creds.realm.toLowerCase() !== deps.realm.toLowerCase()) return;
    if (deps.nonces.check(creds.nonce) !== 'valid') return;
    const account = deps.directory.digestAccount(creds.username);
    if (!account || account.ha1 === '' || account.sipUri !== bound.sipUri) return;
    if (verifyDigest(creds, account.ha1, request.method) === 'ok') useCount(creds);
  }

  return {
    identify(request, tx, connection, aor) {
      const bound = deps.registrations.identityOf(connection);
      if (bound) {
        if (bound.sipUri === aor) {
          if (deps.digest) observe(request, bound);
          return bound;
        }
        refuse(tx, 'ERR_SIP_IDENTITY_MISMATCH');
        return undefined;
      }
      const wait = deps.limiter.blocked(connection.remoteAddress);
      if (wait !== undefined) {
        deps.counters.registerRateLimited++;
        refuse(tx, 'ERR_SIP_REGISTER_RATE_LIMITED', [{ name: 'Retry-After', value: String(wait) }]);
        return undefined;
      }
      if (!deps.digest) {
        const identity = { sipUri: aor, userId: deps.directory.userIdFor(aor) };
        deps.registrations.bindIdentity(connection, identity);
        return identity;
      }
      const header = headerValue(request, 'Proxy-Authorization') ?? headerValue(request, 'Authorization');
      if (header === undefined) {
        challenge(tx);
        return undefined;
      }
      const creds = parseDigestCredentials(header);
      if (!creds) {
        fail(tx, connection, 'ERR_SIP_AUTH_FAILED', { reason: 'unreadable credentials' });
        return undefined;
      }
      if (creds.realm.toLowerCase() !== deps.realm.toLowerCase()) {
        challenge(tx);
        return undefined;
      }
      const nonce = deps.nonces.check(creds.nonce);
      if (nonce !== 'valid') {
        challenge(tx, nonce === 'stale');
        return undefined;
      }
      const account = deps.directory.digestAccount(creds.username);
      if (!account || account.ha1 === '' || account.realm.toLowerCase() !== deps.realm.toLowerCase()) {
        fail(tx, connection, 'ERR_SIP_AUTH_FAILED', { username: creds.username, reason: 'unknown user' });
        return undefined;
      }
      const verdict = verifyDigest(creds, account.ha1, request.method);
      if (verdict !== 'ok') {
        const reason = verdict === 'no-nonce-count' ? 'no qop=auth with nc and cnonce' : 'wrong response';
        fail(tx, connection, 'ERR_SIP_AUTH_FAILED', { username: creds.username, reason });
        return undefined;
      }
      if (account.sipUri !== aor) {
        fail(tx, connection, 'ERR_SIP_IDENTITY_MISMATCH', { username: creds.username, aor });
        return undefined;
      }
      if (useCount(creds) === 'replayed') {
        // RFC 7616 §3.3: a nonce-count already seen is a replay; challenge afresh (not stale).
        deps.counters.registerReplays++;
        log.info('SIP Digest replay refused', {
          username: creds.username,
          nc: creds.nc,
          remote: connection.remoteAddress,
        });
        challenge(tx);
        return undefined;
      }
      const identity = { sipUri: account.sipUri, userId: account.userId };
      deps.registrations.bindIdentity(connection, identity);
      return identity;
    },
  };
}
