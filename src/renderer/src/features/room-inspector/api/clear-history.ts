import { useMutation } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { roomInspectorKeys } from './room-inspector-keys';

/** `Clear-CsPersistentChatRoom -EndDate`: everything posted up to and including `until`. */
export function clearHistory(input: { id: string; until: string }) {
  return callAdmin('rooms.clearHistory', input);
}

export function useClearHistory(roomId: string) {
  return useMutation({ mutationFn: clearHistory, meta: { invalidates: [roomInspectorKeys.room(roomId)] } });
}
