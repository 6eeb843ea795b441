import { queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { complianceKeys } from './compliance-keys';

export const complianceOutputsQuery = () =>
  queryOptions({ queryKey: complianceKeys.outputList(), queryFn: () => callAdmin('compliance.outputs.list', {}) });

export function useComplianceOutputs() {
  return useQuery(complianceOutputsQuery());
}
