import type { ComplianceService } from '../../services/compliance/compliance-service.js';
import type { HandlersFor } from './handler-types.js';

export function complianceHandlers(compliance: ComplianceService): HandlersFor<'compliance'> {
  return {
    'compliance.getConfig': async () => compliance.getConfig(),
    'compliance.updateConfig': (patch, { actor }) => compliance.updateConfig(patch, { actor }),
    'compliance.status': async () => compliance.getStatus(),
    'compliance.runNow': (input, { actor }) => compliance.runNow(input, { actor }),
    'compliance.runs.list': async ({ limit }) => ({ items: compliance.listRuns(limit) }),
    'compliance.events.search': async (query) => compliance.searchEvents(query),
    'compliance.outputs.list': () => compliance.listOutputs(),
    'compliance.outputs.preview': ({ name, offset, maxBytes }) => compliance.previewOutput(name, offset, maxBytes),
  };
}
