/**
 * Events into the cache (STYLE.md §7.5): one subscription maps each server event to the query keys
 * it makes stale. The event only notifies; the query layer refetches.
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { AdminEvent } from '../../../server/admin-api/contract';
import type { AdminClient } from './admin-client';

export type EventInvalidations = (event: AdminEvent) => readonly QueryKey[];

export function subscribeServerEvents(
  client: Pick<AdminClient, 'subscribe'>,
  queryClient: Pick<QueryClient, 'invalidateQueries'>,
  invalidationsFor: EventInvalidations,
): () => void {
  return client.subscribe((signal) => {
    if (signal.kind === 'reconnected') {
      void queryClient.invalidateQueries();
      return;
    }
    for (const queryKey of invalidationsFor(signal.event)) {
      void queryClient.invalidateQueries({ queryKey });
    }
  });
}
