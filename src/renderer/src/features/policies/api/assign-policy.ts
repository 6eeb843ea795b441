import { useMutation } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { policyKeys } from './policy-keys';

/** `Grant-CsPersistentChatPolicy`: a per-user policy, or null for automatic (site/global). */
export function assignPolicy(input: { userId: string; policyId: string | null }) {
  return callAdmin('users.assignPolicy', input);
}

export function useAssignPolicy() {
  return useMutation({ mutationFn: assignPolicy, meta: { invalidates: [policyKeys.all] } });
}
