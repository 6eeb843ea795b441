import { queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { addinKeys } from './addin-keys';

export const addinQueries = {
  list: () =>
    queryOptions({
      queryKey: addinKeys.list(),
      queryFn: () => callAdmin('addins.list', {}),
      select: (result) => result.items,
    }),
};

export function useAddins() {
  return useQuery(addinQueries.list());
}
