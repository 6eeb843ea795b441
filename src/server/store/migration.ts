/**
 * A schema migration. Migrations are TypeScript modules (`migrations/0001-init.ts`) so they are
 * bundled with the worker; the store applies those above `meta.schema_version` in order, each in
 * its own transaction, and records the new version in the same transaction.
 */
export interface Migration {
  version: number;
  name: string;
  /** One or more SQL statements. Deterministic: no random() or now(). */
  up: string;
}
