import type { ComplianceEventInput } from './compliance-event.js';

/**
 * Writes one compliance event row. Exposed to services as `Writers.compliance` of the DataPort
 * (services/shared/data-port.ts), so an action records its event inside its own transaction
 * and both commit together. Implemented in store/repos/compliance-event-repo.ts.
 */
export interface ComplianceEventWriter {
  record(event: ComplianceEventInput): void;
}
