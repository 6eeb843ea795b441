import { useMutation } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';
import { roomKeys } from './room-keys';

export function createRoom(input: AdminInput<'rooms.create'>) {
  return callAdmin('rooms.create', input);
}

/** `alsoInvalidates`: keys of other features that depend on rooms (composed in app/). */
export function useCreateRoom(alsoInvalidates: readonly (readonly unknown[])[] = []) {
  return useMutation({ mutationFn: createRoom, meta: { invalidates: [roomKeys.lists(), ...alsoInvalidates] } });
}
