import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';
import { categoryKeys } from './category-keys';

export function updateCategory(input: AdminInput<'categories.update'>) {
  return callAdmin('categories.update', input);
}

export function useUpdateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCategory,
    meta: { invalidates: [categoryKeys.lists()] },
    onSuccess: (category) => queryClient.setQueryData(categoryKeys.detail(category.id), category),
  });
}
