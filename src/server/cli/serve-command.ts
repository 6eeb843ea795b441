/**
 * `parlance serve`: the headless host. Parses the configuration once, opens the host log sink,
 * runs the server worker (out/main/server-worker.js) and prints where the console is:
 *
 *     Console: http://127.0.0.1:8080
 *
 * (the real port when `--http-port 0`), plus the generated administrator password on first run.
 * SIGINT/SIGTERM stop the server gracefully. Exit status: 0 after a clean stop, 1 on invalid
 * configuration, a failed start or an unexpected worker exit.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ConfigKey } from '../config/config-schema.js';
import { isServerError } from '../errors/server-error.js';
import { formatLogLine } from '../host/format-log-line.js';
import { openLogSink } from '../host/log-sink.js';
import { createLogger } from '../log/logger-factory.js';
import type { LogRecord } from '../log/logger.js';
import { startServerWorker, type ServerWorker } from '../rpc/worker-client.js';
import { formatError, type CliIo } from './cli-io.js';
import { firstRunBanner } from './first-run-banner.js';
import { loadServeConfig } from './serve-config.js';
import { PARLANCE_VERSION } from './version.js';

/** Next to the bundle: out/main/cli.js → out/main/server-worker.js and out/renderer/. */
const WORKER_URL = new URL('./server-worker.js', import.meta.url);
const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));

export async function runServe(flags: Partial<Record<ConfigKey, unknown>>, io: CliIo): Promise<number> {
  let config;
  try {
    config = loadServeConfig({
      flags,
      env: process.env,
      cwd: process.cwd(),
      builtConsoleDir: existsSync(`${RENDERER_DIR}index.html`) ? RENDERER_DIR : null,
    });
  } catch (err) {
    if (!isServerError(err)) throw err;
    io.err(`parlance: ${formatError(err.toJSON())}`);
    return 1;
  }

  const color = process.stderr.isTTY === true;
  const echo = (record: LogRecord): void => io.err(formatLogLine(record, { color }));
  const sink = openLogSink({
    dataDir: config.dataDir,
    rotateMB: config.logRotateMB,
    keepFiles: config.logKeepFiles,
    onError: (error) => io.err(`parlance: cannot write the log file: ${error.message}`),
  });
  const toSinks = (record: LogRecord): void => {
    sink.write(record);
    echo(record);
  };
  const log = createLogger({ level: config.logLevel, sinks: [toSinks], category: 'host' });

  let worker: ServerWorker;
  try {
    worker = await startServerWorker({
      workerUrl: WORKER_URL,
      data: { config, hostKind: 'headless', version: PARLANCE_VERSION },
      onLog: toSinks,
    });
  } catch (err) {
    io.err(`parlance: the server could not start: ${isServerError(err) ? formatError(err.toJSON()) : String(err)}`);
    await sink.close();
    return 1;
  }

  io.out(`Parlance ${PARLANCE_VERSION} (headless)`);
  io.out(`Data:    ${config.dataDir}`);
  io.out(`Log:     ${sink.file}`);
  if (worker.ready.firstRun) io.out(firstRunBanner(worker.ready.firstRun));
  io.out(`Console: ${worker.ready.httpUrl ?? '(HTTP disabled)'}`);
  if (config.consoleDir === '') io.out('         (API only: no console build found; run `npm run build`)');
  io.out('Press Ctrl+C to stop.');
  if (config.openBrowser && worker.ready.httpUrl) openBrowser(worker.ready.httpUrl);

  return new Promise<number>((resolve) => {
    let stopping = false;
    const finish = async (code: number): Promise<void> => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await sink.close();
      resolve(code);
    };
    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) {
        io.err('parlance: second signal, exiting now');
        process.exit(130);
      }
      stopping = true;
      log.info('stopping', { signal });
      worker.stop().then(
        () => void finish(0),
        (err: unknown) => {
          log.error('stop failed', { err: String(err) });
          void finish(1);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    worker.onExit((exit) => {
      if (stopping) return;
      stopping = true;
      log.fatal('the server worker exited unexpectedly', { code: exit.code, error: exit.error });
      if (exit.error) io.err(`parlance: ${formatError(exit.error)}`);
      void finish(1);
    });
  });
}

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser to open: the URL is printed anyway.
  }
}
