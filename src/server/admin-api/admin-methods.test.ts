/**
 * Table-driven: every contract method has a handler, accepts its sample input through the
 * in-process transport and answers with a value its output schema accepts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_METHODS, adminMethods, type AdminMethod } from './contract.js';
import { createAdminHandlers } from './handlers/index.js';
import { createFixtures, SAMPLE_INPUTS, startTestServer, type TestServer } from './handlers/in-process-harness.js';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

describe('every admin method', () => {
  it('has exactly one handler per contract method', () => {
    const stub = new Proxy({}, { get: () => stub }) as never;
    const handlers = createAdminHandlers({
      auth: stub,
      categories: stub,
      rooms: stub,
      users: stub,
      status: stub,
      backup: stub,
      logs: stub,
      policies: stub,
      sip: stub,
      compliance: stub,
      channel: stub,
    });
    expect(Object.keys(handlers).sort()).toEqual([...ADMIN_METHODS].sort());
    for (const m of ADMIN_METHODS) expect(typeof handlers[m], m).toBe('function');
  });

  it.each(ADMIN_METHODS.map((m) => [m] as [AdminMethod]))(
    '%s round-trips and matches its output schema',
    async (method) => {
      s = await startTestServer();
      const f = await createFixtures(s);
      const result = await s.call(method, SAMPLE_INPUTS[method](f), s.admin);
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      const check = adminMethods[method].output.safeParse(result.value);
      expect(check.success, check.success ? '' : JSON.stringify(check.error.issues)).toBe(true);
      // The value must survive a structured clone / JSON hop unchanged (worker port, IPC, HTTP).
      expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
    },
  );
});
