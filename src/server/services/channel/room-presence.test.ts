import { describe, expect, it } from 'vitest';
import { createRoomPresence } from './room-presence.js';

describe('room presence', () => {
  it('reports the first join and the last part of a user across endpoints', () => {
    const p = createRoomPresence<string>();
    expect(p.join('r1', 'sip:Alice@example.com', 'a-desk')).toEqual({ first: true });
    expect(p.join('r1', 'sip:alice@example.com', 'a-phone')).toEqual({ first: false });
    expect(p.join('r1', 'sip:bob@example.com', 'b-desk')).toEqual({ first: true });
    expect(p.count('r1')).toBe(2);
    expect(p.users('r1').sort()).toEqual(['sip:alice@example.com', 'sip:bob@example.com']);
    expect(p.sessions('r1').sort()).toEqual(['a-desk', 'a-phone', 'b-desk']);

    expect(p.part('r1', 'sip:alice@example.com', 'a-desk')).toEqual({ last: false, was: true });
    expect(p.has('r1', 'a-desk')).toBe(false);
    expect(p.has('r1', 'a-phone')).toBe(true);
    expect(p.part('r1', 'sip:alice@example.com', 'a-phone')).toEqual({ last: true, was: true });
    expect(p.part('r1', 'sip:alice@example.com', 'a-phone')).toEqual({ last: false, was: false });
    expect(p.sessions('r1')).toEqual(['b-desk']);
    expect(p.count('r1')).toBe(1);
  });

  it('forgets a room once its last endpoint leaves, and keeps rooms apart', () => {
    const p = createRoomPresence<string>();
    p.join('r1', 'sip:bob@example.com', 'b');
    p.join('r2', 'sip:bob@example.com', 'b');
    expect(p.has('r2', 'b')).toBe(true);
    p.part('r1', 'sip:bob@example.com', 'b');
    expect(p.rooms()).toEqual(['r2']);
    expect(p.has('r1', 'b')).toBe(false);
    expect(p.sessions('r1')).toEqual([]);
    expect(p.has('r2', 'b')).toBe(true);
    expect(p.has('nowhere', 'b')).toBe(false);
  });
});
