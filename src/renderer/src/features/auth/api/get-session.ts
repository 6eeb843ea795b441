import { queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { authKeys } from './auth-keys';

export const sessionQueries = {
  session: () =>
    queryOptions({
      queryKey: authKeys.session(),
      queryFn: () => callAdmin('auth.session', {}),
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      // This query *is* the authentication check: its ERR_AUTH_REQUIRED shows the login form.
      meta: { ignoreAuthRequired: true },
    }),
};

export function useSession() {
  return useQuery(sessionQueries.session());
}
