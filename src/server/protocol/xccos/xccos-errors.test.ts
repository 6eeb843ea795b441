import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../errors/error-codes.js';
import { isXccosParseFailure, parseXccos } from './parse-command.js';
import { serializeReplies } from './serialize-reply.js';
import { errorCodeForResp, errorReply, errorReplyForFailure, XCCOS_RESP_TEXT, xccosRespFor } from './xccos-errors.js';

const NS = 'xmlns="urn:parlano:xml:ns:xccos"';
const RPL_UNKNOWN_501 = import.meta.glob<string>('./__fixtures__/rpl-unknown-501.xml', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const RPL_JOIN_403 = import.meta.glob<string>('./__fixtures__/rpl-join-403.xml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('resp codes (XCCOS.md §3.6)', () => {
  it.each([
    ['ERR_XCCOS_INVALID_ARGUMENT', 400, 'ERR_INVALID_ARGUMENT'],
    ['ERR_XCCOS_PERMISSION', 403, 'ERR_PERMISSION'],
    ['ERR_AUTH_FORBIDDEN', 403, 'ERR_PERMISSION'],
    ['ERR_XCCOS_NO_SUCH_NODE', 404, 'ERR_NO_SUCH_NODE'],
    ['ERR_ROOM_NOT_FOUND', 404, 'ERR_NO_SUCH_NODE'],
    ['ERR_ROOM_NAME_TAKEN', 409, 'ERR_DUPLICATE'],
    ['ERR_XCCOS_NODE_DISABLED', 410, 'ERR_NODE_DISABLED'],
    ['ERR_XCCOS_LIMIT_EXCEEDED', 413, 'ERR_LIMIT_EXCEEDED'],
    ['ERR_INTERNAL', 500, 'ERR_SERVER'],
    ['ERR_XCCOS_NOT_SUPPORTED', 501, 'ERR_NOT_SUPPORTED'],
    ['ERR_AUTH_REQUIRED', 401, 'ERR_PERMISSION'],
    ['ERR_STORE_READ_ONLY', 503, 'ERR_SERVER'],
  ] as const)('%s → %i %s', (code, respCode, text) => {
    expect(xccosRespFor(code)).toEqual({ code: respCode, text });
  });

  it('every catalogue error maps to a non-200 resp with a §3.6 text', () => {
    const texts = new Set(Object.values(XCCOS_RESP_TEXT));
    for (const code of ERROR_CODES) {
      const resp = xccosRespFor(code);
      expect(resp.code, code).not.toBe(200);
      expect(texts.has(resp.text), `${code}: ${resp.text}`).toBe(true);
    }
  });

  it('maps received resp codes back to catalogue codes', () => {
    expect(errorCodeForResp(200)).toBeUndefined();
    expect(errorCodeForResp(403)).toBe('ERR_XCCOS_PERMISSION');
    expect(errorCodeForResp(418)).toBe('ERR_XCCOS_INVALID_ARGUMENT');
    expect(errorCodeForResp(599)).toBe('ERR_INTERNAL');
  });
});

describe('error replies', () => {
  it('an unknown cmd:{x} gets rpl:{x} 501 ERR_NOT_SUPPORTED with the same commandid (§6.14)', () => {
    const parsed = parseXccos(
      `<xccos ver="1" envid="9223372036854775807" ${NS}><cmd id="cmd:getchaninfo" seqid="1"><data/></cmd></xccos>`,
    );
    if (isXccosParseFailure(parsed) || parsed.kind !== 'cmd') throw new Error('expected a command');
    const reply = errorReply(parsed.command, parsed.envid, 'ERR_XCCOS_NOT_SUPPORTED');
    expect(serializeReplies('1000000000000000001', [reply])).toBe(Object.values(RPL_UNKNOWN_501)[0]);
  });

  it('a refused join is rpl:join with resp 403 and empty data', () => {
    const reply = errorReply({ id: 'cmd:join', seqid: '1' }, '4294967295', 'ERR_XCCOS_PERMISSION');
    expect(reply).toMatchObject({ name: 'join', data: { users: [], rooms: [] } });
    expect(serializeReplies('1000000000000000001', [reply])).toBe(Object.values(RPL_JOIN_403)[0]);
  });

  it('a custom text replaces the table text, the code stays', () => {
    expect(
      errorReply({ id: 'cmd:chansrch', seqid: '1' }, '1', 'ERR_XCCOS_LIMIT_EXCEEDED', 'Too many results').resp,
    ).toEqual({
      code: 413,
      text: 'Too many results',
    });
  });

  it('a malformed payload is answered by an error rpl; a non-XCCOS body is not', () => {
    const bad = parseXccos(`<xccos ver="1" envid="12" ${NS}><cmd id="cmd:getfdtok" seqid="1"><data/></cmd></xccos>`);
    if (!isXccosParseFailure(bad)) throw new Error('expected a failure');
    expect(errorReplyForFailure(bad)).toMatchObject({
      name: 'getftok',
      id: 'rpl:getftok',
      commandId: { seqid: '1', envid: '12' },
      resp: { code: 400, text: 'ERR_INVALID_ARGUMENT' },
    });
    const junk = parseXccos('hello');
    if (!isXccosParseFailure(junk)) throw new Error('expected a failure');
    expect(errorReplyForFailure(junk)).toBeUndefined();
  });
});
