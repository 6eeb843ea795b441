/**
 * Field-level error messages for forms, from client-side zod issues or from a server error
 * (`details.field`, `details.issues[].path`, or a code known to concern one field).
 */
import type { z } from 'zod';
import type { AdminErrorCode } from '../../../server/admin-api/contract-errors';
import { isAdminClientError } from './admin-client';

export type FieldErrors = Partial<Record<string, string>>;

function topField(path: unknown): string | undefined {
  if (Array.isArray(path)) return path.length > 0 ? String(path[0]) : undefined;
  if (typeof path === 'string' && path.length > 0) return path.split('.')[0];
  return undefined;
}

export function fieldErrorsFromIssues(
  issues: readonly { path: readonly PropertyKey[] | string; message: string }[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = topField(issue.path) ?? '_form';
    errors[field] ??= issue.message;
  }
  return errors;
}

export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  return fieldErrorsFromIssues(error.issues.map((issue) => ({ path: issue.path, message: issue.message })));
}

/**
 * Splits a server error into field errors; whatever cannot be attached to a field lands in `_form`.
 * `codeFields` names the field a code is about when the server does not say (e.g. a taken name).
 */
export function fieldErrorsFromServer(
  error: unknown,
  codeFields: Partial<Record<AdminErrorCode, string>> = {},
): FieldErrors {
  if (!isAdminClientError(error)) {
    return { _form: error instanceof Error ? error.message : 'Something went wrong' };
  }
  const details = error.details ?? {};
  const issues = Array.isArray(details.issues) ? (details.issues as { path: string; message: string }[]) : [];
  if (issues.length > 0) {
    const errors = fieldErrorsFromIssues(
      issues
        .filter((issue) => typeof issue?.message === 'string')
        .map((issue) => ({ path: issue.path ?? '', message: issue.message })),
    );
    if (Object.keys(errors).length > 0) return errors;
  }
  const field = typeof details.field === 'string' ? details.field : codeFields[error.code];
  return field ? { [field]: error.message } : { _form: error.message };
}
