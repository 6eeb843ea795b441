import type { AuditEntry, AuditReader, AuditWriter } from '../../services/audit/audit-repo-port.js';
import type { SqlReader, SqlValue, SqlWriter } from '../sql-store.js';
import { fromJson, toJson } from './sql-values.js';

type AuditRow = {
  id: string;
  at: string;
  actor: string;
  actor_id: string | null;
  action: string;
  target: string | null;
  old_json: string | null;
  new_json: string | null;
  remote_address: string | null;
};

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    actorId: row.actor_id,
    action: row.action,
    target: row.target,
    oldValue: fromJson(row.old_json),
    newValue: fromJson(row.new_json),
    remoteAddress: row.remote_address,
  };
}

export function auditReader(db: SqlReader): AuditReader {
  return {
    list: ({ limit, action }) => {
      const params: SqlValue[] = [];
      let where = '';
      if (action !== undefined) {
        where = action.endsWith('.') ? 'WHERE substr(action, 1, ?) = ?' : 'WHERE action = ?';
        if (action.endsWith('.')) params.push(action.length);
        params.push(action);
      }
      params.push(limit);
      return db.all<AuditRow>(`SELECT * FROM audit_log ${where} ORDER BY seq DESC LIMIT ?`, params).map(toEntry);
    },
    count: () => Number(db.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log')?.n ?? 0),
  };
}

export function auditWriter(db: SqlWriter): AuditWriter {
  return {
    ...auditReader(db),
    append: (e) => {
      db.run(
        `INSERT INTO audit_log (id, at, actor, actor_id, action, target, old_json, new_json, remote_address)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [e.id, e.at, e.actor, e.actorId, e.action, e.target, toJson(e.oldValue), toJson(e.newValue), e.remoteAddress],
      );
    },
  };
}
