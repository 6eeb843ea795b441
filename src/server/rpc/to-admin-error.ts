import type { AdminError } from '../admin-api/contract-errors.js';
import { isServerError } from '../errors/server-error.js';

/** Any thrown value as a structured-cloneable `{ code, message, details? }`. */
export function toAdminError(err: unknown): AdminError {
  if (isServerError(err)) return err.toJSON();
  if (err instanceof Error) {
    const details: Record<string, unknown> = { name: err.name };
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string') details['cause'] = code;
    return { code: 'ERR_INTERNAL', message: err.message, details };
  }
  return { code: 'ERR_INTERNAL', message: String(err) };
}
