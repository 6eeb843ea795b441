import { useMutation } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';
import { groupKeys } from './group-keys';

export function createGroup(input: AdminInput<'groups.create'>) {
  return callAdmin('groups.create', input);
}

export function updateGroup(input: AdminInput<'groups.update'>) {
  return callAdmin('groups.update', input);
}

export function useCreateGroup() {
  return useMutation({ mutationFn: createGroup, meta: { invalidates: [groupKeys.lists()] } });
}

export function useUpdateGroup() {
  return useMutation({ mutationFn: updateGroup, meta: { invalidates: [groupKeys.lists()] } });
}
