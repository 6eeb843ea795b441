import type { SqlParams, SqlValue } from './sql-store.js';

/**
 * Message history and full-text search over sql.js (issue 3 §5, §8), for the channel service's
 * migration and repository to adopt. sql.js has FTS4 (not FTS5): an **external-content** FTS4 table
 * over `messages.text` with the unicode61 tokenizer (diacritics removed), kept in sync by triggers
 * inside the writing transaction, so journal replay rebuilds it exactly.
 *
 * Expected columns of the messages table (names configurable):
 *   id INTEGER PRIMARY KEY   (the FTS docid; grows with time)
 *   room_id INTEGER, room_seq INTEGER   (per-room sequence id)
 *   author TEXT, posted_at INTEGER (ms since epoch), text TEXT
 */
export interface MessageTableNames {
  table: string;
  fts: string;
  id: string;
  roomId: string;
  roomSeq: string;
  author: string;
  postedAt: string;
  text: string;
}

export const DEFAULT_MESSAGE_TABLE: MessageTableNames = {
  table: 'messages',
  fts: 'message_fts',
  id: 'id',
  roomId: 'room_id',
  roomSeq: 'room_seq',
  author: 'author',
  postedAt: 'posted_at',
  text: 'text',
};

/**
 * The four sync triggers as SQLite stores them in `sqlite_master.sql` (`CREATE TRIGGER name …END`),
 * keyed by trigger name. Journal replay recognises them by this exact text (see fts-replay.ts).
 */
export function messageSearchTriggers(n: MessageTableNames = DEFAULT_MESSAGE_TABLE): Record<string, string> {
  return {
    [`${n.fts}_ai`]: `CREATE TRIGGER ${n.fts}_ai AFTER INSERT ON ${n.table} BEGIN
  INSERT INTO ${n.fts} (docid, ${n.text}) VALUES (new.${n.id}, new.${n.text});
END`,
    [`${n.fts}_bd`]: `CREATE TRIGGER ${n.fts}_bd BEFORE DELETE ON ${n.table} BEGIN
  DELETE FROM ${n.fts} WHERE docid = old.${n.id};
END`,
    [`${n.fts}_bu`]: `CREATE TRIGGER ${n.fts}_bu BEFORE UPDATE OF ${n.text} ON ${n.table} BEGIN
  DELETE FROM ${n.fts} WHERE docid = old.${n.id};
END`,
    [`${n.fts}_au`]: `CREATE TRIGGER ${n.fts}_au AFTER UPDATE OF ${n.text} ON ${n.table} BEGIN
  INSERT INTO ${n.fts} (docid, ${n.text}) VALUES (new.${n.id}, new.${n.text});
END`,
  };
}

/** The FTS table's DDL as stored in `sqlite_master.sql`. */
export function messageSearchFtsTableSql(n: MessageTableNames = DEFAULT_MESSAGE_TABLE): string {
  return `CREATE VIRTUAL TABLE ${n.fts} USING fts4(content="${n.table}", ${n.text}, tokenize=unicode61 "remove_diacritics=1")`;
}

/** DDL for the FTS table, its sync triggers and the history indexes (run after the table exists). */
export function messageSearchDdl(n: MessageTableNames = DEFAULT_MESSAGE_TABLE): string {
  const triggers = Object.values(messageSearchTriggers(n)).map(
    (sql) => `${sql.replace(/^CREATE TRIGGER /, 'CREATE TRIGGER IF NOT EXISTS ')};`,
  );
  return `CREATE UNIQUE INDEX IF NOT EXISTS ${n.table}_room_seq ON ${n.table} (${n.roomId}, ${n.roomSeq});
CREATE INDEX IF NOT EXISTS ${n.table}_author ON ${n.table} (${n.author}, ${n.id});
CREATE INDEX IF NOT EXISTS ${n.table}_posted ON ${n.table} (${n.postedAt});
${messageSearchFtsTableSql(n).replace(/^CREATE VIRTUAL TABLE /, 'CREATE VIRTUAL TABLE IF NOT EXISTS ')};
${triggers.join('\n')}`;
}

/** Re-indexes existing rows (after adding FTS to a table that already has messages). */
export function messageSearchRebuildSql(n: MessageTableNames = DEFAULT_MESSAGE_TABLE): string {
  return `INSERT INTO ${n.fts} (${n.fts}) VALUES ('rebuild')`;
}

