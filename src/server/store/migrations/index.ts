/**
 * Every schema migration, in version order. Append only; never edit a released migration.
 * The `meta` table (schema_version, last_seq) belongs to the store itself (store-meta.ts).
 */
import type { Migration } from '../migration.js';
import { migration0001UsersSessions } from './0001-users-sessions.js';
import { migration0002CategoriesRooms } from './0002-categories-rooms.js';
import { migration0003AuditLog } from './0003-audit-log.js';
import { migration0004ChatPolicies } from './0004-chat-policies.js';
import { migration0005ComplianceEvents } from './0005-compliance-events.js';
import { migration0006Channel } from './0006-channel.js';
import { migration0007ComplianceProcessing } from './0007-compliance-processing.js';
import { migration0008TopicFeeds } from './0008-topic-feeds.js';

export const MIGRATIONS: readonly Migration[] = [
  migration0001UsersSessions,
  migration0002CategoriesRooms,
  migration0003AuditLog,
  migration0004ChatPolicies,
  migration0005ComplianceEvents,
  migration0006Channel,
  migration0007ComplianceProcessing,
  migration0008TopicFeeds,
];
