import { useMutation } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { complianceKeys } from './compliance-keys';

/** Starts a run and returns at once; progress arrives as compliance.run.progressed events. */
export function runComplianceNow() {
  return callAdmin('compliance.runNow', { wait: false });
}

export function useRunComplianceNow() {
  return useMutation({
    mutationFn: runComplianceNow,
    meta: { invalidates: [complianceKeys.status()] },
  });
}
