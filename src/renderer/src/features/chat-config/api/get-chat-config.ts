import { queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';

export const chatConfigKeys = {
  all: ['chat-config'] as const,
  detail: () => [...chatConfigKeys.all, 'detail'] as const,
};

export const chatConfigQueries = {
  detail: () => queryOptions({ queryKey: chatConfigKeys.detail(), queryFn: () => callAdmin('chat.config', {}) }),
};

export function useChatConfig() {
  return useQuery(chatConfigQueries.detail());
}
