/**
 * What the front end needs to know about users, through the services' ports: Digest HA1 by the
 * user name a client sends, and whether Persistent Chat is enabled by the effective policy.
 */
import type { PolicyService } from '../services/policy/policy-service.js';
import type { DataPort } from '../services/shared/data-port.js';

export interface DigestAccount {
  readonly userId: string;
  /** `sip:alice@example.com`, lower case. */
  readonly sipUri: string;
  readonly realm: string;
  /** The HA1 that matches the user name form the client used; empty when not available. */
  readonly ha1: string;
}

export interface SipDirectory {
  /**
   * The account for a Digest user name: the user part (`alice`), the full address
   * (`alice@example.com`, `sip:alice@example.com`), or COMPAT: a Windows-style login
   * (`DOMAIN\alice`, what SIPE's separate login option sends) treated as the user part.
   */
  digestAccount(username: string): DigestAccount | undefined;
  /** The user id behind a SIP address, if it is a known user. */
  userIdFor(sipUri: string): string | undefined;
  /** `EnablePersistentChat` of the effective policy (per-user → site → global). */
  chatEnabled(userId: string | undefined): boolean;
}

export function createSipDirectory(deps: { data: DataPort; policies: PolicyService; domain: string }): SipDirectory {
  const domain = deps.domain.toLowerCase();
  return {
    digestAccount(username) {
      const name = username.trim().replace(/^sips?:/i, '');
      const backslash = name.lastIndexOf('\\');
      const fullAddress = backslash < 0 && name.includes('@');
      const sipUri = fullAddress
        ? `sip:${name.toLowerCase()}`
        : `sip:${name.slice(backslash + 1).toLowerCase()}@${domain}`;
      const record = deps.data.read((r) => r.users.findRecordBySipUri(sipUri));
      if (!record) return undefined;
      const ha1 = fullAddress ? record.digestHa1Address : record.digestHa1;
      return { userId: record.id, sipUri: record.sipUri.toLowerCase(), realm: record.digestRealm, ha1 };
    },
    userIdFor(sipUri) {
      return deps.data.read((r) => r.users.findRecordBySipUri(sipUri.toLowerCase()))?.id;
    },
    chatEnabled(userId) {
      return deps.policies.effectivePolicy(userId).policy.enablePersistentChat;
    },
  };
}
