/**
 * SIPp (Debian `sip-tester`) scenarios against a real server over TCP: Digest REGISTER, the
 * INVITE/ACK/INFO/BYE chat flow with an UPDATE refresh, a malformed request, and 503 +
 * Retry-After once a source has failed authentication too often. SIPp always sends a Via branch
 * and upper-case `TCP` (XCCOS.md §10 note); the pidgin-sipe test covers those quirks. Skipped,
 * with the reason printed, when `sipp` is not installed.
 */
import { execFile, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSipTestServer, type SipTestServer } from '../sip-test-server.test-support.js';

const hasSipp = spawnSync('sipp', ['-v'], { stdio: 'ignore' }).error === undefined;
const scenarios = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'sipp');
if (!hasSipp)
  process.stderr.write('frontend sipp.test.ts: skipped, `sipp` not found (apt-get install -y sip-tester)\n');

function sipp(port: number, scenario: string, user: string, password: string) {
  return new Promise<{ code: number; out: string }>((resolve) => {
    execFile(
      'sipp',
      [
        `127.0.0.1:${port}`,
        '-t', 't1',
        '-sf', join(scenarios, scenario),
        '-s', user,
        '-au', user,
        '-ap', password,
        '-m', '1',
        '-i', '127.0.0.1',
        '-p', '0',
        '-timeout', '15s',
        '-timeout_error',
        '-nostdin',
        '-trace_err',
      ], // prettier-ignore
      { timeout: 20_000, cwd: scenarios },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

let server: SipTestServer | undefined;

describe.skipIf(!hasSipp)('sipp against the SIP front end', () => {
  beforeAll(async () => {
    server = await startSipTestServer({ sipRegisterFailuresPerMinute: 1 });
    await server.addUser('alice', 'alice-password');
    await server.addUser('bob', 'bob-password');
    await server.setGlobalChat(true);
  });
  afterAll(async () => server?.stop());

  it('REGISTER with Digest', async () => {
    const r = await sipp(server!.tcpPort, 'register-digest.xml', 'alice', 'alice-password');
    expect(r.code, r.out.slice(-3000)).toBe(0);
  }, 25_000);

  it('INVITE/ACK/INFO/BYE on the lookup and chat endpoints, with an UPDATE refresh', async () => {
    const before = server!.sip.status().counters;
    const r = await sipp(server!.tcpPort, 'chat-dialog.xml', 'alice', 'alice-password');
    expect(r.code, r.out.slice(-3000)).toBe(0);
    const after = server!.sip.status().counters;
    expect(after.invitesAccepted! - before.invitesAccepted!).toBe(2);
    expect(after.requriAnswered! - before.requriAnswered!).toBe(1);
    expect(server!.sip.status().sessions).toBe(0);
  }, 25_000);

  it('a malformed request gets 400 and the connection keeps serving', async () => {
    const r = await sipp(server!.tcpPort, 'malformed.xml', 'alice', 'alice-password');
    expect(r.code, r.out.slice(-3000)).toBe(0);
  }, 25_000);

  it('503 + Retry-After after too many failed registrations from a source', async () => {
    const r = await sipp(server!.tcpPort, 'register-rate-limit.xml', 'bob', 'wrong-password');
    expect(r.code, r.out.slice(-3000)).toBe(0);
    expect(server!.sip.status().counters.registerRateLimited).toBeGreaterThanOrEqual(1);
  }, 25_000);
});
