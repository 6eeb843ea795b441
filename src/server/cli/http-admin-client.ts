/**
 * The CLI's way to a running server: `POST /api/rpc/<method>` with a bearer token. Every failure,
 * including "no server there", comes back as a coded envelope.
 */
import type { AdminResult } from '../admin-api/contract-errors.js';
import { isErrorCode } from '../errors/error-codes.js';

export interface Credentials {
  token?: string | undefined;
  user?: string | undefined;
  password?: string | undefined;
}

export async function callOverHttp(
  baseUrl: string,
  method: string,
  input: unknown,
  token?: string,
): Promise<AdminResult<unknown>> {
  const url = `${baseUrl.replace(/\/+$/, '')}/api/rpc/${encodeURIComponent(method)}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(input ?? {}),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return {
      ok: false,
      error: {
        code: 'ERR_SERVER_UNAVAILABLE',
        message: `No Parlance server answers at ${baseUrl} (${cause?.code ?? cause?.message ?? (err as Error).message})`,
        details: { url: baseUrl },
      },
    };
  }
  const text = await res.text();
  try {
    const body = JSON.parse(text) as AdminResult<unknown>;
    if (body.ok === true || (body.ok === false && isErrorCode(body.error?.code))) return body;
  } catch {
    // fall through
  }
  return {
    ok: false,
    error: {
      code: 'ERR_INTERNAL',
      message: `Unexpected HTTP ${res.status} answer from ${url}`,
      details: { status: res.status, body: text.slice(0, 200) },
    },
  };
}

/**
 * Runs `fn` with a session token: the given token, or a login with user and password that is
 * logged out again afterwards.
 */
export async function withSession<T>(
  baseUrl: string,
  credentials: Credentials,
  fn: (token: string) => Promise<AdminResult<T>>,
): Promise<AdminResult<T>> {
  if (credentials.token) return fn(credentials.token);
  if (!credentials.password) {
    return {
      ok: false,
      error: {
        code: 'ERR_AUTH_REQUIRED',
        message:
          'Credentials are required: pass --password (and --user, default admin) or --token, ' +
          'or set PARLANCE_PASSWORD / PARLANCE_USER / PARLANCE_TOKEN',
      },
    };
  }
  const login = await callOverHttp(baseUrl, 'auth.login', {
    username: credentials.user || 'admin',
    password: credentials.password,
  });
  if (!login.ok) return login;
  const token = (login.value as { token: string }).token;
  try {
    return await fn(token);
  } finally {
    await callOverHttp(baseUrl, 'auth.logout', {}, token);
  }
}
