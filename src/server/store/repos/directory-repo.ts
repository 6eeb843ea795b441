import type {
  Addin,
  AddinRecord,
  DirectoryReader,
  DirectoryWriter,
  Group,
} from '../../services/channel/admin/directory-repo-port.js';
import type { SqlReader, SqlWriter } from '../sql-store.js';

type AddinRow = { id: string; name: string; url: string; created_at: string; updated_at: string; room_count: number };
type GroupRow = { id: string; name: string; description: string; created_at: string; updated_at: string };

const ADDIN_SELECT = `SELECT a.*, (SELECT COUNT(*) FROM rooms r WHERE r.addin_id = a.id) AS room_count FROM addins a`;

function toAddin(r: AddinRow): Addin {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    roomCount: Number(r.room_count),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function directoryReader(db: SqlReader): DirectoryReader {
  const group = (r: GroupRow | undefined): Group | undefined =>
    r && {
      id: r.id,
      name: r.name,
      description: r.description,
      members: db
        .all<{ u: string }>('SELECT user_uri AS u FROM group_members WHERE group_id = ? ORDER BY user_uri', [r.id])
        .map((m) => m.u),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  return {
    listAddins: () => db.all<AddinRow>(`${ADDIN_SELECT} ORDER BY a.name COLLATE NOCASE`).map(toAddin),
    getAddin: (id) => {
      const r = db.get<AddinRow>(`${ADDIN_SELECT} WHERE a.id = ?`, [id]);
      return r && toAddin(r);
    },
    findAddinByName: (name) => {
      const r = db.get<AddinRow>(`${ADDIN_SELECT} WHERE a.name = ? COLLATE NOCASE`, [name]);
      return r && toAddin(r);
    },
    roomAddin: (roomId) =>
      db.get<{ a: string | null }>('SELECT addin_id AS a FROM rooms WHERE id = ?', [roomId])?.a ?? null,
    listGroups: () => db.all<GroupRow>('SELECT * FROM groups ORDER BY name COLLATE NOCASE').map((r) => group(r)!),
    getGroup: (id) => group(db.get<GroupRow>('SELECT * FROM groups WHERE id = ?', [id])),
    findGroupByName: (name) => group(db.get<GroupRow>('SELECT * FROM groups WHERE name = ? COLLATE NOCASE', [name])),
  };
}

export function directoryWriter(db: SqlWriter): DirectoryWriter {
  const members = (g: Group) => {
    db.run('DELETE FROM group_members WHERE group_id = ?', [g.id]);
    for (const uri of new Set(g.members)) {
      db.run('INSERT OR IGNORE INTO group_members (group_id, user_uri) VALUES (?, ?)', [g.id, uri]);
    }
  };
  return {
    ...directoryReader(db),
    insertAddin: (a: AddinRecord) =>
      void db.run('INSERT INTO addins (id, name, url, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
        a.id,
        a.name,
        a.url,
        a.createdAt,
        a.updatedAt,
      ]),
    updateAddin: (a) =>
      void db.run('UPDATE addins SET name = ?, url = ?, updated_at = ? WHERE id = ?', [
        a.name,
        a.url,
        a.updatedAt,
        a.id,
      ]),
    deleteAddin: (id) => void db.run('DELETE FROM addins WHERE id = ?', [id]),
    setRoomAddin: (roomId, addinId) => void db.run('UPDATE rooms SET addin_id = ? WHERE id = ?', [addinId, roomId]),
    detachAddin: (addinId) => db.run('UPDATE rooms SET addin_id = NULL WHERE addin_id = ?', [addinId]).changes,
    insertGroup: (g) => {
      db.run('INSERT INTO groups (id, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
        g.id,
        g.name,
        g.description,
        g.createdAt,
        g.updatedAt,
      ]);
      members(g);
    },
    updateGroup: (g) => {
      db.run('UPDATE groups SET name = ?, description = ?, updated_at = ? WHERE id = ?', [
        g.name,
        g.description,
        g.updatedAt,
        g.id,
      ]);
      members(g);
    },
    deleteGroup: (id) => void db.run('DELETE FROM groups WHERE id = ?', [id]),
  };
}
