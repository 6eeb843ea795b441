import type {
  ChatPolicy,
  ChatPolicyRecord,
  PolicyReader,
  PolicyScope,
  PolicyWriter,
} from '../../services/policy/policy-repo-port.js';
import type { SqlReader, SqlWriter } from '../sql-store.js';

type PolicyRow = {
  id: string;
  identity: string;
  scope: string;
  description: string;
  enable_persistent_chat: number;
  created_at: string;
  updated_at: string;
  user_count: number;
};

const SELECT = `SELECT p.*, (SELECT COUNT(*) FROM user_policies u WHERE u.policy_id = p.id) AS user_count
  FROM chat_policies p`;

function toPolicy(row: PolicyRow): ChatPolicy {
  const colon = row.identity.indexOf(':');
  return {
    id: row.id,
    identity: row.identity,
    scope: row.scope as PolicyScope,
    name: colon < 0 ? row.identity : row.identity.slice(colon + 1),
    description: row.description,
    enablePersistentChat: row.enable_persistent_chat === 1,
    userCount: Number(row.user_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function policyReader(db: SqlReader): PolicyReader {
  const one = (where: string, param: string) => {
    const r = db.get<PolicyRow>(`${SELECT} WHERE ${where}`, [param]);
    return r && toPolicy(r);
  };
  return {
    list: () =>
      db
        .all<PolicyRow>(
          `${SELECT} ORDER BY CASE p.scope WHEN 'global' THEN 0 WHEN 'site' THEN 1 ELSE 2 END, p.identity`,
        )
        .map(toPolicy),
    get: (id) => one('p.id = ?', id),
    findByIdentity: (identity) => one('p.identity = ? COLLATE NOCASE', identity),
    assignedTo: (userId) => one('p.id = (SELECT policy_id FROM user_policies WHERE user_id = ?)', userId),
  };
}

export function policyWriter(db: SqlWriter): PolicyWriter {
  const params = (r: ChatPolicyRecord) => [
    r.identity,
    r.scope,
    r.description,
    r.enablePersistentChat ? 1 : 0,
    r.createdAt,
    r.updatedAt,
    r.id,
  ];
  return {
    ...policyReader(db),
    insert: (r) => {
      db.run(
        `INSERT INTO chat_policies (identity, scope, description, enable_persistent_chat, created_at, updated_at, id)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        params(r),
      );
    },
    update: (r) => {
      db.run(
        `UPDATE chat_policies SET identity = ?, scope = ?, description = ?, enable_persistent_chat = ?,
           created_at = ?, updated_at = ? WHERE id = ?`,
        params(r),
      );
    },
    delete: (id) => {
      db.run('DELETE FROM chat_policies WHERE id = ?', [id]);
    },
    assign: (userId, policyId) => {
      if (policyId === null) db.run('DELETE FROM user_policies WHERE user_id = ?', [userId]);
      else {
        db.run(
          `INSERT INTO user_policies (user_id, policy_id) VALUES (?, ?)
             ON CONFLICT (user_id) DO UPDATE SET policy_id = excluded.policy_id`,
          [userId, policyId],
        );
      }
    },
    unassignAll: (policyId) => {
      const n = Number(
        db.get<{ n: number }>('SELECT COUNT(*) AS n FROM user_policies WHERE policy_id = ?', [policyId])?.n ?? 0,
      );
      db.run('DELETE FROM user_policies WHERE policy_id = ?', [policyId]);
      return n;
    },
  };
}
