/**
 * The error half of the admin contract: the code union and the result envelope that every
 * transport (worker port, Electron IPC, HTTP, in-process) carries. No Node imports.
 */
import type { ErrorCode } from '../errors/error-codes.js';

export type AdminErrorCode = ErrorCode;

export interface AdminError {
  code: AdminErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type AdminResult<T> = { ok: true; value: T } | { ok: false; error: AdminError };

/** Field-level validation problems travel in `details.issues` of `ERR_ADMIN_VALIDATION`. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export function ok<T>(value: T): AdminResult<T> {
  return { ok: true, value };
}

export function fail(error: AdminError): AdminResult<never> {
  return { ok: false, error };
}
