import { useMutation } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { roomInspectorKeys } from './room-inspector-keys';

/** Disabling disconnects everyone and hides the room; enabling restores it. */
export function setRoomDisabled(input: { id: string; disabled: boolean }) {
  return callAdmin('rooms.update', input);
}

export function useSetRoomDisabled(roomId: string, alsoInvalidates: readonly (readonly unknown[])[] = []) {
  return useMutation({
    mutationFn: setRoomDisabled,
    meta: { invalidates: [roomInspectorKeys.room(roomId), ...alsoInvalidates] },
  });
}

export function setRoomAddin(input: { id: string; addinId: string | null }) {
  return callAdmin('rooms.setAddin', input);
}

export function useSetRoomAddin(roomId: string, alsoInvalidates: readonly (readonly unknown[])[] = []) {
  return useMutation({
    mutationFn: setRoomAddin,
    meta: { invalidates: [roomInspectorKeys.details(roomId), ...alsoInvalidates] },
  });
}
