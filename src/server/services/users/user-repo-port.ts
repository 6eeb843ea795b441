export type UserRole = 'admin' | 'user';

/** A user as the services and the admin contract see it: never any secret. */
export interface User {
  id: string;
  sipUri: string;
  displayName: string;
  email: string;
  role: UserRole;
  createdAt: string;
  updatedAt: string;
}

export interface UserCredentials {
  /** scrypt hash (see auth/auth-crypto-port.ts). */
  passwordHash: string;
  /** SIP Digest realm the HA1 was computed for (the SIP domain). */
  digestRealm: string;
  /** MD5(user:realm:password), RFC 2617 §3.2.2.2. */
  digestHa1: string;
  /**
   * MD5(user@domain:realm:password), for clients that send the full address as the Digest user
   * name (pidgin-sipe without a separate login); empty for users whose password predates it.
   */
  digestHa1Address: string;
}

export type UserRecord = User & UserCredentials;

export interface UserReader {
  list(): User[];
  get(id: string): User | undefined;
  getRecord(id: string): UserRecord | undefined;
  /** Case-insensitive. */
  findRecordBySipUri(sipUri: string): UserRecord | undefined;
  countAdmins(): number;
  /** The earliest-created administrator: the local desktop user acts as this one. */
  firstAdmin(): User | undefined;
  count(): number;
}

export interface UserWriter extends UserReader {
  insert(record: UserRecord): void;
  update(record: UserRecord): void;
  delete(id: string): void;
}
