import { useMutation } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';
import { policyKeys } from './policy-keys';

/** Deleting the global policy resets it to defaults (`reset: true`). */
export function deletePolicy(input: AdminInput<'policies.delete'>) {
  return callAdmin('policies.delete', input);
}

export function useDeletePolicy() {
  return useMutation({ mutationFn: deletePolicy, meta: { invalidates: [policyKeys.all] } });
}
