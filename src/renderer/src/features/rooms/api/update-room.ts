import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';
import { roomKeys } from './room-keys';

export function updateRoom(input: AdminInput<'rooms.update'>) {
  return callAdmin('rooms.update', input);
}

export function useUpdateRoom(alsoInvalidates: readonly (readonly unknown[])[] = []) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRoom,
    meta: { invalidates: [roomKeys.lists(), ...alsoInvalidates] },
    onSuccess: (room) => queryClient.setQueryData(roomKeys.detail(room.id), room),
  });
}
