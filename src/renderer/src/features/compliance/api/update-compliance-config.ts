import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';
import { complianceKeys } from './compliance-keys';

export function updateComplianceConfig(input: AdminInput<'compliance.updateConfig'>) {
  return callAdmin('compliance.updateConfig', input);
}

export function useUpdateComplianceConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateComplianceConfig,
    meta: { invalidates: [complianceKeys.status(), complianceKeys.outputs()] },
    onSuccess: (config) => queryClient.setQueryData(complianceKeys.config(), config),
  });
}
