import { ServerError } from '../../errors/server-error.js';

export const MAX_NAME_LENGTH = 256;
export const MAX_DESCRIPTION_LENGTH = 256;

/** A validation failure shaped like the dispatcher's: `details.issues[{ path, message }]`. */
export function invalid(field: string, message: string): ServerError {
  return new ServerError('ERR_ADMIN_VALIDATION', message, { field, issues: [{ path: field, message }] });
}

export function checkName(value: string, field = 'name'): string {
  const name = value.trim();
  if (name.length === 0) throw invalid(field, 'Name is required');
  if (name.length > MAX_NAME_LENGTH) throw invalid(field, `Name must be at most ${MAX_NAME_LENGTH} characters`);
  return name;
}

export function checkDescription(value: string, field = 'description'): string {
  if (value.length > MAX_DESCRIPTION_LENGTH) {
    throw invalid(field, `Description must be at most ${MAX_DESCRIPTION_LENGTH} characters`);
  }
  return value;
}
