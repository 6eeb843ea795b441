import type {
  CategoryPrincipalKind,
  CategoryScope,
  ChannelReader,
  ChannelWriter,
  FileToken,
  Invitation,
  MessageSearch,
  RoomRole,
  RoomRoles,
  ServerChatConfig,
  StoredFile,
  StoredMessage,
} from '../../services/channel/channel-repo-port.js';
import { buildMessageSearch, lastMessagesQuery, messagesBeforeQuery } from '../message-search.js';
import type { SqlReader, SqlValue, SqlWriter } from '../sql-store.js';
import { bit, bool, fromJson, toJson } from './sql-values.js';

type MessageRow = {
  id: number;
  room_id: number;
  room_seq: number;
  author: string;
  posted_at: number;
  text: string;
  alert: number;
  story_title: string | null;
  story_body: string | null;
  extra_json: string | null;
};

const MESSAGE_COLUMNS = 'id, room_id, room_seq, author, posted_at, text, alert, story_title, story_body, extra_json';

function toMessage(row: MessageRow): StoredMessage {
  const extra = fromJson(row.extra_json) as StoredMessage['extra'] | null;
  return {
    id: Number(row.id),
    roomNum: Number(row.room_id),
    seq: Number(row.room_seq),
    author: row.author,
    postedAt: Number(row.posted_at),
    text: row.text,
    alert: bool(row.alert),
    ...(row.story_title !== null && { story: { title: row.story_title, body: row.story_body ?? '' } }),
    ...(extra && { extra }),
  };
}

