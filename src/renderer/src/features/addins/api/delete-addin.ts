import { useMutation } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { addinKeys } from './addin-keys';

/** Detaches the add-in from the rooms that use it (`Remove-CsPersistentChatAddin -Force`). */
export function deleteAddin(id: string) {
  return callAdmin('addins.delete', { id });
}

export function useDeleteAddin(alsoInvalidates: readonly (readonly unknown[])[] = []) {
  return useMutation({ mutationFn: deleteAddin, meta: { invalidates: [addinKeys.lists(), ...alsoInvalidates] } });
}
