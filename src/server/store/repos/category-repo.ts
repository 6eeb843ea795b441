import type {
  Category,
  CategoryReader,
  CategoryRecord,
  CategoryWriter,
} from '../../services/categories/category-repo-port.js';
import type { SqlReader, SqlWriter } from '../sql-store.js';
import { bit, bool } from './sql-values.js';

type CategoryRow = {
  id: string;
  uri: string;
  name: string;
  description: string;
  invitations: number;
  file_upload: number;
  chat_history: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  room_count: number;
};

const SELECT = `SELECT c.*, (SELECT COUNT(*) FROM rooms r WHERE r.category_id = c.id) AS room_count FROM categories c`;

function toRecord(row: CategoryRow): CategoryRecord {
  return {
    id: row.id,
    uri: row.uri,
    name: row.name,
    description: row.description,
    invitations: bool(row.invitations),
    fileUpload: bool(row.file_upload),
    chatHistory: bool(row.chat_history),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function toCategory(row: CategoryRow): Category {
  const { createdBy: _c, updatedBy: _u, ...rest } = toRecord(row);
  return { ...rest, roomCount: Number(row.room_count) };
}

export function categoryReader(db: SqlReader): CategoryReader {
  const one = (where: string, param: string) => db.get<CategoryRow>(`${SELECT} WHERE ${where}`, [param]);
  return {
    list: () => db.all<CategoryRow>(`${SELECT} ORDER BY c.name COLLATE NOCASE, c.id`).map(toCategory),
    get: (id) => {
      const row = one('c.id = ?', id);
      return row && toCategory(row);
    },
    getRecord: (id) => {
      const row = one('c.id = ?', id);
      return row && toRecord(row);
    },
    findByName: (name) => {
      const row = one('c.name = ? COLLATE NOCASE', name);
      return row && toCategory(row);
    },
    count: () => Number(db.get<{ n: number }>('SELECT COUNT(*) AS n FROM categories')?.n ?? 0),
  };
}

export function categoryWriter(db: SqlWriter): CategoryWriter {
  const params = (r: CategoryRecord) => [
    r.uri,
    r.name,
    r.description,
    bit(r.invitations),
    bit(r.fileUpload),
    bit(r.chatHistory),
    r.createdAt,
    r.createdBy,
    r.updatedAt,
    r.updatedBy,
    r.id,
  ];
  return {
    ...categoryReader(db),
    insert: (r) => {
      db.run(
        `INSERT INTO categories (uri, name, description, invitations, file_upload, chat_history,
           created_at, created_by, updated_at, updated_by, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        params(r),
      );
    },
    update: (r) => {
      db.run(
        `UPDATE categories SET uri = ?, name = ?, description = ?, invitations = ?, file_upload = ?,
           chat_history = ?, created_at = ?, created_by = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
        params(r),
      );
    },
    delete: (id) => {
      db.run('DELETE FROM categories WHERE id = ?', [id]);
    },
  };
}
