import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { roomKeys } from './room-keys';

export function deleteRoom(id: string) {
  return callAdmin('rooms.delete', { id });
}

export function useDeleteRoom(alsoInvalidates: readonly (readonly unknown[])[] = []) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRoom,
    meta: { invalidates: [roomKeys.lists(), ...alsoInvalidates] },
    onSuccess: ({ id }) => queryClient.removeQueries({ queryKey: roomKeys.detail(id) }),
  });
}
