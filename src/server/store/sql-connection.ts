import type { Database, SqlJsStatic, Statement } from 'sql.js';
import type { Row, SqlParams, SqlValue } from './sql-store.js';

type BindParams = SqlValue[] | Record<string, SqlValue>;

const PREFIXES = [':', '@', '$'] as const;
const STATEMENT_CACHE_LIMIT = 256;

/** Named parameters may be given with or without their prefix (`{ id }` binds `:id`, `@id`, `$id`). */
export function toBindParams(params: SqlParams | undefined): BindParams | undefined {
  if (params === undefined) return undefined;
  if (Array.isArray(params)) return params as SqlValue[];
  const out: Record<string, SqlValue> = {};
  for (const [key, value] of Object.entries(params as Record<string, SqlValue>)) {
    if (PREFIXES.some((p) => key.startsWith(p))) out[key] = value;
    else for (const p of PREFIXES) out[p + key] = value;
  }
  return out;
}

/**
 * The one sql.js `Database` plus a statement cache. `export()` frees every prepared statement and
 * reopens the database (STYLE.md §2.7), so the cache is dropped and pragmas re-applied after it.
 */
export class SqlConnection {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private db: Database,
    private readonly pragmas: readonly string[] = [],
  ) {
    this.applyPragmas();
  }

  static create(sqlJs: SqlJsStatic, image?: Uint8Array, pragmas?: readonly string[]): SqlConnection {
    return new SqlConnection(image ? new sqlJs.Database(image) : new sqlJs.Database(), pragmas);
  }

  private applyPragmas(): void {
    for (const pragma of this.pragmas) this.db.exec(pragma);
  }

  private statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (stmt) {
      this.statements.delete(sql);
      this.statements.set(sql, stmt);
      return stmt;
    }
    stmt = this.db.prepare(sql);
    this.statements.set(sql, stmt);
    if (this.statements.size > STATEMENT_CACHE_LIMIT) {
      const [oldestSql, oldest] = this.statements.entries().next().value as [string, Statement];
      this.statements.delete(oldestSql);
      oldest.free();
    }
    return stmt;
  }

  all<T extends Row = Row>(sql: string, params?: SqlParams): T[] {
    const stmt = this.statement(sql);
    try {
      const bound = toBindParams(params);
      if (bound !== undefined) stmt.bind(bound);
      const rows: T[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject() as T);
      return rows;
    } finally {
      stmt.reset();
    }
  }

  get<T extends Row = Row>(sql: string, params?: SqlParams): T | undefined {
    const stmt = this.statement(sql);
    try {
      const bound = toBindParams(params);
      if (bound !== undefined) stmt.bind(bound);
      return stmt.step() ? (stmt.getAsObject() as T) : undefined;
    } finally {
      stmt.reset();
    }
  }

  run(sql: string, params?: SqlParams): { changes: number } {
    const stmt = this.statement(sql);
    try {
      const bound = toBindParams(params);
      if (bound !== undefined) stmt.bind(bound);
      while (stmt.step()) {
        /* drain RETURNING rows */
      }
    } finally {
      stmt.reset();
    }
    return { changes: this.db.getRowsModified() };
  }

  /** Runs one or more statements without parameters (migrations, schema). */
  exec(sql: string): void {
    this.db.exec(sql);
  }

  /** Whole database image; statements and pragmas are re-initialised afterwards. */
  export(): Uint8Array {
    this.clearStatements();
    const image = this.db.export();
    this.applyPragmas();
    return image;
  }

  private pageSize: number | undefined;

  sizeBytes(): number {
    const pageCount = this.get<{ n: number }>('SELECT page_count AS n FROM pragma_page_count()')?.n ?? 0;
    this.pageSize ??= this.get<{ n: number }>('SELECT page_size AS n FROM pragma_page_size()')?.n ?? 4096;
    return pageCount * this.pageSize;
  }

  private clearStatements(): void {
    for (const stmt of this.statements.values()) stmt.free();
    this.statements.clear();
  }

  close(): void {
    this.clearStatements();
    try {
      // leaving PERSIST mode deletes the kept rollback journal (sql.js only removes the database file)
      this.db.exec('PRAGMA journal_mode = DELETE');
    } catch {
      /* closing anyway */
    }
    this.db.close();
  }
}
