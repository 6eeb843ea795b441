/**
 * Desktop e2e (Playwright `_electron`): the real Electron main process starts the server worker,
 * opens the console window over IPC, and the console lists rooms. Runs only where an Electron
 * binary exists; elsewhere the test is skipped with the reason printed. The binary is detected
 * without importing `electron` (whose entry point would try to download it).
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ParlanceBridge } from '../src/main/preload/admin-bridge.js';

const ROOT = resolve(import.meta.dirname, '..');
const ADMIN_PASSWORD = 'e2e-desktop-password';

type Detection = { ok: true; executablePath: string } | { ok: false; reason: string };

function detectElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): Detection {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return { ok: false, reason: `no Electron binary: ${pathFile} is missing (it is downloaded on first use)` };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = env['ELECTRON_OVERRIDE_DIST_PATH'] || join(pkg, 'dist');
  const executablePath = join(dist, relative);
  if (!existsSync(executablePath)) {
    return { ok: false, reason: `no Electron binary: ${executablePath} (named by path.txt) does not exist` };
  }
  if (process.platform === 'linux' && !env['DISPLAY'] && !env['WAYLAND_DISPLAY']) {
    return { ok: false, reason: 'Electron is installed but there is no display (run under xvfb-run)' };
  }
  return { ok: true, executablePath };
}

test.describe('desktop console (Electron)', () => {
  let app: ElectronApplication | undefined;
  let dataDir: string | undefined;

  test.afterEach(async () => {
    await app?.close();
    app = undefined;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens the window, shows the dashboard and lists rooms over IPC', async () => {
    const testInfo = test.info();
    const binary = detectElectronBinary(ROOT);
    if (!binary.ok) {
      process.stdout.write(`[electron e2e] skipped: ${binary.reason}\n`);
      test.skip(true, binary.reason);
      return;
    }
    const main = join(ROOT, 'out', 'main', 'index.js');
    expect(existsSync(main), `${main} is missing: run \`npm run build\` first`).toBe(true);

    dataDir = mkdtempSync(join(tmpdir(), 'parlance-electron-e2e-'));
    const args = [ROOT, '--data-dir', dataDir, '--http-port', '0'];
    if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
    app = await electron.launch({
      executablePath: binary.executablePath,
      args,
      // The built renderer, not a dev server.
      env: { ...process.env, PARLANCE_ADMIN_PASSWORD: ADMIN_PASSWORD, ELECTRON_RENDERER_URL: '' },
      timeout: 60_000,
    });
    const page = await app.firstWindow();

    // The preload exposes exactly two functions and nothing of Node or Electron.
    const surface = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      return {
        bridge: Object.keys((g['parlance'] ?? {}) as object).sort(),
        require: typeof g['require'],
        process: typeof g['process'],
        ipcRenderer: typeof g['ipcRenderer'],
      };
    });
    expect(surface).toEqual({
      bridge: ['call', 'subscribe'],
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
    });

    // Dashboard: the server status arrives over IPC (trusted: no login screen on the desktop).
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('region', { name: 'Uptime' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sign in to the admin console' })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('electron-dashboard.png') });

    // Create a category and a room through the bridge, then see the room in the console's list.
    const created = await page.evaluate(async () => {
      const bridge = (globalThis as unknown as { parlance: ParlanceBridge }).parlance;
      const category = await bridge.call('categories.create', { name: 'Desktop e2e' });
      if (!category.ok) return category;
      const categoryId = (category.value as { id: string }).id;
      return bridge.call('rooms.create', { name: 'desktop-e2e-room', categoryId });
    });
    expect(created.ok, JSON.stringify(created)).toBe(true);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rooms', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Rooms', level: 1 })).toBeVisible();
    await expect(page.getByText('desktop-e2e-room')).toBeVisible({ timeout: 15_000 });
    await page.screenshot({ path: testInfo.outputPath('electron-rooms.png') });

    const listed = await page.evaluate(() =>
      (globalThis as unknown as { parlance: ParlanceBridge }).parlance.call('rooms.list', {}),
    );
    expect(listed.ok && (listed.value as { items: { name: string }[] }).items.map((r) => r.name)).toContain(
      'desktop-e2e-room',
    );
  });
});
