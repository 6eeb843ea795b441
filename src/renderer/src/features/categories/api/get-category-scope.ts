import { queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { categoryKeys } from './category-keys';

export const categoryScopeQueries = {
  scope: (id: string) =>
    queryOptions({ queryKey: categoryKeys.scope(id), queryFn: () => callAdmin('categories.getScope', { id }) }),
};

export function useCategoryScope(id: string) {
  return useQuery(categoryScopeQueries.scope(id));
}
