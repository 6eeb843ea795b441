import type { User, UserReader, UserRecord, UserWriter } from '../../services/users/user-repo-port.js';
import type { SqlReader, SqlWriter } from '../sql-store.js';

type UserRow = {
  id: string;
  sip_uri: string;
  display_name: string;
  email: string;
  role: string;
  password_hash: string;
  digest_realm: string;
  digest_ha1: string;
  digest_ha1_address: string;
  created_at: string;
  updated_at: string;
};

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    sipUri: row.sip_uri,
    displayName: row.display_name,
    email: row.email,
    role: row.role as User['role'],
    passwordHash: row.password_hash,
    digestRealm: row.digest_realm,
    digestHa1: row.digest_ha1,
    digestHa1Address: row.digest_ha1_address,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toUser(row: UserRow): User {
  const { passwordHash: _p, digestRealm: _r, digestHa1: _h, digestHa1Address: _a, ...user } = toRecord(row);
  return user;
}

export function userReader(db: SqlReader): UserReader {
  const row = (where: string, param: string) => db.get<UserRow>(`SELECT * FROM users WHERE ${where}`, [param]);
  return {
    list: () => db.all<UserRow>('SELECT * FROM users ORDER BY sip_uri, id').map(toUser),
    get: (id) => {
      const r = row('id = ?', id);
      return r && toUser(r);
    },
    getRecord: (id) => {
      const r = row('id = ?', id);
      return r && toRecord(r);
    },
    findRecordBySipUri: (sipUri) => {
      const r = row('sip_uri = ? COLLATE NOCASE', sipUri);
      return r && toRecord(r);
    },
    countAdmins: () => Number(db.get<{ n: number }>("SELECT COUNT(*) AS n FROM users WHERE role = 'admin'")?.n ?? 0),
    firstAdmin: () => {
      const r = db.get<UserRow>("SELECT * FROM users WHERE role = 'admin' ORDER BY created_at, id LIMIT 1");
      return r && toUser(r);
    },
    count: () => Number(db.get<{ n: number }>('SELECT COUNT(*) AS n FROM users')?.n ?? 0),
  };
}

export function userWriter(db: SqlWriter): UserWriter {
  const params = (r: UserRecord) => [
    r.sipUri,
    r.displayName,
    r.email,
    r.role,
    r.passwordHash,
    r.digestRealm,
    r.digestHa1,
    r.digestHa1Address,
    r.createdAt,
    r.updatedAt,
    r.id,
  ];
  return {
    ...userReader(db),
    insert: (r) => {
      db.run(
        `INSERT INTO users (sip_uri, display_name, email, role, password_hash, digest_realm, digest_ha1,
           digest_ha1_address, created_at, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        params(r),
      );
    },
    update: (r) => {
      db.run(
        `UPDATE users SET sip_uri = ?, display_name = ?, email = ?, role = ?, password_hash = ?,
           digest_realm = ?, digest_ha1 = ?, digest_ha1_address = ?, created_at = ?, updated_at = ? WHERE id = ?`,
        params(r),
      );
    },
    delete: (id) => {
      db.run('DELETE FROM users WHERE id = ?', [id]);
    },
  };
}
