/**
 * Sign-in for the admin API: login by SIP URI or its user part, bearer sessions whose token is
 * stored only as a hash, failed logins rate-limited per source address, and every login, logout
 * and failed login audited. Also resolves who a call comes from.
 */
import { ServerError } from '../../errors/server-error.js';
import type { AuditService } from '../audit/audit-service.js';
import type { Actor } from '../shared/actor.js';
import { anonymousActor } from '../shared/actor.js';
import type { Clock } from '../shared/clock-port.js';
import type { DataPort } from '../shared/data-port.js';
import { normalizeSipUri } from '../users/sip-uri.js';
import type { User } from '../users/user-repo-port.js';
import type { PasswordHasher, SecretGenerator } from './auth-crypto-port.js';
import type { LoginRateLimiter } from './login-rate-limiter.js';

export interface AuthDeps {
  data: DataPort;
  audit: AuditService;
  clock: Clock;
  hasher: PasswordHasher;
  secrets: SecretGenerator;
  limiter: LoginRateLimiter;
  domain: string;
  sessionTtlMinutes: number;
}

/** How the transport says the call arrived (a subset of CallContext). */
export interface CallerHints {
  trusted?: boolean;
  token?: string;
  remoteAddress?: string;
}

export interface Caller {
  actor: Actor;
  user: User;
  /** Present for token sessions; absent for the trusted local desktop administrator. */
  session?: { tokenHash: string; expiresAt: string };
}

export interface LoginResult {
  user: User;
  expiresAt: string;
  token: string;
}

export type AuthService = ReturnType<typeof createAuthService>;

export function actorFor(user: User, remoteAddress?: string): Actor {
  return { id: user.id, name: user.sipUri, role: user.role, remoteAddress };
}

export function createAuthService(deps: AuthDeps) {
  const { data, audit, clock, hasher, secrets, limiter, domain } = deps;
  /** Verified against for unknown users, so a miss costs as much as a wrong password. */
  let dummyHash: Promise<string> | undefined;

  /** `admin` → `sip:admin@<domain>`; `alice@x.org` → `sip:alice@x.org`. */
  function sipUriFor(username: string): string {
    const name = normalizeSipUri(username);
    if (name.startsWith('sip:')) return name;
    return name.includes('@') ? `sip:${name}` : `sip:${name}@${domain}`;
  }

  async function login(
    input: { username: string; password: string },
    { remoteAddress }: { remoteAddress?: string },
  ): Promise<LoginResult> {
    const key = remoteAddress ?? 'unknown';
    const retryAfterSeconds = limiter.retryAfterSeconds(key);
    if (retryAfterSeconds > 0) {
      throw new ServerError('ERR_AUTH_RATE_LIMITED', `Too many failed logins; try again in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
      });
    }
    const sipUri = sipUriFor(input.username);
    const record = data.read((r) => r.users.findRecordBySipUri(sipUri));
    let valid = false;
    if (record) valid = await hasher.verify(input.password, record.passwordHash);
    else await hasher.verify(input.password, await (dummyHash ??= hasher.hash(secrets.newPassword())));
    if (!record || !valid) {
      limiter.recordFailure(key);
      await audit.recordAudit(anonymousActor(remoteAddress), 'auth.login_failed', sipUri, { username: input.username });
      throw new ServerError('ERR_AUTH_INVALID_CREDENTIALS');
    }
    limiter.reset(key);
    const token = secrets.newToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + deps.sessionTtlMinutes * 60_000).toISOString();
    const user = data.read((r) => r.users.get(record.id))!;
    await data.transaction((w) => {
      w.sessions.deleteExpired(now.toISOString());
      w.sessions.insert({
        tokenHash: secrets.hashToken(token),
        userId: user.id,
        createdAt: now.toISOString(),
        expiresAt,
      });
      w.audit.append(audit.entry(actorFor(user, remoteAddress), 'auth.login', user.id, null, { expiresAt }));
    });
    return { user, expiresAt, token };
  }

  async function logout(caller: Caller): Promise<void> {
    const session = caller.session;
    if (!session) return;
    await data.transaction((w) => {
      w.sessions.delete(session.tokenHash);
      w.audit.append(audit.entry(caller.actor, 'auth.logout', caller.user.id));
    });
  }

  /** Who is calling, or null: the trusted desktop acts as the first administrator. */
  function resolveCaller(hints: CallerHints): Caller | null {
    if (hints.trusted) {
      const admin = data.read((r) => r.users.firstAdmin());
      return admin ? { actor: actorFor(admin, hints.remoteAddress), user: admin } : null;
    }
    if (!hints.token) return null;
    const tokenHash = secrets.hashToken(hints.token);
    const now = clock.now().toISOString();
    return data.read((r) => {
      const session = r.sessions.get(tokenHash);
      if (!session || session.expiresAt <= now) return null;
      const user = r.users.get(session.userId);
      if (!user) return null;
      return { actor: actorFor(user, hints.remoteAddress), user, session: { tokenHash, expiresAt: session.expiresAt } };
    });
  }

  return { login, logout, resolveCaller, sipUriFor };
}
