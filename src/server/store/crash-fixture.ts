/**
 * Child process for the crash test (crash.test.ts): runs the real durable store and prints
 * `ack <id>` on stdout only after the transaction's promise resolved. Started as a bundled script:
 *   node crash-fixture.mjs <dir> <firstId> <writers>
 * On start it prints one `recovered <json>` line describing what survived.
 */
import { createMemoryLogger } from './memory-logger.js';
import { openSqlStore } from './open-sql-store.js';
import type { Migration } from './migration.js';

export const CRASH_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'crash',
    up: `CREATE TABLE items (id INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE item_checks (id INTEGER NOT NULL);
CREATE TABLE totals (k TEXT PRIMARY KEY, n INTEGER NOT NULL);
INSERT INTO totals VALUES ('items', 0);`,
  },
];

async function main(): Promise<void> {
  const [dir, firstIdArg, writersArg] = process.argv.slice(2);
  const out = (line: string): void => {
    process.stdout.write(line + '\n');
  };
  const logger = createMemoryLogger('crash');
  let store;
  try {
    store = await openSqlStore({
      dir: dir!,
      migrations: CRASH_MIGRATIONS,
      logger,
      snapshotEveryFrames: 40,
      groupCommitWindowMs: 1,
    });
  } catch (error) {
    out(`error ${JSON.stringify({ code: (error as { code?: string }).code, message: (error as Error).message })}`);
    process.exit(3);
  }
  const state = store.read((db) => ({
    ids: db.all<{ id: number }>('SELECT id FROM items ORDER BY id').map((r) => r.id),
    checks: db.all<{ id: number }>('SELECT id FROM item_checks ORDER BY id').map((r) => r.id),
    total: db.get<{ n: number }>("SELECT n FROM totals WHERE k = 'items'")!.n,
  }));
  out(
    `recovered ${JSON.stringify({ ...state, warnings: logger.records.filter((r) => r.level === 'warn').map((r) => r.msg) })}`,
  );

  let next = Number(firstIdArg);
  const writer = async (): Promise<void> => {
    for (;;) {
      const id = next++;
      await store.transaction((db) => {
        db.run('INSERT INTO items (id, body) VALUES (?, ?)', [id, `message ${id} `.repeat(1 + (id % 20))]);
        db.run('INSERT INTO item_checks (id) VALUES (?)', [id]);
        db.run("UPDATE totals SET n = n + 1 WHERE k = 'items'");
      });
      out(`ack ${id}`);
    }
  };
  await Promise.all(Array.from({ length: Number(writersArg ?? 4) }, () => writer()));
}

void main();
