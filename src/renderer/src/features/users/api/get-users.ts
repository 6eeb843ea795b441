import { queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { userKeys } from './user-keys';

export const userQueries = {
  list: () =>
    queryOptions({
      queryKey: userKeys.list(),
      queryFn: () => callAdmin('users.list', {}),
      select: (result) => result.items,
    }),
};

export function useUsers() {
  return useQuery(userQueries.list());
}
