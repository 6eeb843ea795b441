/**
 * Typed admin calls from a Playwright test over the headless server's HTTP bridge
 * (`POST /api/rpc/:method`), sharing the signed-in browser context's session cookie.
 */
import type { APIRequestContext } from '@playwright/test';
import type { AdminInput, AdminMethod, AdminOutput } from '../../src/server/admin-api/contract';

export async function adminCall<M extends AdminMethod>(
  request: APIRequestContext,
  method: M,
  input: AdminInput<M>,
): Promise<AdminOutput<M>> {
  const response = await request.post(`/api/rpc/${method}`, { data: input ?? {} });
  const body = (await response.json()) as
    { ok: true; value: AdminOutput<M> } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error.code} ${body.error.message}`);
  return body.value;
}
