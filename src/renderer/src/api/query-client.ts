/**
 * QueryClient defaults (STYLE.md §7.4): retry policy by error code, one place that reacts to
 * ERR_AUTH_REQUIRED, and invalidation after mutations through `meta.invalidates`.
 */
import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { isAdminClientError } from './admin-client';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { invalidates?: readonly QueryKey[] };
    queryMeta: { ignoreAuthRequired?: boolean };
  }
}

const MAX_RETRIES = 2;

/** Errors that a retry cannot fix: bad input, authentication, missing objects. */
export function isPermanentError(error: unknown): boolean {
  if (!isAdminClientError(error)) return false;
  const { code } = error;
  return code === 'ERR_ADMIN_VALIDATION' || code.startsWith('ERR_AUTH_') || code.endsWith('_NOT_FOUND');
}

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return !isPermanentError(error) && failureCount < MAX_RETRIES;
}

export function isAuthRequired(error: unknown): boolean {
  return isAdminClientError(error) && error.code === 'ERR_AUTH_REQUIRED';
}

export interface QueryClientHooks {
  /** Called when any query or mutation reports ERR_AUTH_REQUIRED (session missing or expired). */
  onAuthRequired(): void;
}

export function createQueryClient(hooks: QueryClientHooks): QueryClient {
  const queryCache = new QueryCache({
    onError(error, query) {
      if (isAuthRequired(error) && !query.meta?.ignoreAuthRequired) hooks.onAuthRequired();
    },
  });
  const mutationCache = new MutationCache({
    onError(error) {
      if (isAuthRequired(error)) hooks.onAuthRequired();
    },
    async onSuccess(_data, _variables, _context, mutation) {
      const keys = mutation.meta?.invalidates ?? [];
      await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
  const client: QueryClient = new QueryClient({
    queryCache,
    mutationCache,
    defaultOptions: {
      queries: { staleTime: 10_000, retry: shouldRetry, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
  return client;
}
