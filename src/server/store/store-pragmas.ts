/**
 * Pragmas re-applied on open and after every export (export() resets them).
 *
 * The database file lives in Emscripten's in-memory file system, where durability comes from our
 * journal, not from SQLite's. SQLite's rollback journal there only serves ROLLBACK (whole and
 * statement-level), which works the same in every journal mode; in the default DELETE mode each
 * commit creates, grows (copying on every doubling) and unlinks a MEMFS file. PERSIST keeps the
 * file and only zeroes its header (~45 % more acknowledged transactions/s, measured); the size
 * limit keeps what it retains between transactions to 4 MB. The journal stays in JavaScript
 * memory (MEMFS), not the 32-bit wasm heap, unlike journal_mode=MEMORY.
 *
 * Nothing but this thread ever opens the MEMFS file, so the file lock can be held for good
 * (locking_mode EXCLUSIVE): SQLite then skips, at every transaction, the hot-journal check and
 * the re-read of the header that detect other processes' changes; and MEMFS has nothing to
 * sync, so SQLite's own sync bookkeeping is off (synchronous OFF; our journal is fsynced). A
 * post-shaped transaction (two updates, two inserts with FTS4 and four indexes) went from 66 to
 * 46 µs in sql.js alone, measured.
 */
export const STORE_PRAGMAS: readonly string[] = [
  'PRAGMA foreign_keys = ON',
  'PRAGMA locking_mode = EXCLUSIVE',
  'PRAGMA synchronous = OFF',
  'PRAGMA journal_mode = PERSIST',
  'PRAGMA journal_size_limit = 4194304',
];
