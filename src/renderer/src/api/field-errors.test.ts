import { describe, expect, it } from 'vitest';
import { RoomCreateInput } from '../../../server/admin-api/contract';
import { AdminClientError } from './admin-client';
import { fieldErrorsFromServer, fieldErrorsFromZod } from './field-errors';

describe('fieldErrorsFromServer', () => {
  it('uses details.issues paths', () => {
    const error = new AdminClientError('ERR_ADMIN_VALIDATION', 'The request is invalid', {
      issues: [
        { path: 'description', message: 'Description must be at most 256 characters' },
        { path: 'name', message: 'Name is required' },
      ],
    });
    expect(fieldErrorsFromServer(error)).toEqual({
      description: 'Description must be at most 256 characters',
      name: 'Name is required',
    });
  });

  it('uses details.field, else the field the code is about, else the form', () => {
    const withField = new AdminClientError('ERR_ROOM_NAME_TAKEN', 'A room with this name already exists', {
      field: 'name',
    });
    expect(fieldErrorsFromServer(withField)).toEqual({ name: 'A room with this name already exists' });
    const bare = new AdminClientError('ERR_ROOM_NAME_TAKEN', 'A room with this name already exists');
    expect(fieldErrorsFromServer(bare, { ERR_ROOM_NAME_TAKEN: 'name' })).toEqual({
      name: 'A room with this name already exists',
    });
    expect(fieldErrorsFromServer(new AdminClientError('ERR_INTERNAL', 'Internal error'))).toEqual({
      _form: 'Internal error',
    });
  });
});

describe('fieldErrorsFromZod', () => {
  it('maps contract schema issues to their top-level field', () => {
    const parsed = RoomCreateInput.safeParse({ name: '  ', categoryId: 'c1', description: 'x'.repeat(300) });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrorsFromZod(parsed.error)).toEqual({
      name: 'Name is required',
      description: 'Description must be at most 256 characters',
    });
  });
});
