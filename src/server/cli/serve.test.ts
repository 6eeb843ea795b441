/**
 * The built headless host end to end: `node bin/parlance.js serve` runs out/main/cli.js, which
 * starts out/main/server-worker.js under plain Node and prints `Console: <url>`. Needs the build
 * (`npm test` and CI build before the unit tests); skipped with the reason printed otherwise.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'bin', 'parlance.js');
const built = ['out/main/cli.js', 'out/main/server-worker.js'].every((f) => existsSync(join(root, f)));
if (!built) console.warn('serve.test.ts skipped: out/main is not built (run `npm run build` first)');

/** The environment without the developer's own PARLANCE_* settings. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PARLANCE_')));
  // SIP listeners on free ports (TLS off), so parallel test files never collide on 5060/5061.
  return { ...env, NO_COLOR: '1', PARLANCE_SIP_TCP_PORT: '0', PARLANCE_SIP_TLS_PORT: '-1', ...extra };
}

interface Served {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];

function serve(args: string[], env: Record<string, string> = {}): Promise<Served> {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { cwd: root, env: cleanEnv(env) });
  running.push(child);
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no Console line within 20 s\n${out}\n${err}`)), 20_000);
    const check = (): void => {
      const m = /^Console: (http:\/\/\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, stdout: () => out, stderr: () => err, exited });
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before printing the console URL\n${out}\n${err}`));
    });
  });
}

function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: cleanEnv(env) });
    running.push(child);
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

async function stop(s: Served): Promise<number | null> {
  s.child.kill('SIGTERM');
  return s.exited;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads arbitrary method outputs
type Envelope = { ok: boolean; value?: any; error?: { code: string } };

async function rpc(url: string, method: string, body: unknown, cookie?: string) {
  const res = await fetch(`${url}/api/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as Envelope,
    res,
  };
}

async function login(url: string, password: string): Promise<string> {
  const { status, res } = await rpc(url, 'auth.login', { username: 'admin', password });
  expect(status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'parlance-serve-'));
});
afterEach(async () => {
  for (const c of running.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

describe.skipIf(!built)('parlance serve (built worker under plain Node)', () => {
  it('prints the console URL and the generated password once; refuses unauthenticated calls; answers server.status after login', async () => {
    const s = await serve(['--data-dir', dataDir, '--http-port', '0']);
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s.url).not.toMatch(/:0$/);
    const password = /Password: (\S+)/.exec(s.stdout())?.[1];
    expect(password).toBeDefined();
    expect(s.stdout()).toContain('shown only once');

    const anonymous = await rpc(s.url, 'server.status', {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error?.code).toBe('ERR_AUTH_REQUIRED');

    const cookie = await login(s.url, password!);
    expect(cookie).toMatch(/^parlance_session=/);
    const status = await rpc(s.url, 'server.status', {}, cookie);
    expect(status.status).toBe(200);
    expect(status.body.value).toMatchObject({ name: 'parlance', host: 'headless', httpUrl: s.url, dataDir });

    // The built console is served too.
    const page = await fetch(`${s.url}/rooms`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">|<html/);

    expect(await stop(s)).toBe(0);
    expect(existsSync(join(dataDir, 'logs', 'parlance.log'))).toBe(true);
  });

  it('keeps data across a restart and does not print a password the second time', async () => {
    const password = 'restart-secret-1';
    const first = await serve(['--data-dir', dataDir, '--http-port', '0'], { PARLANCE_ADMIN_PASSWORD: password });
    let cookie = await login(first.url, password);
    const category = await rpc(first.url, 'categories.create', { name: 'Engineering' }, cookie);
    expect(category.status).toBe(200);
    const room = await rpc(first.url, 'rooms.create', { name: 'Lobby', categoryId: category.body.value.id }, cookie);
    expect(room.status).toBe(200);
    expect(await stop(first)).toBe(0);

    const second = await serve(['--data-dir', dataDir, '--http-port', '0']);
    expect(second.stdout()).not.toContain('Password:');
    cookie = await login(second.url, password);
    const rooms = await rpc(second.url, 'rooms.list', {}, cookie);
    expect(rooms.body.value.items.map((r: { name: string }) => r.name)).toEqual(['Lobby']);
    expect(await stop(second)).toBe(0);
  });

  it('doctor, backup and restore: a backup of a running server restores into a new data directory', async () => {
    const password = 'backup-secret-1';
    const s = await serve(['--data-dir', dataDir, '--http-port', '0'], { PARLANCE_ADMIN_PASSWORD: password });
    const cookie = await login(s.url, password);
    const category = await rpc(s.url, 'categories.create', { name: 'Archive' }, cookie);
    await rpc(s.url, 'rooms.create', { name: 'Kept', categoryId: category.body.value.id }, cookie);

    const file = join(dataDir, 'parlance.backup');
    const backup = await run(['backup', file, '--data-dir', dataDir]);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toContain('backup written');
    expect(await stop(s)).toBe(0);

    const doctor = await run(['doctor', '--data-dir', dataDir]);
    expect(doctor.code, doctor.err).toBe(0);
    expect(doctor.out).toMatch(/health:\s+ok/);

    const target = join(dataDir, 'restored');
    const restore = await run(['restore', file, '--data-dir', target]);
    expect(restore.code, restore.err).toBe(0);
    const again = await run(['restore', file, '--data-dir', target]);
    expect(again.code).not.toBe(0);
    expect(again.err).toContain('ERR_STORE_RESTORE_REFUSED');

    const restored = await serve(['--data-dir', target, '--http-port', '0']);
    expect(restored.stdout()).not.toContain('Password:');
    const rooms = await rpc(restored.url, 'rooms.list', {}, await login(restored.url, password));
    expect(rooms.body.value.items.map((r: { name: string }) => r.name)).toEqual(['Kept']);
    expect(await stop(restored)).toBe(0);
  });

  it('exits non-zero naming the key when the configuration is invalid', async () => {
    const env = await run(['serve', '--data-dir', dataDir], { PARLANCE_HTTP_PORT: 'abc' });
    expect(env.code).not.toBe(0);
    expect(env.err).toContain('ERR_CONFIG_INVALID');
    expect(env.err).toContain('PARLANCE_HTTP_PORT');

    const flag = await run(['serve', '--data-dir', dataDir, '--bind', 'not an address']);
    expect(flag.code).not.toBe(0);
    expect(flag.err).toContain('--bind');
  });

  it('exits non-zero with a coded message when the port is taken', async () => {
    const s = await serve(['--data-dir', dataDir, '--http-port', '0'], { PARLANCE_ADMIN_PASSWORD: 'port-secret-1' });
    const port = new URL(s.url).port;
    const other = await mkdtemp(join(tmpdir(), 'parlance-serve-'));
    try {
      const clash = await run(['serve', '--data-dir', other, '--http-port', port]);
      expect(clash.code).not.toBe(0);
      expect(clash.err).toContain('ERR_HTTP_LISTEN_FAILED');
      expect(clash.err).toContain(`:${port}`);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
    expect(await stop(s)).toBe(0);
  });

  it('status, call and the aliases work against the running server, with coded errors and exit codes', async () => {
    const password = 'cli-secret-123';
    const s = await serve(['--data-dir', dataDir, '--http-port', '0'], { PARLANCE_ADMIN_PASSWORD: password });
    const env = { PARLANCE_URL: s.url, PARLANCE_PASSWORD: password };

    const status = await run(['status'], env);
    expect(status.code).toBe(0);
    expect(status.out).toContain(`Console: ${s.url}`);

    const created = await run(['categories', 'create', '--name', 'Ops'], env);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out)).toMatchObject({ name: 'Ops' });
    const room = await run(['rooms', 'create', '--name', 'War room', '--category', 'ops', '--privacy', 'open'], env);
    expect(room.code).toBe(0);
    expect(JSON.parse(room.out)).toMatchObject({ name: 'War room', categoryName: 'Ops', privacy: 'open' });

    const listed = await run(['call', 'rooms.list', '{"search":"war"}'], env);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.out).items).toHaveLength(1);

    const duplicate = await run(['call', 'categories.create', '{"name":"Ops"}'], env);
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toContain('ERR_CATEGORY_NAME_TAKEN');

    const wrong = await run(['status', '--password', 'wrong-password'], { PARLANCE_URL: s.url });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('ERR_AUTH_INVALID_CREDENTIALS');

    expect(await stop(s)).toBe(0);
    const gone = await run(['status'], env);
    expect(gone.code).toBe(1);
    expect(gone.err).toContain('ERR_SERVER_UNAVAILABLE');
  });
});
