import { useMutation } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';
import { categoryKeys } from './category-keys';

/** Replaces the lists; room roles that fall outside the new scope are purged and reported. */
export function setCategoryScope(input: AdminInput<'categories.setScope'>) {
  return callAdmin('categories.setScope', input);
}

export function useSetCategoryScope(id: string, alsoInvalidates: readonly (readonly unknown[])[] = []) {
  return useMutation({
    mutationFn: setCategoryScope,
    meta: { invalidates: [categoryKeys.detail(id), ...alsoInvalidates] },
  });
}
