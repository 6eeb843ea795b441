import { describe, expect, it } from 'vitest';
import { codeForHttpStatus, httpTransport, parseEventMessage, resultFromResponse } from './transport';

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('resultFromResponse', () => {
  it('passes an envelope through whatever the status', async () => {
    await expect(resultFromResponse(json({ ok: true, value: 1 }))).resolves.toEqual({ ok: true, value: 1 });
    const failure = {
      ok: false,
      error: { code: 'ERR_CATEGORY_NOT_EMPTY', message: 'The category still contains rooms' },
    };
    await expect(resultFromResponse(json(failure, 409))).resolves.toEqual(failure);
  });

  it('maps a bare 401 and a non-JSON 500 to catalogue codes', async () => {
    await expect(resultFromResponse(new Response('no', { status: 401 }))).resolves.toMatchObject({
      ok: false,
      error: { code: 'ERR_AUTH_REQUIRED' },
    });
    await expect(resultFromResponse(new Response('<html>', { status: 500 }))).resolves.toMatchObject({
      ok: false,
      error: { code: 'ERR_INTERNAL' },
    });
  });

  it('knows the statuses the HTTP bridge uses', () => {
    expect(codeForHttpStatus(429)).toBe('ERR_AUTH_RATE_LIMITED');
    expect(codeForHttpStatus(403)).toBe('ERR_AUTH_FORBIDDEN');
    expect(codeForHttpStatus(503)).toBe('ERR_SERVER_UNAVAILABLE');
  });
});

describe('httpTransport', () => {
  it('POSTs JSON to /api/rpc/<method> with same-origin credentials', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const transport = httpTransport('http://127.0.0.1:9/', async (url, init) => {
      seen.push({ url: String(url), init });
      return json({ ok: true, value: { id: 'r1' } });
    });
    await expect(transport.call('rooms.get', { id: 'r1' })).resolves.toEqual({ ok: true, value: { id: 'r1' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('http://127.0.0.1:9/api/rpc/rooms.get');
    expect(seen[0]?.init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"id":"r1"}' });
  });

  it('reports an unreachable server as ERR_SERVER_UNAVAILABLE', async () => {
    const transport = httpTransport('http://127.0.0.1:9', () => Promise.reject(new TypeError('fetch failed')));
    await expect(transport.call('server.status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'ERR_SERVER_UNAVAILABLE' },
    });
  });
});

describe('parseEventMessage', () => {
  it('reads {name, payload} frames and ignores anything else', () => {
    expect(parseEventMessage('{"name":"room.deleted","payload":{"id":"r1"}}')).toEqual({
      name: 'room.deleted',
      payload: { id: 'r1' },
    });
    expect(parseEventMessage('not json')).toBeNull();
    expect(parseEventMessage('{"payload":{}}')).toBeNull();
  });
});
