import { createMemoryLogger } from '../store/memory-logger.js';
import { backupDataDir } from '../store/store-backup.js';
import { describeError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CommandOutput } from './command-output.js';

export interface BackupArgs {
  /** The store's data directory (the server may be running). */
  dir: string;
  /** The backup file to write. */
  file: string;
}

/**
 * `parlance backup <file> --data-dir <dir>`: an online, consistent backup — the newest snapshot
 * plus every durable journal frame, as one checksummed image that records the sequence it covers.
 */
export async function runBackup(args: BackupArgs, io: CommandOutput): Promise<number> {
  if (!args.dir || !args.file) {
    io.err('backup: a data directory and a target file are required');
    return EXIT_USAGE;
  }
  try {
    const result = await backupDataDir(args.dir, args.file, createMemoryLogger('backup'));
    io.out(
      `backup written: ${result.file} (seq ${result.seq}, schema version ${result.schemaVersion}, ${result.bytes} bytes)`,
    );
    return EXIT_OK;
  } catch (error) {
    io.err(`backup: ${describeError(error)}`);
    return EXIT_FAILURE;
  }
}