export type SearchMode = 'all' | 'any' | 'phrase';

export interface MessageSearchQuery {
  text: string;
  mode?: SearchMode;
  roomIds?: readonly number[];
  author?: string;
  /** Inclusive lower bound on posted_at (ms). */
  from?: number;
  /** Exclusive upper bound on posted_at (ms). */
  to?: number;
  /** Keyset paging: only messages with id below this (the last id of the previous page). */
  beforeId?: number;
  /** Results per page (default 50, capped by `maxLimit`). */
  limit?: number;
  maxLimit?: number;
}

export interface BuiltQuery {
  sql: string;
  params: SqlParams;
}

const WORD = /[\p{L}\p{N}_]+/gu;

/** The FTS4 MATCH expression; every word is quoted so no user input is FTS syntax. */
export function ftsMatchExpression(text: string, mode: SearchMode = 'all'): string | null {
  const words = text.normalize('NFC').match(WORD) ?? [];
  if (words.length === 0) return null;
  if (mode === 'phrase') return `"${words.join(' ')}"`;
  return words.map((w) => `"${w}"`).join(mode === 'any' ? ' OR ' : ' ');
}

/**
 * Newest-first search: FTS4 walks its docids in descending order and stops at the limit, so a
 * query does not sort every match. Returns null when the text has no searchable word.
 */
export function buildMessageSearch(
  q: MessageSearchQuery,
  n: MessageTableNames = DEFAULT_MESSAGE_TABLE,
): BuiltQuery | null {
  const match = ftsMatchExpression(q.text, q.mode);
  if (match === null) return null;
  const where = [`${n.fts} MATCH ?`];
  const params: SqlValue[] = [match];
  if (q.roomIds && q.roomIds.length > 0) {
    where.push(`m.${n.roomId} IN (${q.roomIds.map(() => '?').join(', ')})`);
    params.push(...q.roomIds);
  }
  if (q.author !== undefined) {
    where.push(`m.${n.author} = ?`);
    params.push(q.author);
  }
  if (q.from !== undefined) {
    where.push(`m.${n.postedAt} >= ?`);
    params.push(q.from);
  }
  if (q.to !== undefined) {
    where.push(`m.${n.postedAt} < ?`);
    params.push(q.to);
  }
  if (q.beforeId !== undefined) {
    where.push(`f.docid < ?`);
    params.push(q.beforeId);
  }
  const limit = Math.max(1, Math.min(q.limit ?? 50, q.maxLimit ?? 500));
  params.push(limit);
  const sql = `SELECT m.${n.id} AS id, m.${n.roomId} AS roomId, m.${n.roomSeq} AS roomSeq, m.${n.author} AS author, m.${n.postedAt} AS postedAt, m.${n.text} AS text
FROM ${n.fts} AS f JOIN ${n.table} AS m ON m.${n.id} = f.docid
WHERE ${where.join(' AND ')}
ORDER BY f.docid DESC
LIMIT ?`;
  return { sql, params };
}

/** The last `limit` messages of a room, newest first (uses the (room, room_seq) index). */
export function lastMessagesQuery(
  roomId: number,
  limit: number,
  n: MessageTableNames = DEFAULT_MESSAGE_TABLE,
): BuiltQuery {
  return {
    sql: `SELECT ${n.id} AS id, ${n.roomSeq} AS roomSeq, ${n.author} AS author, ${n.postedAt} AS postedAt, ${n.text} AS text
FROM ${n.table} WHERE ${n.roomId} = ? ORDER BY ${n.roomSeq} DESC LIMIT ?`,
    params: [roomId, limit],
  };
}

/** `limit` messages of a room before per-room sequence id `beforeSeq`, newest first. */
export function messagesBeforeQuery(
  roomId: number,
  beforeSeq: number,
  limit: number,
  n: MessageTableNames = DEFAULT_MESSAGE_TABLE,
): BuiltQuery {
  return {
    sql: `SELECT ${n.id} AS id, ${n.roomSeq} AS roomSeq, ${n.author} AS author, ${n.postedAt} AS postedAt, ${n.text} AS text
FROM ${n.table} WHERE ${n.roomId} = ? AND ${n.roomSeq} < ? ORDER BY ${n.roomSeq} DESC LIMIT ?`,
    params: [roomId, beforeSeq, limit],
  };
}
