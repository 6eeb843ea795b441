/**
 * Maps failures at the HTTP edge (Fastify's own errors, coded `ServerError`s, anything else) to
 * the admin envelope `{ ok:false, error:{ code, message, details? } }` with the catalogue status.
 */
import type { FastifyReply } from 'fastify';
import type { AdminError, AdminResult } from '../admin-api/contract-errors.js';
import { ERROR_CATALOGUE, isErrorCode, type ErrorCode } from '../errors/error-codes.js';
import { isServerError } from '../errors/server-error.js';

export function httpStatusOf(code: string): number {
  return isErrorCode(code) ? ERROR_CATALOGUE[code].httpStatus : 500;
}

export function errorEnvelope(code: ErrorCode, message?: string, details?: Record<string, unknown>): AdminError {
  const error: AdminError = { code, message: message ?? ERROR_CATALOGUE[code].message };
  if (details !== undefined) error.details = details;
  return error;
}

/** Sends an envelope with 200 on success and the catalogue's status for the error code otherwise. */
export function sendResult(reply: FastifyReply, result: AdminResult<unknown>): FastifyReply {
  return reply
    .code(result.ok ? 200 : httpStatusOf(result.error.code))
    .type('application/json; charset=utf-8')
    .send(result);
}

/** Fastify's request-level error codes that we answer with a coded envelope. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'ERR_HTTP_PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'ERR_HTTP_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'ERR_ADMIN_BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'ERR_ADMIN_BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'ERR_ADMIN_BAD_REQUEST',
};

/**
 * Classifies an error thrown inside Fastify. `expected` is false for anything that is a bug or an
 * outage (the caller logs those with the incident details, never sends them to the client).
 */
export function classifyHttpError(err: unknown): { error: AdminError; expected: boolean } {
  if (isServerError(err)) return { error: err.toJSON(), expected: true };
  const e = err as { code?: unknown; statusCode?: unknown; message?: unknown };
  if (typeof e.code === 'string' && FASTIFY_CODES[e.code]) {
    const code = FASTIFY_CODES[e.code]!;
    return {
      error: errorEnvelope(code, code === 'ERR_ADMIN_BAD_REQUEST' ? String(e.message) : undefined),
      expected: true,
    };
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { error: errorEnvelope('ERR_ADMIN_BAD_REQUEST', String(e.message)), expected: true };
  }
  return { error: errorEnvelope('ERR_INTERNAL'), expected: false };
}
