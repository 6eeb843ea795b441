/**
 * pidgin-sipe (the stock Debian binary, driven headless by ../shared/interop/sipe) signs in to a
 * real Parlance server with SIP Digest over TCP and over TLS and reaches the chat endpoint: the
 * lookup INVITE, its `cmd:requri` round trip, and the second INVITE to the returned URI. The
 * harness and the libxml2 shim are built with gcc into a temporary directory for the run.
 * Skipped, with the reason printed, when gcc, pkg-config's purple or pidgin-sipe are missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMAIN, startSipTestServer, type SipTestServer } from '../sip-test-server.test-support.js';

const here = dirname(fileURLToPath(import.meta.url));
const KIT = resolve(here, '../../../../../shared/interop/sipe');
const PLUGIN = '/usr/lib/purple-2/libsipe.so';

function missing(): string | undefined {
  if (!existsSync(join(KIT, 'sipe-harness.c'))) return `interop kit not found at ${KIT}`;
  if (spawnSync('gcc', ['--version'], { stdio: 'ignore' }).status !== 0) return 'gcc not installed';
  if (spawnSync('pkg-config', ['--exists', 'purple', 'glib-2.0', 'libxml-2.0']).status !== 0) {
    return 'pkg-config cannot find purple/glib-2.0/libxml-2.0 (apt-get install -y libpurple-dev libxml2-dev pkg-config)';
  }
  if (!existsSync(PLUGIN)) return `${PLUGIN} missing (apt-get install -y pidgin-sipe)`;
  return undefined;
}

const reason = missing();
if (reason) process.stderr.write(`pidgin-sipe.test.ts: skipped, ${reason}\n`);

let work = '';
let server: SipTestServer | undefined;

function build(): void {
  const flags = (pkgs: string[]) =>
    spawnSync('pkg-config', ['--cflags', '--libs', ...pkgs], { encoding: 'utf8' })
      .stdout.trim()
      .split(/\s+/);
  const cc = (args: string[]) => {
    const r = spawnSync('gcc', args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`gcc ${args.join(' ')}: ${r.stderr}`);
  };
  cc(['-o', join(work, 'sipe-harness'), join(KIT, 'sipe-harness.c'), ...flags(['purple', 'glib-2.0'])]);
  cc(['-shared', '-fPIC', '-o', join(work, 'sax1shim.so'), join(KIT, 'sax1shim.c'), ...flags(['libxml-2.0']), '-ldl']);
}

interface HarnessRun {
  output: string;
  reachedChat: boolean;
}

/**
 * Run the harness until the server holds a chat dialog for the user after a requri answer (or
 * the timeout), then stop it; the harness itself never exits early (README §5).
 */
function runHarness(
  s: SipTestServer,
  port: number,
  transport: 'tcp' | 'tls',
  password: string,
  giveUp: (counters: Record<string, number>, before: Record<string, number>) => boolean = () => false,
): Promise<HarnessRun> {
  return new Promise((resolvePromise) => {
    const before = { ...s.sip.status().counters };
    const child = spawn(join(work, 'sipe-harness'), [`alice@${DOMAIN}`, `127.0.0.1:${port}`], {
      env: {
        ...process.env,
        LD_PRELOAD: join(work, 'sax1shim.so'),
        SIPE_TRANSPORT: transport,
        SIPE_PASSWORD: password,
        HARNESS_TIMEOUT: '15',
        HARNESS_DIR: join(work, `home-${transport}-${password.length}`),
        ...(transport === 'tls' ? { HARNESS_ACCEPT_ALL: '1' } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    let reachedChat = false;
    const poll = setInterval(() => {
      const c = s.sip.status().counters;
      // Two INVITEs accepted (lookup, chat) and one requri answered since this run started.
      if (c.invitesAccepted! - before.invitesAccepted! >= 2 && c.requriAnswered! - before.requriAnswered! >= 1) {
        reachedChat = true;
        setTimeout(() => child.kill('SIGTERM'), 300);
        clearInterval(poll);
      } else if (giveUp(c, before)) {
        setTimeout(() => child.kill('SIGTERM'), 1000);
        clearInterval(poll);
      }
    }, 100);
    const stopAt = setTimeout(() => child.kill('SIGTERM'), 14_000);
    child.on('exit', () => {
      clearInterval(poll);
      clearTimeout(stopAt);
      resolvePromise({ output, reachedChat });
    });
  });
}

describe.skipIf(reason !== undefined)('pidgin-sipe against Parlance', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'parlance-sipe-'));
    build();
    server = await startSipTestServer({ sipTlsPort: 0 });
    await server.addUser('alice', 'alice-password');
    await server.setGlobalChat(true);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('signs in with Digest over TCP and over TLS and reaches the chat endpoint', async () => {
    const s = server!;
    const tcp = await runHarness(s, s.tcpPort, 'tcp', 'alice-password');
    expect(tcp.output, tcp.output.slice(-4000)).toContain('[harness] SIGNED-ON as alice@example.com');
    expect(tcp.reachedChat, tcp.output.slice(-4000)).toBe(true);
    // COMPAT: SIPE hashes uri="(null)" and, without a separate login, sends the full address.
    expect(tcp.output).toMatch(/Proxy-Authorization: Digest username="alice@example.com".*uri="\(null\)"/);
    expect(tcp.output).toContain('sip:parlance-chat@example.com');

    const tls = await runHarness(s, s.tlsPort!, 'tls', 'alice-password');
    expect(tls.output, tls.output.slice(-4000)).toContain('[harness] SIGNED-ON as alice@example.com');
    expect(tls.reachedChat, tls.output.slice(-4000)).toBe(true);

    const recent = await s.ok('sip.recentMessages', { limit: 1000 });
    expect(recent.items.some((m) => m.transport === 'TLS' && m.firstLine.startsWith('INVITE sip:parlance-chat@'))).toBe(
      true,
    );
  }, 45_000);

  it('does not sign in with a wrong password', async () => {
    const run = await runHarness(
      server!,
      server!.tcpPort,
      'tcp',
      'wrong-password',
      (c, before) => c.registerFailures! > before.registerFailures!,
    );
    expect(run.output).toMatch(/SIP\/2.0 403 Forbidden/);
    expect(run.reachedChat).toBe(false);
    expect(run.output).not.toContain('[harness] SIGNED-ON');
  }, 30_000);
});
