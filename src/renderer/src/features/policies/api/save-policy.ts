import { useMutation } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';
import { policyKeys } from './policy-keys';

export function createPolicy(input: AdminInput<'policies.create'>) {
  return callAdmin('policies.create', input);
}

export function updatePolicy(input: AdminInput<'policies.update'>) {
  return callAdmin('policies.update', input);
}

export function useCreatePolicy() {
  return useMutation({ mutationFn: createPolicy, meta: { invalidates: [policyKeys.lists()] } });
}

/** EnablePersistentChat changes who may chat: every user's effective policy may change. */
export function useUpdatePolicy() {
  return useMutation({ mutationFn: updatePolicy, meta: { invalidates: [policyKeys.all] } });
}
