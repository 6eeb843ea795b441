import { queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { groupKeys } from './group-keys';

export const groupQueries = {
  list: () =>
    queryOptions({
      queryKey: groupKeys.list(),
      queryFn: () => callAdmin('groups.list', {}),
      select: (result) => result.items,
    }),
};

export function useGroups() {
  return useQuery(groupQueries.list());
}
