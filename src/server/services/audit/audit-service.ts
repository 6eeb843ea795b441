/**
 * The audit trail. Services build an entry with `entry(...)` and append it inside the same
 * transaction as the change it describes (STYLE.md practice 6); `listAuditEntries` reads it.
 */
import type { Actor } from '../shared/actor.js';
import type { Clock, IdGenerator } from '../shared/clock-port.js';
import type { DataPort } from '../shared/data-port.js';
import type { AuditEntry, AuditQuery } from './audit-repo-port.js';

export interface AuditDeps {
  data: DataPort;
  clock: Clock;
  newId: IdGenerator;
}

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService({ data, clock, newId }: AuditDeps) {
  function entry(
    actor: Actor,
    action: string,
    target: string | null,
    oldValue?: unknown,
    newValue?: unknown,
  ): AuditEntry {
    return {
      id: newId(),
      at: clock.now().toISOString(),
      actor: actor.name,
      actorId: actor.id,
      action,
      target,
      oldValue: oldValue ?? null,
      newValue: newValue ?? null,
      remoteAddress: actor.remoteAddress ?? null,
    };
  }

  /** For events that change nothing else (a refused call, a failed login): its own transaction. */
  async function recordAudit(actor: Actor, action: string, target: string | null, detail?: unknown): Promise<void> {
    await data.transaction((w) => w.audit.append(entry(actor, action, target, null, detail)));
  }

  function listAuditEntries(query: AuditQuery): AuditEntry[] {
    return data.read((r) => r.audit.list(query));
  }

  return { entry, recordAudit, listAuditEntries };
}
