import { useMutation } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';
import { userKeys } from './user-keys';

export function createUser(input: AdminInput<'users.create'>) {
  return callAdmin('users.create', input);
}

export function useCreateUser() {
  return useMutation({ mutationFn: createUser, meta: { invalidates: [userKeys.lists()] } });
}
