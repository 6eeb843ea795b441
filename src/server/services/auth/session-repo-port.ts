export interface SessionRecord {
  /** SHA-256 of the bearer token; the token itself is never stored. */
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface SessionReader {
  get(tokenHash: string): SessionRecord | undefined;
  countActive(nowIso: string): number;
}

export interface SessionWriter extends SessionReader {
  insert(record: SessionRecord): void;
  delete(tokenHash: string): number;
  deleteForUser(userId: string): number;
  deleteExpired(nowIso: string): number;
}
