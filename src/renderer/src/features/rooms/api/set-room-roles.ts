import { useMutation } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';
import { roomKeys } from './room-keys';

export function setRoomRoles(input: AdminInput<'rooms.setRoles'>) {
  return callAdmin('rooms.setRoles', input);
}

export function useSetRoomRoles(id: string, alsoInvalidates: readonly (readonly unknown[])[] = []) {
  return useMutation({ mutationFn: setRoomRoles, meta: { invalidates: [roomKeys.detail(id), ...alsoInvalidates] } });
}
