import initSqlJs, { type SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | undefined;

/**
 * Loads the sql.js wasm module once per process. In Node (and in the electron-vite main bundle,
 * where sql.js stays an external dependency) sql.js finds `sql-wasm.wasm` next to its own dist file.
 */
export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= initSqlJs().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
