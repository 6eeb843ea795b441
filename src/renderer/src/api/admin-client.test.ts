import { describe, expect, it } from 'vitest';
import { createScriptedTransport } from '../testing/scripted-transport';
import { AdminClientError, createAdminClient, isAdminClientError } from './admin-client';

describe('createAdminClient', () => {
  it('sends the method and input and returns the unwrapped value', async () => {
    const transport = createScriptedTransport(() => ({ ok: true, value: { items: [] } }));
    const client = createAdminClient(transport);
    await expect(client.call('rooms.list', { privacy: 'open' })).resolves.toEqual({ items: [] });
    expect(transport.calls).toEqual([{ method: 'rooms.list', input: { privacy: 'open' } }]);
  });

  it('throws AdminClientError with the code, message and details of a failure', async () => {
    const transport = createScriptedTransport(() => ({
      ok: false,
      error: {
        code: 'ERR_ROOM_NAME_TAKEN',
        message: 'A room with this name already exists',
        details: { field: 'name' },
      },
    }));
    const error = await createAdminClient(transport)
      .call('rooms.create', { name: 'Ops', categoryId: 'c1' })
      .catch((caught: unknown) => caught);
    expect(isAdminClientError(error)).toBe(true);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: 'ERR_ROOM_NAME_TAKEN',
      message: 'A room with this name already exists',
      details: { field: 'name' },
    });
  });

  it('maps a transport that throws to ERR_SERVER_UNAVAILABLE', async () => {
    const transport = createScriptedTransport(() => Promise.reject(new Error('IPC channel closed')));
    const error = await createAdminClient(transport)
      .call('server.status', {})
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AdminClientError);
    expect(error).toMatchObject({ code: 'ERR_SERVER_UNAVAILABLE', message: 'IPC channel closed' });
  });
});
