import type { SessionReader, SessionRecord, SessionWriter } from '../../services/auth/session-repo-port.js';
import type { SqlReader, SqlWriter } from '../sql-store.js';

type SessionRow = { token_hash: string; user_id: string; created_at: string; expires_at: string };

export function sessionReader(db: SqlReader): SessionReader {
  return {
    get: (tokenHash) => {
      const row = db.get<SessionRow>('SELECT * FROM sessions WHERE token_hash = ?', [tokenHash]);
      return (
        row && { tokenHash: row.token_hash, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at }
      );
    },
    countActive: (nowIso) =>
      Number(db.get<{ n: number }>('SELECT COUNT(*) AS n FROM sessions WHERE expires_at > ?', [nowIso])?.n ?? 0),
  };
}

export function sessionWriter(db: SqlWriter): SessionWriter {
  return {
    ...sessionReader(db),
    insert: (r: SessionRecord) => {
      db.run('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
        r.tokenHash,
        r.userId,
        r.createdAt,
        r.expiresAt,
      ]);
    },
    delete: (tokenHash) => db.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]).changes,
    deleteForUser: (userId) => db.run('DELETE FROM sessions WHERE user_id = ?', [userId]).changes,
    deleteExpired: (nowIso) => db.run('DELETE FROM sessions WHERE expires_at <= ?', [nowIso]).changes,
  };
}
