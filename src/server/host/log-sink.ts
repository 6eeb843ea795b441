/**
 * The host's log file (headless CLI and Electron main): every record as one JSON line in
 * `${dataDir}/logs/parlance.log`, rotated by size the classic way (`parlance.log.1` is the newest
 * old file, at most `keepFiles` are kept). The server core never writes files for logging; its
 * records reach this sink through the worker port.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import type { LogRecord } from '../log/logger.js';

export const LOG_FILE_NAME = 'parlance.log';

export interface LogSinkOptions {
  dataDir: string;
  /** Rotate when the file reaches this many MiB (config `logRotateMB`). */
  rotateMB: number;
  /** Rotated files to keep (config `logKeepFiles`). */
  keepFiles: number;
  /** Overrides `rotateMB` with an exact byte size (tests). */
  rotateBytes?: number;
  /** Reported once if the file cannot be written; logging then continues without the file. */
  onError?: (error: Error) => void;
}

export interface LogSinkHandle {
  /** Absolute path of the current log file. */
  readonly file: string;
  write(record: LogRecord): void;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

export function openLogSink(options: LogSinkOptions): LogSinkHandle {
  const dir = join(options.dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const size = options.rotateBytes !== undefined ? `${options.rotateBytes}B` : `${options.rotateMB}M`;
  const stream: RotatingFileStream = createStream(
    (index: number | Date | null) => (index ? `${LOG_FILE_NAME}.${String(index)}` : LOG_FILE_NAME),
    { path: dir, size, rotate: options.keepFiles },
  );
  let failed = false;
  const fail = (error: Error): void => {
    if (failed) return;
    failed = true;
    options.onError?.(error);
  };
  stream.on('error', fail);
  stream.on('warning', fail);

  let closing: Promise<void> | undefined;
  return {
    file: join(dir, LOG_FILE_NAME),
    write(record) {
      if (failed || closing) return;
      stream.write(toJsonLine(record));
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (failed) return resolve();
        stream.once('finish', () => resolve());
        stream.once('error', () => resolve());
        stream.end();
      });
      return closing;
    },
  };
}

function toJsonLine(record: LogRecord): string {
  try {
    return JSON.stringify(record) + '\n';
  } catch {
    // Circular or BigInt fields: keep the essentials rather than lose the record.
    const { time, level, category, msg } = record;
    return JSON.stringify({ time, level, category, msg, unserializable: true }) + '\n';
  }
}
