import { useMutation } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { groupKeys } from './group-keys';

export function deleteGroup(id: string) {
  return callAdmin('groups.delete', { id });
}

export function useDeleteGroup() {
  return useMutation({ mutationFn: deleteGroup, meta: { invalidates: [groupKeys.lists()] } });
}
