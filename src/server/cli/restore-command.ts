import { restoreBackup } from '../store/store-backup.js';
import { describeError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CommandOutput } from './command-output.js';

export interface RestoreArgs {
  /** The backup file. */
  file: string;
  /** The store's data directory (the server must be stopped). */
  dir: string;
  /** Replace an existing store (its files are moved aside, not deleted). */
  force?: boolean;
}

/** `parlance restore <file> --data-dir <dir> [--force]`. */
export async function runRestore(args: RestoreArgs, io: CommandOutput): Promise<number> {
  if (!args.dir || !args.file) {
    io.err('restore: a backup file and a data directory are required');
    return EXIT_USAGE;
  }
  try {
    const result = await restoreBackup(args.file, args.dir, args.force === true);
    io.out(`restored ${args.file} into ${args.dir} (seq ${result.seq}, schema version ${result.schemaVersion})`);
    if (result.movedAsideTo) io.out(`the previous store files were moved to ${result.movedAsideTo}`);
    return EXIT_OK;
  } catch (error) {
    io.err(`restore: ${describeError(error)}`);
    return EXIT_FAILURE;
  }
}
