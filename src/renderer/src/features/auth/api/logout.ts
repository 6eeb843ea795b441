import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { authKeys } from './auth-keys';

export function logout() {
  return callAdmin('auth.logout', {});
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: async () => {
      // Drop everything cached for this session, then re-check it: the login screen follows.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
      await queryClient.resetQueries({ queryKey: authKeys.session() });
    },
  });
}
