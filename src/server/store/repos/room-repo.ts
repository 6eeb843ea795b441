import type { Room, RoomFilter, RoomReader, RoomRecord, RoomWriter } from '../../services/rooms/room-repo-port.js';
import type { SqlReader, SqlValue, SqlWriter } from '../sql-store.js';
import { bit, bool, likeContains } from './sql-values.js';

type RoomRow = {
  id: string;
  uri: string;
  name: string;
  description: string;
  privacy: string;
  type: string;
  invitations: string;
  disabled: number;
  category_id: string;
  category_name: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
};

const SELECT = `SELECT r.*, c.name AS category_name FROM rooms r JOIN categories c ON c.id = r.category_id`;

function toRoom(row: RoomRow): Room {
  return {
    id: row.id,
    uri: row.uri,
    name: row.name,
    description: row.description,
    privacy: row.privacy as Room['privacy'],
    type: row.type as Room['type'],
    invitations: row.invitations as Room['invitations'],
    disabled: bool(row.disabled),
    categoryId: row.category_id,
    categoryName: row.category_name,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function roomReader(db: SqlReader): RoomReader {
  const one = (where: string, param: string) => {
    const row = db.get<RoomRow>(`${SELECT} WHERE ${where}`, [param]);
    return row && toRoom(row);
  };
  return {
    list: (filter: RoomFilter) => {
      const where: string[] = [];
      const params: SqlValue[] = [];
      const equal = (column: string, value: SqlValue | undefined) => {
        if (value === undefined) return;
        where.push(`r.${column} = ?`);
        params.push(value);
      };
      equal('category_id', filter.categoryId);
      equal('privacy', filter.privacy);
      equal('type', filter.type);
      equal('disabled', filter.disabled === undefined ? undefined : bit(filter.disabled));
      if (filter.search !== undefined && filter.search.trim() !== '') {
        const like = likeContains(filter.search.trim());
        where.push(`(r.name LIKE ? ESCAPE '\\' OR r.description LIKE ? ESCAPE '\\')`);
        params.push(like, like);
      }
      const sql = `${SELECT}${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY r.name COLLATE NOCASE, r.id`;
      return db.all<RoomRow>(sql, params).map(toRoom);
    },
    get: (id) => one('r.id = ?', id),
    findByName: (name) => one('r.name = ? COLLATE NOCASE', name),
    countInCategory: (categoryId) =>
      Number(db.get<{ n: number }>('SELECT COUNT(*) AS n FROM rooms WHERE category_id = ?', [categoryId])?.n ?? 0),
    count: () => Number(db.get<{ n: number }>('SELECT COUNT(*) AS n FROM rooms')?.n ?? 0),
  };
}

export function roomWriter(db: SqlWriter): RoomWriter {
  const params = (r: RoomRecord) => [
    r.uri,
    r.name,
    r.description,
    r.privacy,
    r.type,
    r.invitations,
    bit(r.disabled),
    r.categoryId,
    r.createdAt,
    r.createdBy,
    r.updatedAt,
    r.updatedBy,
    r.id,
  ];
  return {
    ...roomReader(db),
    insert: (r) => {
      db.run(
        `INSERT INTO rooms (uri, name, description, privacy, type, invitations, disabled, category_id,
           created_at, created_by, updated_at, updated_by, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        params(r),
      );
    },
    update: (r) => {
      db.run(
        `UPDATE rooms SET uri = ?, name = ?, description = ?, privacy = ?, type = ?, invitations = ?,
           disabled = ?, category_id = ?, created_at = ?, created_by = ?, updated_at = ?, updated_by = ?
         WHERE id = ?`,
        params(r),
      );
    },
    delete: (id) => {
      db.run('DELETE FROM rooms WHERE id = ?', [id]);
    },
  };
}
