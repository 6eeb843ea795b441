import { describe, expect, it } from 'vitest';
import { AdminClientError } from './admin-client';
import { createQueryClient, isPermanentError, shouldRetry } from './query-client';

describe('retry policy', () => {
  it.each([
    ['ERR_ADMIN_VALIDATION', false],
    ['ERR_AUTH_REQUIRED', false],
    ['ERR_AUTH_INVALID_CREDENTIALS', false],
    ['ERR_ROOM_NOT_FOUND', false],
    ['ERR_CATEGORY_NOT_FOUND', false],
    ['ERR_SERVER_UNAVAILABLE', true],
    ['ERR_INTERNAL', true],
  ] as const)('%s retryable: %s', (code, retryable) => {
    const error = new AdminClientError(code, 'x');
    expect(isPermanentError(error)).toBe(!retryable);
    expect(shouldRetry(0, error)).toBe(retryable);
  });

  it('gives up on transient errors after two retries', () => {
    const error = new AdminClientError('ERR_SERVER_UNAVAILABLE', 'down');
    expect(shouldRetry(1, error)).toBe(true);
    expect(shouldRetry(2, error)).toBe(false);
  });
});

describe('createQueryClient', () => {
  it('reports ERR_AUTH_REQUIRED from a query unless the query opts out', async () => {
    let reported = 0;
    const client = createQueryClient({ onAuthRequired: () => (reported += 1) });
    const fail = () => Promise.reject(new AdminClientError('ERR_AUTH_REQUIRED', 'Authentication is required'));
    await client.fetchQuery({ queryKey: ['rooms', 'list'], queryFn: fail }).catch(() => undefined);
    expect(reported).toBe(1);
    await client
      .fetchQuery({ queryKey: ['auth', 'session'], queryFn: fail, meta: { ignoreAuthRequired: true } })
      .catch(() => undefined);
    expect(reported).toBe(1);
  });

  it('invalidates the keys in mutation meta after success, not after failure', async () => {
    const client = createQueryClient({ onAuthRequired: () => undefined });
    client.setQueryData(['rooms', 'list', {}], { items: [] });
    client.setQueryData(['users', 'list', {}], { items: [] });
    const failing = client.getMutationCache().build(client, {
      mutationFn: () => Promise.reject(new AdminClientError('ERR_ROOM_NAME_TAKEN', 'taken')),
      meta: { invalidates: [['rooms', 'list']] },
    });
    await failing.execute(undefined).catch(() => undefined);
    expect(client.getQueryState(['rooms', 'list', {}])?.isInvalidated).toBe(false);

    const succeeding = client.getMutationCache().build(client, {
      mutationFn: () => Promise.resolve({ id: 'r1' }),
      meta: { invalidates: [['rooms', 'list']] },
    });
    await succeeding.execute(undefined);
    expect(client.getQueryState(['rooms', 'list', {}])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['users', 'list', {}])?.isInvalidated).toBe(false);
  });
});
