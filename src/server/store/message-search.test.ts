import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from './memory-logger.js';
import {
  buildMessageSearch,
  ftsMatchExpression,
  lastMessagesQuery,
  messageSearchDdl,
  messagesBeforeQuery,
} from './message-search.js';
import { openSqlStore } from './open-sql-store.js';
import type { SqlStore } from './sql-store.js';

const TABLE = `CREATE TABLE messages (id INTEGER PRIMARY KEY, room_id INTEGER NOT NULL, room_seq INTEGER NOT NULL,
  author TEXT NOT NULL, posted_at INTEGER NOT NULL, text TEXT NOT NULL);`;

async function withMessages(): Promise<SqlStore> {
  const store = await openSqlStore({
    migrations: [{ version: 1, name: 'messages', up: TABLE + messageSearchDdl() }],
    logger: createMemoryLogger(),
  });
  const rows: [number, string, string][] = [
    [1, 'ann', 'Le café est prêt'],
    [1, 'bob', 'the quarterly report is ready'],
    [2, 'ann', 'report the CAFE outage'],
    [1, 'ann', 'ready or not, here is the report'],
    [2, 'cy', 'nothing to see'],
    [1, 'bob', 'Cafe, report, ready'],
  ];
  await store.transaction((db) => {
    const seqs = new Map<number, number>();
    rows.forEach(([room, author, text], i) => {
      const seq = (seqs.get(room) ?? 0) + 1;
      seqs.set(room, seq);
      db.run('INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?)', [i + 1, room, seq, author, 1000 * (i + 1), text]);
    });
  });
  return store;
}

const search = (store: SqlStore, q: Parameters<typeof buildMessageSearch>[0]): number[] => {
  const built = buildMessageSearch(q)!;
  return store.read((db) => db.all<{ id: number }>(built.sql, built.params)).map((r) => r.id);
};

describe('message search (FTS4, external content)', () => {
  it('matches all words, any word and exact phrases, newest first, ignoring case and diacritics', async () => {
    const store = await withMessages();
    expect(search(store, { text: 'cafe' })).toEqual([6, 3, 1]);
    expect(search(store, { text: 'café report' })).toEqual([6, 3]);
    expect(search(store, { text: 'cafe ready', mode: 'any' })).toEqual([6, 4, 3, 2, 1]);
    expect(search(store, { text: 'the report', mode: 'phrase' })).toEqual([4]);
    // user input is never FTS syntax: '-' and '*' are not operators, a quoted OR is a word
    expect(search(store, { text: 'report -cafe*' })).toEqual([6, 3]);
    expect(search(store, { text: 'ready "OR" NOT' })).toEqual([4]);
    await store.close();
  });

  it('filters by author, room and date, pages by id, and honours the limit', async () => {
    const store = await withMessages();
    expect(search(store, { text: 'report', author: 'bob' })).toEqual([6, 2]);
    expect(search(store, { text: 'report', roomIds: [2] })).toEqual([3]);
    expect(search(store, { text: 'report', from: 2000, to: 4000 })).toEqual([3, 2]);
    expect(search(store, { text: 'report', limit: 2 })).toEqual([6, 4]);
    expect(search(store, { text: 'report', limit: 2, beforeId: 4 })).toEqual([3, 2]);
    expect(buildMessageSearch({ text: ' !!! ' })).toBeNull();
    expect(ftsMatchExpression('a b', 'any')).toBe('"a" OR "b"');
    await store.close();
  });

  it('stays in sync on update and delete inside the same transaction', async () => {
    const store = await withMessages();
    await store.transaction((db) => {
      db.run('UPDATE messages SET text = ? WHERE id = 6', ['renamed entirely']);
      db.run('DELETE FROM messages WHERE id = 3');
    });
    expect(search(store, { text: 'cafe' })).toEqual([1]);
    expect(search(store, { text: 'entirely' })).toEqual([6]);
    await store.close();
  });

  it('reads the last N messages of a room and N before a sequence id', async () => {
    const store = await withMessages();
    const last = lastMessagesQuery(1, 2);
    expect(store.read((db) => db.all(last.sql, last.params)).map((r) => r.roomSeq)).toEqual([4, 3]);
    const before = messagesBeforeQuery(1, 3, 5);
    expect(store.read((db) => db.all(before.sql, before.params)).map((r) => r.roomSeq)).toEqual([2, 1]);
    const plan = store.read((db) => db.all(`EXPLAIN QUERY PLAN ${last.sql}`, last.params));
    expect(JSON.stringify(plan)).toContain('messages_room_seq');
    await store.close();
  });
});
