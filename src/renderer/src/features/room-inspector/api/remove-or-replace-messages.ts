import { useMutation } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';
import { roomInspectorKeys } from './room-inspector-keys';

export type ModerationInput = AdminInput<'messages.removeOrReplace'>;

export function removeOrReplaceMessages(input: ModerationInput) {
  return callAdmin('messages.removeOrReplace', input);
}

export function useRemoveOrReplaceMessages(roomId: string) {
  return useMutation({
    mutationFn: removeOrReplaceMessages,
    meta: { invalidates: [roomInspectorKeys.room(roomId)] },
  });
}
