import { queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { complianceKeys } from './compliance-keys';

export const COMPLIANCE_STATUS_REFRESH_MS = 5_000;

export const complianceStatusQuery = () =>
  queryOptions({
    queryKey: complianceKeys.status(),
    queryFn: () => callAdmin('compliance.status', {}),
    staleTime: 1_000,
  });

export function useComplianceStatus() {
  return useQuery({ ...complianceStatusQuery(), refetchInterval: COMPLIANCE_STATUS_REFRESH_MS });
}
