import { messageSearchFtsTableSql, messageSearchTriggers, type MessageTableNames } from './message-search.js';
import type { SqlConnection } from './sql-connection.js';

/**
 * Deferred full-text maintenance during journal replay.
 *
 * Live, every statement that writes a message runs the FTS4 sync triggers, and FTS4 flushes its
 * pending terms into a new index segment at every statement savepoint: one segment (plus merges)
 * per message, ~25 µs each at a million messages. Replay would pay that for every frame. Instead,
 * for the external-content FTS tables created by `messageSearchDdl` (recognised by their exact
 * stored SQL), replay swaps the four sync triggers for temporary ones that
 *   - remember rows inserted during replay in a temporary "pending" table instead of indexing them;
 *   - on delete / text update of a pending row do nothing to the index (it has no entry yet) and,
 *     on delete, forget it;
 *   - on delete / text update of any other row do exactly what the live triggers do;
 * and at the end index every still-pending row with its final text in one statement, then drops
 * the temporary objects and re-creates the original triggers with their original SQL.
 *
 * For each row the index ends with the same entries as live (insert t1 … update to t2 … ≡ insert
 * t2; insert … delete ≡ nothing), so every MATCH, offsets() and fts4aux figure is the same; only
 * the index's internal segment layout differs. That equivalence needs every removal of an indexed
 * row to go through the delete/update triggers, so deferral is used only when nothing can bypass
 * or observe them: no `REPLACE` conflict resolution anywhere (it deletes rows without delete
 * triggers), no statement other than INSERT/UPDATE/DELETE, nothing that names the FTS table or the
 * schema, and no rowid change of a message (a temporary trigger aborts, and replay starts again
 * without deferral). Any failure while deferred is retried the ordinary way, so errors (and the
 * frame, file and offset they name) come from the ordinary replay.
 */
export interface FtsReplayPlan {
  setups: readonly FtsSetup[];
}

interface FtsSetup {
  names: Pick<MessageTableNames, 'table' | 'fts' | 'id' | 'text'>;
  /** Original trigger SQL, re-created after replay. */
  triggers: Record<string, string>;
  pending: string;
}

type MasterRow = {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
};

const IDENT = '[A-Za-z_][A-Za-z0-9_]*';
const FTS_TABLE_RE = new RegExp(
  `^CREATE VIRTUAL TABLE (${IDENT}) USING fts4\\(content="(${IDENT})", (${IDENT}), tokenize=unicode61 "remove_diacritics=1"\\)$`,
);
const AI_ID_RE = new RegExp(`VALUES \\(new\\.(${IDENT}), new\\.${IDENT}\\);`);
const LEADING_COMMENTS = /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*/;
const WRITE_STATEMENT = /^(?:insert|update|delete|with)\b/i;
const TEMP_PREFIX = 'parlance_replay_fts';

function findSetups(master: readonly MasterRow[]): Omit<FtsSetup, 'pending'>[] {
  const byName = new Map(master.map((r) => [r.name, r]));
  const setups: Omit<FtsSetup, 'pending'>[] = [];
  for (const row of master) {
    const m = row.type === 'table' && row.sql ? FTS_TABLE_RE.exec(row.sql) : null;
    if (!m) continue;
    const [, fts, table, text] = m as unknown as [string, string, string, string];
    const ai = byName.get(`${fts}_ai`)?.sql ?? '';
    const id = AI_ID_RE.exec(ai)?.[1];
    if (id === undefined) continue;
    const names = { table, fts, id, text };
    const full = { ...names, roomId: '', roomSeq: '', author: '', postedAt: '' };
    if (messageSearchFtsTableSql(full) !== row.sql) continue;
    const expected = messageSearchTriggers(full);
    const intact = Object.entries(expected).every(([name, sql]) => {
      const stored = byName.get(name);
      return stored?.type === 'trigger' && stored.tbl_name === table && stored.sql === sql;
    });
    if (intact) setups.push({ names, triggers: expected });
  }
  return setups;
}

/**
 * Decides whether replaying `statements` (the distinct SQL of the frames to replay) may defer FTS
 * maintenance; null when there is nothing to defer or anything could tell the difference.
 */
