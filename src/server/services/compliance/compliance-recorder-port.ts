import type { ComplianceEventInput } from './compliance-event.js';

/**
 * Writes one compliance event row. `tx` is the write handle of the caller's own store
 * transaction (the same object the caller's repos write through), so the event commits with the
 * action. Implemented in store/repos/compliance-event-repo.ts.
 */
export interface ComplianceRecorder<Tx> {
  record(tx: Tx, event: ComplianceEventInput): void;
}
