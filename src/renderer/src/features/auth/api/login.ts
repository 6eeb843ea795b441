import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';
import { authKeys } from './auth-keys';

export function login(input: AdminInput<'auth.login'>) {
  return callAdmin('auth.login', input);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ user, expiresAt }) => {
      queryClient.setQueryData(authKeys.session(), { user, expiresAt });
    },
  });
}
