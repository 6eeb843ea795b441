import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';
import { chatConfigKeys } from './get-chat-config';

export function updateChatConfig(input: AdminInput<'chat.updateConfig'>) {
  return callAdmin('chat.updateConfig', input);
}

export function useUpdateChatConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateChatConfig,
    onSuccess: (config) => queryClient.setQueryData(chatConfigKeys.detail(), config),
  });
}
