import { useMutation } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';
import { addinKeys } from './addin-keys';

export function createAddin(input: AdminInput<'addins.create'>) {
  return callAdmin('addins.create', input);
}

export function updateAddin(input: AdminInput<'addins.update'>) {
  return callAdmin('addins.update', input);
}

export function useCreateAddin() {
  return useMutation({ mutationFn: createAddin, meta: { invalidates: [addinKeys.lists()] } });
}

export function useUpdateAddin() {
  return useMutation({ mutationFn: updateAddin, meta: { invalidates: [addinKeys.lists()] } });
}
