import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { categoryKeys } from './category-keys';

export function deleteCategory(id: string) {
  return callAdmin('categories.delete', { id });
}

export function useDeleteCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCategory,
    meta: { invalidates: [categoryKeys.lists()] },
    onSuccess: ({ id }) => queryClient.removeQueries({ queryKey: categoryKeys.detail(id) }),
  });
}
