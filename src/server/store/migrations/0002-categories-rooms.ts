import type { Migration } from '../migration.js';

/**
 * Categories and rooms (LYNC.md §2.2, §2.3). Names are unique per pool, case-insensitively.
 * Booleans are 0/1. A room belongs to exactly one category.
 */
export const migration0002CategoriesRooms: Migration = {
  version: 2,
  name: 'categories-rooms',
  up: `
    CREATE TABLE categories (
      id           TEXT PRIMARY KEY NOT NULL,
      uri          TEXT NOT NULL UNIQUE,
      name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
      description  TEXT NOT NULL DEFAULT '',
      invitations  INTEGER NOT NULL CHECK (invitations IN (0, 1)),
      file_upload  INTEGER NOT NULL CHECK (file_upload IN (0, 1)),
      chat_history INTEGER NOT NULL CHECK (chat_history IN (0, 1)),
      created_at   TEXT NOT NULL,
      created_by   TEXT NOT NULL,
      updated_at   TEXT NOT NULL,
      updated_by   TEXT NOT NULL
    );

    CREATE TABLE rooms (
      id          TEXT PRIMARY KEY NOT NULL,
      uri         TEXT NOT NULL UNIQUE,
      name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
      description TEXT NOT NULL DEFAULT '',
      privacy     TEXT NOT NULL CHECK (privacy IN ('open', 'closed', 'secret')),
      type        TEXT NOT NULL CHECK (type IN ('normal', 'auditorium')),
      invitations TEXT NOT NULL CHECK (invitations IN ('inherit', 'false')),
      disabled    INTEGER NOT NULL CHECK (disabled IN (0, 1)),
      category_id TEXT NOT NULL REFERENCES categories (id),
      created_at  TEXT NOT NULL,
      created_by  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      updated_by  TEXT NOT NULL
    );
    CREATE INDEX rooms_category ON rooms (category_id);
  `,
};