export function planFtsReplay(conn: SqlConnection, statements: Iterable<string>): FtsReplayPlan | null {
  const master = [
    ...conn.all<MasterRow>('SELECT type, name, tbl_name, sql FROM sqlite_master'),
    ...conn.all<MasterRow>('SELECT type, name, tbl_name, sql FROM sqlite_temp_master'),
  ];
  const found = findSetups(master);
  if (found.length === 0) return null;
  const ftsNames = found.map((s) => s.names.fts.toLowerCase());
  const tables = new Set(found.map((s) => s.names.table.toLowerCase()));
  const ours = new Set(found.flatMap((s) => Object.keys(s.triggers)));
  const mentionsFts = (sql: string): boolean => ftsNames.some((f) => sql.toLowerCase().includes(f));
  for (const row of master) {
    const sql = row.sql ?? '';
    if (row.name.startsWith(TEMP_PREFIX)) return null;
    if (row.type === 'trigger' && !ours.has(row.name) && (/replace/i.test(sql) || mentionsFts(sql))) return null;
    if (row.type === 'view' && mentionsFts(sql)) return null;
    // ON CONFLICT REPLACE in the message table's or its indexes' definitions
    if (tables.has(row.tbl_name.toLowerCase()) && row.type !== 'trigger' && /replace/i.test(sql)) return null;
  }
  for (const sql of statements) {
    const body = sql.replace(LEADING_COMMENTS, '');
    if (!WRITE_STATEMENT.test(body) || /replace|sqlite_/i.test(sql) || mentionsFts(sql)) return null;
  }
  return { setups: found.map((s, i) => ({ ...s, pending: `${TEMP_PREFIX}_pending_${i}` })) };
}

/** Swaps the sync triggers for the deferring ones (inside the replay's first transaction). */
export function beginFtsReplay(conn: SqlConnection, plan: FtsReplayPlan): void {
  for (const { names, triggers, pending } of plan.setups) {
    const { table: t, fts: f, id, text } = names;
    const p = pending;
    const notPending = (ref: string): string => `NOT EXISTS (SELECT 1 FROM ${p} WHERE id = ${ref}.${id})`;
    for (const name of Object.keys(triggers)) conn.exec(`DROP TRIGGER main.${name}`);
    conn.exec(`CREATE TEMP TABLE ${p} (id INTEGER PRIMARY KEY);
CREATE TEMP TRIGGER ${p}_ai AFTER INSERT ON main.${t} BEGIN
  INSERT INTO ${p} (id) VALUES (new.${id});
END;
CREATE TEMP TRIGGER ${p}_bd BEFORE DELETE ON main.${t} WHEN ${notPending('old')} BEGIN
  DELETE FROM ${f} WHERE docid = old.${id};
END;
CREATE TEMP TRIGGER ${p}_ad AFTER DELETE ON main.${t} BEGIN
  DELETE FROM ${p} WHERE id = old.${id};
END;
CREATE TEMP TRIGGER ${p}_bu BEFORE UPDATE OF ${text} ON main.${t} WHEN ${notPending('old')} BEGIN
  DELETE FROM ${f} WHERE docid = old.${id};
END;
CREATE TEMP TRIGGER ${p}_au AFTER UPDATE OF ${text} ON main.${t} WHEN ${notPending('new')} BEGIN
  INSERT INTO ${f} (docid, ${text}) VALUES (new.${id}, new.${text});
END;
CREATE TEMP TRIGGER ${p}_rowid AFTER UPDATE ON main.${t} WHEN old.${id} IS NOT new.${id} BEGIN
  SELECT RAISE(ABORT, 'a message rowid changed: deferred FTS replay does not apply');
END;`);
  }
}

/** Indexes the pending rows, drops the temporary objects, restores the original triggers. */
export function finishFtsReplay(conn: SqlConnection, plan: FtsReplayPlan): void {
  for (const { names, triggers, pending: p } of plan.setups) {
    const { table: t, fts: f, id, text } = names;
    conn.run(
      `INSERT INTO ${f} (docid, ${text}) SELECT ${id}, ${text} FROM main.${t} WHERE ${id} IN (SELECT id FROM ${p}) ORDER BY ${id}`,
    );
    for (const suffix of ['ai', 'bd', 'ad', 'bu', 'au', 'rowid']) conn.exec(`DROP TRIGGER temp.${p}_${suffix}`);
    conn.exec(`DROP TABLE temp.${p}`);
    for (const sql of Object.values(triggers)) conn.exec(sql);
  }
}
