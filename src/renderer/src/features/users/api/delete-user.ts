import { useMutation } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { userKeys } from './user-keys';

export function deleteUser(id: string) {
  return callAdmin('users.delete', { id });
}

export function useDeleteUser() {
  return useMutation({ mutationFn: deleteUser, meta: { invalidates: [userKeys.lists()] } });
}
