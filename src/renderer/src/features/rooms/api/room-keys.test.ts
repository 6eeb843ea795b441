import { describe, expect, it } from 'vitest';
import { normalizeRoomFilters, roomKeys } from './room-keys';

describe('roomKeys', () => {
  it('nests from general to specific', () => {
    expect(roomKeys.list({ privacy: 'open' }).slice(0, 2)).toEqual([...roomKeys.lists()]);
    expect(roomKeys.detail('r1').slice(0, 2)).toEqual([...roomKeys.details()]);
    expect(roomKeys.lists()[0]).toBe(roomKeys.all[0]);
  });

  it('normalizes filters so equal filters give equal keys', () => {
    expect(normalizeRoomFilters({ search: '  ', categoryId: '', disabled: false, privacy: undefined })).toEqual({
      disabled: false,
    });
    expect(normalizeRoomFilters({ search: ' ops ', type: 'auditorium' })).toEqual({
      search: 'ops',
      type: 'auditorium',
    });
  });
});
