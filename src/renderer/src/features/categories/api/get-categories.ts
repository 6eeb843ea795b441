import { queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { categoryKeys } from './category-keys';

export const categoryQueries = {
  list: () =>
    queryOptions({
      queryKey: categoryKeys.list(),
      queryFn: () => callAdmin('categories.list', {}),
      select: (result) => result.items,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: categoryKeys.detail(id),
      queryFn: () => callAdmin('categories.get', { id }),
    }),
};

export function useCategories() {
  return useQuery(categoryQueries.list());
}
