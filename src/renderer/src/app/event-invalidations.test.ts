import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ADMIN_EVENTS, type AdminEvent } from '../../../server/admin-api/contract';
import { createAdminClient } from '../api/admin-client';
import { subscribeServerEvents } from '../api/server-events';
import { createScriptedTransport } from '../testing/scripted-transport';
import { invalidationsForEvent } from './event-invalidations';

const room = {
  id: 'r1',
  uri: 'ma-chan://example.com/r1',
  name: 'Ops',
  description: '',
  privacy: 'closed',
  type: 'normal',
  invitations: 'inherit',
  disabled: false,
  categoryId: 'c1',
  categoryName: 'General',
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: 'sip:admin@example.com',
  updatedAt: '2025-01-01T00:00:00.000Z',
  updatedBy: 'sip:admin@example.com',
} as const;

function seed(client: QueryClient) {
  const keys = [
    ['rooms', 'list', {}],
    ['rooms', 'list', { privacy: 'open' }],
    ['rooms', 'detail', 'r1'],
    ['rooms', 'detail', 'r2'],
    ['categories', 'list', {}],
    ['users', 'list', {}],
    ['server-status', 'status'],
    ['auth', 'session'],
  ];
  for (const key of keys) client.setQueryData(key, { seeded: true });
  return (key: unknown[]) => client.getQueryState(key)?.isInvalidated;
}

describe('server events into the cache', () => {
  it('has a mapping for every contract event', () => {
    for (const name of ADMIN_EVENTS) {
      const event = { name, payload: { id: 'x' } } as AdminEvent;
      expect(invalidationsForEvent(event).length, name).toBeGreaterThan(0);
    }
  });

  it('room.updated invalidates room lists, that room and category counts only', () => {
    const queryClient = new QueryClient();
    const invalidated = seed(queryClient);
    const transport = createScriptedTransport(() => ({ ok: true, value: {} }));
    const unsubscribe = subscribeServerEvents(createAdminClient(transport), queryClient, invalidationsForEvent);
    transport.emit({ kind: 'event', event: { name: 'room.updated', payload: room } });
    expect(invalidated(['rooms', 'list', {}])).toBe(true);
    expect(invalidated(['rooms', 'list', { privacy: 'open' }])).toBe(true);
    expect(invalidated(['rooms', 'detail', 'r1'])).toBe(true);
    expect(invalidated(['rooms', 'detail', 'r2'])).toBe(false);
    expect(invalidated(['categories', 'list', {}])).toBe(true);
    expect(invalidated(['users', 'list', {}])).toBe(false);
    expect(invalidated(['auth', 'session'])).toBe(false);
    unsubscribe();
    expect(transport.listenerCount()).toBe(0);
  });

  it('category.deleted invalidates categories and every room query; user.created only users', () => {
    const queryClient = new QueryClient();
    const invalidated = seed(queryClient);
    const transport = createScriptedTransport(() => ({ ok: true, value: {} }));
    subscribeServerEvents(createAdminClient(transport), queryClient, invalidationsForEvent);
    transport.emit({ kind: 'event', event: { name: 'category.deleted', payload: { id: 'c1' } } });
    expect(invalidated(['categories', 'list', {}])).toBe(true);
    expect(invalidated(['rooms', 'detail', 'r2'])).toBe(true);
    expect(invalidated(['users', 'list', {}])).toBe(false);
  });

  it('a reconnected stream invalidates everything (events may have been missed)', () => {
    const queryClient = new QueryClient();
    const invalidated = seed(queryClient);
    const transport = createScriptedTransport(() => ({ ok: true, value: {} }));
    subscribeServerEvents(createAdminClient(transport), queryClient, invalidationsForEvent);
    transport.emit({ kind: 'reconnected' });
    expect(invalidated(['users', 'list', {}])).toBe(true);
    expect(invalidated(['auth', 'session'])).toBe(true);
  });

  it('a SIP post refreshes the inspector of that room (history, counts, searches) and nothing else', () => {
    const queryClient = new QueryClient();
    const keys = [
      ['room-inspector', 'r1', 'history'],
      ['room-inspector', 'r1', 'details'],
      ['room-inspector', 'r1', 'search', { text: 'x' }],
      ['room-inspector', 'r1', 'participants'],
      ['room-inspector', 'r2', 'history'],
      ['rooms', 'list', {}],
    ];
    for (const key of keys) queryClient.setQueryData(key, { seeded: true });
    const transport = createScriptedTransport(() => ({ ok: true, value: {} }));
    const unsubscribe = subscribeServerEvents(createAdminClient(transport), queryClient, invalidationsForEvent);
    const posted = {
      roomId: 'r1',
      messageId: 7,
      author: 'sip:a@example.com',
      at: '',
      text: 'hi',
      alert: false,
      storyTitle: null,
    };
    transport.emit({ kind: 'event', event: { name: 'room.message.posted', payload: posted } });
    const invalidated = (key: unknown[]) => queryClient.getQueryState(key)?.isInvalidated;
    expect(keys.map((key) => invalidated(key))).toEqual([true, true, true, false, false, false]);
    transport.emit({
      kind: 'event',
      event: { name: 'room.participants.changed', payload: { roomId: 'r1', count: 1, suppressed: false } },
    });
    expect(invalidated(['room-inspector', 'r1', 'participants'])).toBe(true);
    expect(invalidated(['room-inspector', 'r2', 'history'])).toBe(false);
    unsubscribe();
  });
});
