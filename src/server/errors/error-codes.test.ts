import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, ERROR_CODES, isErrorCode } from './error-codes.js';
import { ServerError, isServerError } from './server-error.js';

const CODE_SHAPE = /^ERR_[A-Z]+_[A-Z_]+$/;

describe('error catalogue', () => {
  it('has codes', () => {
    expect(ERROR_CODES.length).toBeGreaterThan(10);
    expect(ERROR_CODES).toContain('ERR_INTERNAL');
  });

  it.each(ERROR_CODES)('%s is named ERR_<AREA>_<CONDITION>', (code) => {
    expect(code === 'ERR_INTERNAL' || CODE_SHAPE.test(code), `${code} does not match ${CODE_SHAPE}`).toBe(true);
    expect(code.endsWith('_')).toBe(false);
    expect(code.includes('__')).toBe(false);
  });

  it.each(ERROR_CODES)('%s has a message and a mapping for every wire format', (code) => {
    const spec = ERROR_CATALOGUE[code];
    expect(spec.message.trim().length).toBeGreaterThan(3);
    expect(spec.message).toBe(spec.message.trim());
    // Admin API: an HTTP error status.
    expect(Number.isInteger(spec.httpStatus)).toBe(true);
    expect(spec.httpStatus).toBeGreaterThanOrEqual(400);
    expect(spec.httpStatus).toBeLessThanOrEqual(599);
    // SIP front end: a final non-success response.
    expect(Number.isInteger(spec.sipStatus)).toBe(true);
    expect(spec.sipStatus).toBeGreaterThanOrEqual(400);
    expect(spec.sipStatus).toBeLessThanOrEqual(699);
    // XCCOS `resp` code: never 200 (SUCCESS_OK).
    expect(Number.isInteger(spec.xccosCode)).toBe(true);
    expect(spec.xccosCode).toBeGreaterThanOrEqual(400);
    expect(spec.xccosCode).toBeLessThanOrEqual(599);
  });

  it('messages are unique, so a user can tell failures apart', () => {
    const messages = ERROR_CODES.map((c) => ERROR_CATALOGUE[c].message);
    const dupes = messages.filter((m, i) => messages.indexOf(m) !== i);
    expect(dupes).toEqual([]);
  });

  it('isErrorCode accepts catalogue codes only', () => {
    expect(isErrorCode('ERR_ROOM_NOT_FOUND')).toBe(true);
    expect(isErrorCode('ERR_NOPE_NOT_A_CODE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});

describe('ServerError', () => {
  it('defaults to the catalogue message and maps to the HTTP status', () => {
    const error = new ServerError('ERR_ROOM_NAME_TAKEN');
    expect(error.message).toBe(ERROR_CATALOGUE.ERR_ROOM_NAME_TAKEN.message);
    expect(error.httpStatus).toBe(409);
    expect(isServerError(error)).toBe(true);
    expect(isServerError(new Error('x'))).toBe(false);
  });

  it('serializes to the wire envelope, with details only when present', () => {
    expect(new ServerError('ERR_ROOM_NOT_FOUND', 'No room r1').toJSON()).toEqual({
      code: 'ERR_ROOM_NOT_FOUND',
      message: 'No room r1',
    });
    const withDetails = new ServerError('ERR_ADMIN_VALIDATION', undefined, {
      issues: [{ path: 'name', message: 'x' }],
    });
    expect(JSON.parse(JSON.stringify(withDetails))).toEqual({
      code: 'ERR_ADMIN_VALIDATION',
      message: ERROR_CATALOGUE.ERR_ADMIN_VALIDATION.message,
      details: { issues: [{ path: 'name', message: 'x' }] },
    });
  });
});
