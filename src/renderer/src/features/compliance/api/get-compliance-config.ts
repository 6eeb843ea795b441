import { queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { complianceKeys } from './compliance-keys';

export const complianceConfigQuery = () =>
  queryOptions({ queryKey: complianceKeys.config(), queryFn: () => callAdmin('compliance.getConfig', {}) });

export function useComplianceConfig() {
  return useQuery(complianceConfigQuery());
}
