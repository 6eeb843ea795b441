import { useMutation } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';
import { categoryKeys } from './category-keys';

export function createCategory(input: AdminInput<'categories.create'>) {
  return callAdmin('categories.create', input);
}

export function useCreateCategory() {
  return useMutation({ mutationFn: createCategory, meta: { invalidates: [categoryKeys.lists()] } });
}
