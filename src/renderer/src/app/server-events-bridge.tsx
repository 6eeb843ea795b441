import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getAdminClient } from '../api/admin-client';
import { subscribeServerEvents } from '../api/server-events';
import { invalidationsForEvent } from './event-invalidations';

/** Subscribes once, while signed in, and turns server events into query invalidations. */
export function ServerEventsBridge() {
  const queryClient = useQueryClient();
  useEffect(() => subscribeServerEvents(getAdminClient(), queryClient, invalidationsForEvent), [queryClient]);
  return null;
}