function byIds(db: SqlReader, ids: number[]): StoredMessage[] {
  if (ids.length === 0) return [];
  const rows = db.all<MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id DESC`,
    ids,
  );
  return rows.map(toMessage);
}

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(',');
}

export function channelReader(db: SqlReader): ChannelReader {
  const principals = (sql: string, params: SqlValue[]) => db.all<{ p: string }>(sql, params).map((r) => r.p);
  return {
    roomNum: (roomId) => {
      const row = db.get<{ n: number }>('SELECT room_num AS n FROM room_seq WHERE room_id = ?', [roomId]);
      return row === undefined ? undefined : Number(row.n);
    },
    roomIdByNum: (roomNum) =>
      db.get<{ id: string }>('SELECT room_id AS id FROM room_seq WHERE room_num = ?', [roomNum])?.id,
    roles: (roomId): RoomRoles => {
      const of = (role: RoomRole) =>
        principals('SELECT principal AS p FROM room_roles WHERE room_id = ? AND role = ? ORDER BY principal', [
          roomId,
          role,
        ]);
      return { members: of('member'), managers: of('manager'), presenters: of('presenter') };
    },
    scope: (categoryId): CategoryScope => {
      const of = (kind: CategoryPrincipalKind) =>
        principals(
          'SELECT principal AS p FROM category_principals WHERE category_id = ? AND kind = ? ORDER BY principal',
          [categoryId, kind],
        );
      return { allowedMembers: of('allowed'), deniedMembers: of('denied'), creators: of('creator') };
    },
    groupsOf: (userUri) =>
      principals('SELECT group_id AS p FROM group_members WHERE user_uri = ? ORDER BY group_id', [userUri]),
    roomsWithRole: (list, role) =>
      list.length === 0
        ? []
        : principals(
            `SELECT DISTINCT room_id AS p FROM room_roles WHERE role = ? AND principal IN (${placeholders(list)})`,
            [role, ...list],
          ),
    categoriesWithCreator: (list) =>
      list.length === 0
        ? []
        : principals(
            `SELECT DISTINCT category_id AS p FROM category_principals WHERE kind = 'creator' AND principal IN (${placeholders(list)})`,
            list,
          ),
    lastMessages: (roomNum, limit, beforeSeq) => {
      const q =
        beforeSeq === undefined ? lastMessagesQuery(roomNum, limit) : messagesBeforeQuery(roomNum, beforeSeq, limit);
      const ids = db.all<{ id: number }>(q.sql, q.params).map((r) => Number(r.id));
      return byIds(db, ids);
    },
    searchMessages: (query: MessageSearch) => {
      const built = buildMessageSearch({
        text: query.text,
        mode: query.mode,
        roomIds: query.roomNums,
        ...(query.author !== undefined && { author: query.author }),
        ...(query.from !== undefined && { from: query.from }),
        ...(query.to !== undefined && { to: query.to }),
        ...(query.beforeId !== undefined && { beforeId: query.beforeId }),
        limit: query.limit,
        maxLimit: query.limit,
      });
      if (built === null) return [];
      return byIds(
        db,
        db.all<{ id: number }>(built.sql, built.params).map((r) => Number(r.id)),
      );
    },
    messagesInWindow: (roomNum, opts) => {
      const where = ['room_id = ?'];
      const params: SqlValue[] = [roomNum];
      if (opts.author !== undefined) {
        where.push('author = ? COLLATE NOCASE');
        params.push(opts.author);
      }
      if (opts.from !== undefined) {
        where.push('posted_at >= ?');
        params.push(opts.from);
      }
      if (opts.to !== undefined) {
        where.push('posted_at <= ?');
        params.push(opts.to);
      }
      return db
        .all<MessageRow>(
          `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE ${where.join(' AND ')} ORDER BY room_seq`,
          params,
        )
        .map(toMessage);
    },
    countMessages: (roomNum) =>
      Number(db.get<{ n: number }>('SELECT COUNT(*) AS n FROM messages WHERE room_id = ?', [roomNum])?.n ?? 0),
    invitationsSince: (userUri, afterId) =>
      db
        .all<{ user_uri: string; invite_id: number; room_id: string; created_at: string }>(
          'SELECT * FROM invitations WHERE user_uri = ? AND invite_id > ? ORDER BY invite_id',
          [userUri, afterId],
        )
        .map(toInvitation),
    invitationsForRoom: (roomId) =>
      db
        .all<{ user_uri: string; invite_id: number; room_id: string; created_at: string }>(
          'SELECT * FROM invitations WHERE room_id = ? ORDER BY created_at, user_uri',
          [roomId],
        )
        .map(toInvitation),
    pref: (userUri, label) => {
      const row = db.get<{ label: string; seqid: number; content: string }>(
        'SELECT label, seqid, content FROM prefs WHERE user_uri = ? AND label = ?',
        [userUri, label],
      );
      return row && { label: row.label, seqid: Number(row.seqid), content: row.content };
    },
    follows: (userUri) => principals('SELECT room_id AS p FROM follows WHERE user_uri = ? ORDER BY room_id', [userUri]),
    unread: (userUri) =>
      db
        .all<{ room_id: string; last_seq: number; last_read_seq: number }>(
          `SELECT f.room_id, s.last_seq, f.last_read_seq FROM follows f JOIN room_seq s ON s.room_id = f.room_id
           WHERE f.user_uri = ? ORDER BY f.room_id`,
          [userUri],
        )
        .map((r) => ({
          roomId: r.room_id,
          lastSeq: Number(r.last_seq),
          unread: Math.max(0, Number(r.last_seq) - Number(r.last_read_seq)),
        })),
    serverConfig: (): ServerChatConfig => {
      const r = db.get<Record<string, SqlValue>>('SELECT * FROM server_config WHERE id = 1')!;
      return {
        defaultChatHistory: Number(r.default_chat_history),
        maxFileSizeKb: Number(r.max_file_size_kb),
        participantUpdateLimit: Number(r.participant_update_limit),
        messageSizeLimit: Number(r.message_size_limit),
        storySizeLimit: Number(r.story_size_limit),
        searchLimit: Number(r.search_limit),
        roomManagementUrl: String(r.room_management_url),
        dbVersion: String(r.db_version),
      };
    },
    fileToken: (token) => {
      const r = db.get<Record<string, SqlValue>>('SELECT * FROM file_tokens WHERE token = ?', [token]);
      return (
        r && {
          token: String(r.token),
          direction: r.direction as FileToken['direction'],
          userUri: String(r.user_uri),
          roomId: String(r.room_id),
          fileName: String(r.file_name),
          expiresAt: String(r.expires_at),
        }
      );
    },
    file: (roomId, idOrName) => {
      const r = db.get<Record<string, SqlValue>>(
        'SELECT * FROM files WHERE room_id = ? AND (id = ? OR name = ?) ORDER BY uploaded_at DESC LIMIT 1',
        [roomId, idOrName, idOrName],
      );
      return r && toFile(r);
    },
  };
}

function toInvitation(r: { user_uri: string; invite_id: number; room_id: string; created_at: string }): Invitation {
  return { userUri: r.user_uri, inviteId: Number(r.invite_id), roomId: r.room_id, createdAt: r.created_at };
}

function toFile(r: Record<string, SqlValue>): StoredFile {
  return {
    id: String(r.id),
    roomId: String(r.room_id),
    name: String(r.name),
    sha256: String(r.sha256),
    size: Number(r.size),
    uploadedBy: String(r.uploaded_by),
    uploadedAt: String(r.uploaded_at),
  };
}

export function channelWriter(db: SqlWriter): ChannelWriter {
  return {
    ...channelReader(db),
    // One statement each (RETURNING): these run once per post.
    nextSeq: (roomNum) =>
      Number(
        db.get<{ s: number }>(
          'UPDATE room_seq SET last_seq = last_seq + 1 WHERE room_num = ? RETURNING last_seq AS s',
          [roomNum],
        )!.s,
      ),
    insertMessage: (m) => {
      const row = db.get<{ id: number }>(
        `INSERT INTO messages (room_id, room_seq, author, posted_at, text, alert, story_title, story_body, extra_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [
          m.roomNum,
          m.seq,
          m.author,
          m.postedAt,
          m.text,
          bit(m.alert),
          m.story?.title ?? null,
          m.story?.body ?? null,
          toJson(m.extra),
        ],
      );
      return Number(row!.id);
    },
    updateMessageText: (id, text) => void db.run('UPDATE messages SET text = ? WHERE id = ?', [text, id]),
    deleteMessage: (id) => void db.run('DELETE FROM messages WHERE id = ?', [id]),
    deleteMessagesUntil: (roomNum, until) =>
      db.run('DELETE FROM messages WHERE room_id = ? AND posted_at <= ?', [roomNum, until]).changes,
    setRoles: (roomId, role, list) => {
      db.run('DELETE FROM room_roles WHERE room_id = ? AND role = ?', [roomId, role]);
      for (const p of new Set(list)) {
        db.run('INSERT OR IGNORE INTO room_roles (room_id, role, principal) VALUES (?, ?, ?)', [roomId, role, p]);
      }
    },
    setScope: (categoryId, kind, list) => {
      db.run('DELETE FROM category_principals WHERE category_id = ? AND kind = ?', [categoryId, kind]);
      for (const p of new Set(list)) {
        db.run('INSERT OR IGNORE INTO category_principals (category_id, kind, principal) VALUES (?, ?, ?)', [
          categoryId,
          kind,
          p,
        ]);
      }
    },
    addInvitation: (userUri, roomId, createdAt) => {
      db.run(
        `INSERT INTO invite_seq (user_uri, last_id) VALUES (?, 1)
         ON CONFLICT (user_uri) DO UPDATE SET last_id = last_id + 1`,
        [userUri],
      );
      const id = Number(db.get<{ n: number }>('SELECT last_id AS n FROM invite_seq WHERE user_uri = ?', [userUri])!.n);
      db.run('INSERT INTO invitations (user_uri, invite_id, room_id, created_at) VALUES (?, ?, ?, ?)', [
        userUri,
        id,
        roomId,
        createdAt,
      ]);
      return id;
    },
    setPref: (userUri, pref) =>
      void db.run(
        `INSERT INTO prefs (user_uri, label, seqid, content) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_uri, label) DO UPDATE SET seqid = excluded.seqid, content = excluded.content`,
        [userUri, pref.label, pref.seqid, pref.content],
      ),
    setFollow: (userUri, roomId, follow) =>
      void (follow
        ? db.run('INSERT OR IGNORE INTO follows (user_uri, room_id) VALUES (?, ?)', [userUri, roomId])
        : db.run('DELETE FROM follows WHERE user_uri = ? AND room_id = ?', [userUri, roomId])),
    markRead: (userUri, roomId, seq) =>
      void db.run('UPDATE follows SET last_read_seq = MAX(last_read_seq, ?) WHERE user_uri = ? AND room_id = ?', [
        seq,
        userUri,
        roomId,
      ]),
    updateServerConfig: (c) =>
      void db.run(
        `UPDATE server_config SET default_chat_history = ?, max_file_size_kb = ?, participant_update_limit = ?,
           message_size_limit = ?, story_size_limit = ?, search_limit = ?, room_management_url = ? WHERE id = 1`,
        [
          c.defaultChatHistory,
          c.maxFileSizeKb,
          c.participantUpdateLimit,
          c.messageSizeLimit,
          c.storySizeLimit,
          c.searchLimit,
          c.roomManagementUrl,
        ],
      ),
    insertFileToken: (t) =>
      void db.run(
        'INSERT INTO file_tokens (token, direction, user_uri, room_id, file_name, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
        [t.token, t.direction, t.userUri, t.roomId, t.fileName, t.expiresAt],
      ),
    deleteFileToken: (token) => void db.run('DELETE FROM file_tokens WHERE token = ?', [token]),
    insertFile: (f) =>
      void db.run(
        'INSERT INTO files (id, room_id, name, sha256, size, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [f.id, f.roomId, f.name, f.sha256, f.size, f.uploadedBy, f.uploadedAt],
      ),
  };
}
