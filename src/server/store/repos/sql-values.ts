import type { SqlValue } from '../sql-store.js';

export function bool(value: SqlValue | undefined): boolean {
  return Number(value) === 1;
}

export function bit(value: boolean): number {
  return value ? 1 : 0;
}

/** Escapes `%`, `_` and `\` for `LIKE ? ESCAPE '\'`. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}

export function toJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export function fromJson(value: SqlValue | undefined): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : null;
}
