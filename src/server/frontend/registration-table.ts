/**
 * Registrar state (RFC 3261 §10.3): bindings per address-of-record with expiry, and the identity
 * each client connection authenticated as (XCCOS.md §2.2 "bind the authenticated identity to the
 * connection and Call-ID"). Clients do not listen (§2.1), so a binding dies with its connection.
 */
import type { SipConnection } from '../transport/sip/endpoint/sip-connection.js';

export interface Identity {
  /** `sip:alice@example.com`, lower case. */
  readonly sipUri: string;
  readonly userId: string | undefined;
}

export interface Binding {
  readonly aor: string;
  readonly callId: string;
  readonly connection: SipConnection;
  readonly contacts: readonly string[];
  readonly expiresAt: number;
}

export class RegistrationTable {
  private readonly bindings = new Map<string, Binding>();
  private readonly byConnection = new Map<SipConnection, Set<string>>();
  private readonly identities = new Map<SipConnection, Identity>();

  get size(): number {
    return this.bindings.size;
  }

  identityOf(connection: SipConnection): Identity | undefined {
    return this.identities.get(connection);
  }

  bindIdentity(connection: SipConnection, identity: Identity): void {
    this.identities.set(connection, identity);
  }

  upsert(binding: Binding): void {
    const key = bindingKey(binding.connection, binding.callId);
    this.bindings.set(key, binding);
    let keys = this.byConnection.get(binding.connection);
    if (!keys) this.byConnection.set(binding.connection, (keys = new Set()));
    keys.add(key);
  }

  remove(connection: SipConnection, callId: string): boolean {
    const key = bindingKey(connection, callId);
    this.byConnection.get(connection)?.delete(key);
    return this.bindings.delete(key);
  }

  /** Bindings of an address-of-record (linear; for diagnostics and tests). */
  bindingsOf(aor: string): Binding[] {
    return [...this.bindings.values()].filter((b) => b.aor === aor);
  }

  connectionClosed(connection: SipConnection): number {
    const keys = this.byConnection.get(connection);
    this.byConnection.delete(connection);
    this.identities.delete(connection);
    if (!keys) return 0;
    for (const k of keys) this.bindings.delete(k);
    return keys.size;
  }

  /** Drop bindings whose expiry has passed; returns how many. */
  expire(now: number): number {
    let n = 0;
    for (const [key, b] of this.bindings) {
      if (b.expiresAt <= now) {
        this.bindings.delete(key);
        this.byConnection.get(b.connection)?.delete(key);
        n++;
      }
    }
    return n;
  }
}

function bindingKey(connection: SipConnection, callId: string): string {
  return `${connection.id}\n${callId}`;
}
