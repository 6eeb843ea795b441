/** Deterministic output names: everything a batch writes is named after its number and seq range. */
import { createHash } from 'node:crypto';
import type { ComplianceBatch } from './compliance-queue-port.js';
import type { QueuedComplianceEvent } from './compliance-queue-port.js';

export const OUTPUT_PREFIX = 'parlance-compliance-';

export function batchBaseName(batch: Pick<ComplianceBatch, 'no' | 'firstSeq' | 'lastSeq'>): string {
  return `${OUTPUT_PREFIX}${String(batch.no).padStart(8, '0')}-${batch.firstSeq}-${batch.lastSeq}`;
}

/** A file-name-safe, stable key for a room: its id, or a hash of its URI when it has none. */
export function roomFileKey(room: QueuedComplianceEvent['room']): string {
  if (room.id && /^[A-Za-z0-9-]{1,64}$/.test(room.id)) return room.id;
  return createHash('sha256').update(room.uri).digest('hex').slice(0, 16);
}

/** Output names adapters may use: plain names, one optional `files/` level, no traversal. */
export function isSafeOutputName(name: string): boolean {
  return /^(files\/)?[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(name) && !name.includes('..');
}

/** A server-side file name reduced to safe characters for the compliance file store. */
export function safeStoredName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return cleaned.slice(0, 200) || 'unnamed';
}
