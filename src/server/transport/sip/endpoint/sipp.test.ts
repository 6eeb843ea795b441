/**
 * Real SIP software against the endpoint: SIPp (Debian `sip-tester`) runs an OPTIONS + REGISTER
 * scenario over TCP. Skipped, with the reason printed, when `sipp` is not installed.
 */
import { execFile, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../log/logger.js';
import { createSipEndpoint, type SipEndpoint } from './sip-endpoint.js';

const hasSipp = spawnSync('sipp', ['-v'], { stdio: 'ignore' }).error === undefined;
const scenarios = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'sipp');
if (!hasSipp) process.stderr.write('sipp.test.ts: skipped, `sipp` not found (apt-get install -y sip-tester)\n');

const silent: Logger = {
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error() {},
  fatal() {},
  isLevelEnabled: () => false,
  child: () => silent,
};

let endpoint: SipEndpoint | undefined;
afterEach(async () => endpoint?.close());

describe.skipIf(!hasSipp)('sipp against the SIP endpoint', () => {
  it('runs OPTIONS and REGISTER over TCP', async () => {
    const methods: string[] = [];
    endpoint = createSipEndpoint(
      { logger: silent },
      {
        onRequest(request, tx) {
          methods.push(request.method);
          tx.reply(200, request.method === 'REGISTER' ? { headers: [{ name: 'Expires', value: '900' }] } : {});
        },
      },
    );
    const l = await endpoint.listenTcp({ host: '127.0.0.1', port: 0 });
    const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
      execFile(
        'sipp',
        [
          `127.0.0.1:${l.port}`,
          '-t',
          't1',
          '-sf',
          join(scenarios, 'options-register.xml'),
          '-m',
          '1',
          '-i',
          '127.0.0.1',
          '-p',
          '0',
          '-timeout',
          '15s',
          '-timeout_error',
          '-nostdin',
        ],
        { timeout: 20_000, cwd: scenarios },
        (err, stdout, stderr) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, out: `${stdout}${stderr}` }),
      );
    });
    expect(result.code, result.out.slice(-2000)).toBe(0);
    expect(methods).toEqual(['OPTIONS', 'REGISTER']);
  }, 30_000);
});
