/**
 * Who is sending a request (XCCOS.md §2.2 "Authentication"): Digest-challenge (407) a connection
 * that has not authenticated, bind the identity to the connection on success, and accept later
 * requests on that connection without a new challenge. Failed attempts count against the source
 * address (register-failure-limiter.ts). With Digest off, the `From` address is trusted.
 */
import { ERROR_CATALOGUE, type ErrorCode } from '../errors/error-codes.js';
import type { Logger } from '../log/logger.js';
import { parseNameAddr } from '../transport/sip/codec/headers/name-addr.js';
import { headerValue, type SipHeader, type SipRequest } from '../transport/sip/codec/sip-message.js';
import { addressOfRecord } from '../transport/sip/codec/sip-uri.js';
import { WARN_AGENT } from '../transport/sip/codec/stateless-response.js';
import type { SipConnection } from '../transport/sip/endpoint/sip-connection.js';
import type { ServerTransaction } from '../transport/sip/transactions/server-transaction.js';
import { digestChallenge, parseDigestCredentials, verifyDigest, type NonceIssuer } from './digest-auth.js';
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

  return {
    identify(request, tx, connection, aor) {
      const bound = deps.registrations.identityOf(connection);
      if (bound) {
        if (bound.sipUri === aor) return bound;
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
      if (verifyDigest(creds, account.ha1, request.method) !== 'ok') {
        fail(tx, connection, 'ERR_SIP_AUTH_FAILED', { username: creds.username, reason: 'wrong response' });
        return undefined;
      }
      if (account.sipUri !== aor) {
        fail(tx, connection, 'ERR_SIP_IDENTITY_MISMATCH', { username: creds.username, aor });
        return undefined;
      }
      const identity = { sipUri: account.sipUri, userId: account.userId };
      deps.registrations.bindIdentity(connection, identity);
      return identity;
    },
  };
}
