import { useMutation } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';
import { userKeys } from './user-keys';

export function updateUser(input: AdminInput<'users.update'>) {
  return callAdmin('users.update', input);
}

export function useUpdateUser() {
  return useMutation({ mutationFn: updateUser, meta: { invalidates: [userKeys.lists()] } });
}
