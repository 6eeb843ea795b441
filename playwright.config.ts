import { defineConfig } from '@playwright/test';
import {
  chooseConsolePort,
  consoleDataDir,
  consolePort,
  consoleUrl,
  E2E_ADMIN_PASSWORD,
} from './e2e/support/console-server';

const CHROMIUM = process.env['PARLANCE_E2E_CHROMIUM'] ?? '/usr/bin/chromium';
const dataDir = consoleDataDir();
await chooseConsolePort();

/**
 * Two projects: `console` drives the built console in Debian's Chromium against the headless server
 * (started below on a fresh data directory); `electron` launches the desktop app itself and skips
 * when no Electron binary exists. Both need `npm run build` first (`npm test` does it).
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  globalTeardown: './e2e/support/global-teardown.ts',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'console',
      testMatch: /console.*\.spec\.ts/,
      use: {
        baseURL: consoleUrl(),
        browserName: 'chromium',
        viewport: { width: 1366, height: 860 },
        launchOptions: {
          executablePath: CHROMIUM,
          headless: true,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    {
      name: 'electron',
      testMatch: /electron\.spec\.ts/,
    },
  ],
  webServer: {
    command: [
      'node bin/parlance.js serve',
      `--data-dir "${dataDir}"`,
      `--http-port ${consolePort()}`,
      // SIP on free ports, TLS off: the e2e run must not collide with anything on 5060/5061.
      '--sip-tcp-port 0',
      '--sip-tls-port -1',
      '--bind 127.0.0.1',
      `--admin-password "${E2E_ADMIN_PASSWORD}"`,
    ].join(' '),
    url: `${consoleUrl()}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
