import { useMutation } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { roomKeys } from './room-keys';

/** Re-parents a room; the server purges role entries outside the new category's scope and says which. */
export function moveRoom(input: { id: string; categoryId: string }) {
  return callAdmin('rooms.move', input);
}

export function useMoveRoom(alsoInvalidates: readonly (readonly unknown[])[] = []) {
  return useMutation({ mutationFn: moveRoom, meta: { invalidates: [roomKeys.all, ...alsoInvalidates] } });
}
