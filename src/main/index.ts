/**
 * The Electron main process: a thin shell (DESIGN.md §1–2). It owns the app lifecycle and the
 * window, parses the configuration once, runs the server core in a worker thread
 * (server-host.ts) and relays the admin API to the renderer over IPC (ipc/admin-bridge.ts).
 */
import { app, BrowserWindow, dialog, session } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, CONFIG_FILE_NAME } from '../server/config/load-config.js';
import type { Config } from '../server/config/config-schema.js';
import { isServerError } from '../server/errors/server-error.js';
import { createLogger } from '../server/log/logger-factory.js';
import type { LogRecord, Logger } from '../server/log/logger.js';
import { formatLogLine } from '../server/host/format-log-line.js';
import { openLogSink, type LogSinkHandle } from '../server/host/log-sink.js';
import { startServerWorker } from '../server/rpc/worker-client.js';
import { appEntryUrl, type AppOrigin } from './app-url.js';
import { parseConfigFlags } from './config-flags.js';
import { createAdminBridge, type AdminBridge } from './ipc/admin-bridge.js';
import { startServerHost, type ServerHost } from './server-host.js';
import { hardenSession, hardenWebContents } from './web-security.js';

const origin: AppOrigin = {
  rendererIndexFile: fileURLToPath(new URL('../renderer/index.html', import.meta.url)),
  devServerUrl:
    !app.isPackaged && process.env['ELECTRON_RENDERER_URL'] ? process.env['ELECTRON_RENDERER_URL'] : undefined,
};
const preloadFile = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const workerUrl = new URL('./server-worker.js', import.meta.url);

let mainWindow: BrowserWindow | null = null;
let host: ServerHost | null = null;
let bridge: AdminBridge | null = null;
let logSink: LogSinkHandle | null = null;
let logger: Logger | null = null;
let quitting = false;

if (!app.requestSingleInstanceLock()) {
  app.exit(0);
} else {
  app.on('second-instance', () => {
    if (mainWindow === null || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origin, mainLogger()));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (host !== null && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app.on('will-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    void shutdown().finally(() => app.exit(0));
  });
  app
    .whenReady()
    .then(main)
    .catch((error: unknown) => fail('Parlance could not start', error));
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig({
      flags: parseConfigFlags(process.argv.slice(1)),
      env: process.env,
      defaultDataDir: app.getPath('userData'),
      readConfigFile: (dataDir) => {
        const file = join(dataDir, CONFIG_FILE_NAME);
        return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      },
    });
  } catch (error) {
    fail('Parlance: invalid configuration', error);
    return;
  }

  try {
    logSink = openLogSink({
      dataDir: config.dataDir,
      rotateMB: config.logRotateMB,
      keepFiles: config.logKeepFiles,
      onError: (error) => writeToStderr(record('error', 'the log file cannot be written', { error: error.message })),
    });
  } catch (error) {
    fail(`Parlance: cannot write to the data directory ${config.dataDir}`, error);
    return;
  }
  const sinks = [(entry: LogRecord) => logSink?.write(entry)];
  if (!app.isPackaged) sinks.push(writeToStderr);
  logger = createLogger({ level: config.logLevel, sinks, category: 'main' });
  logger.info('starting', { version: app.getVersion(), dataDir: config.dataDir, electron: process.versions.electron });

  try {
    host = await startServerHost({
      start: startServerWorker,
      workerUrl,
      data: { config, hostKind: 'electron', version: app.getVersion() },
      logger: logger.child('server-host'),
      forwardLog: (record) => logSink?.write(record),
      onGiveUp: (reason) => {
        dialog.showErrorBox('Parlance: the server stopped', `${reason}. See the log in ${config.dataDir}.`);
      },
    });
  } catch (error) {
    fail('Parlance: the server could not start', error);
    return;
  }

  hardenSession(session.defaultSession, origin);
  bridge = createAdminBridge(host, origin, logger.child('ipc'));
  openMainWindow();

  const generated = host.ready.firstRun?.generatedPassword;
  if (host.ready.firstRun && generated !== undefined) {
    // Shown once, never logged: the desktop user needs it only to sign in from a browser.
    void dialog.showMessageBox({
      type: 'info',
      title: 'Parlance administrator',
      message: 'Parlance created the first administrator.',
      detail: `User: ${host.ready.firstRun.username}\nPassword: ${generated}\n\nKeep it: it is shown only once.`,
    });
  }
}

function openMainWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Parlance',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  mainWindow = win;
  bridge?.attachWindow(win);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.loadURL(appEntryUrl(origin)).catch((error: unknown) => {
    mainLogger().error('could not load the console', { error: String(error) });
  });
}

async function shutdown(): Promise<void> {
  bridge?.dispose();
  bridge = null;
  try {
    await host?.stop();
  } catch (error) {
    mainLogger().error('server worker did not stop cleanly', { error: String(error) });
  }
  host = null;
  mainLogger().info('stopped');
  await logSink?.close();
  logSink = null;
}

/** Reports a fatal start-up problem and exits non-zero. */
function fail(title: string, error: unknown): void {
  const message = isServerError(error) || error instanceof Error ? error.message : String(error);
  mainLogger().fatal(title, { error: message });
  dialog.showErrorBox(title, message);
  quitting = true;
  void shutdown().finally(() => app.exit(1));
}

function mainLogger(): Logger {
  if (logger === null) {
    logger = createLogger({ level: 'info', sinks: [writeToStderr], category: 'main' });
  }
  return logger;
}

function writeToStderr(entry: LogRecord): void {
  process.stderr.write(formatLogLine(entry) + '\n');
}

function record(level: LogRecord['level'], msg: string, fields: Record<string, unknown>): LogRecord {
  return { time: new Date().toISOString(), level, category: 'main', msg, ...fields };
}
