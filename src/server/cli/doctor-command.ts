import { createMemoryLogger } from '../store/memory-logger.js';
import { diagnoseStore, repairJournal, type StoreHealthReport } from '../store/store-doctor.js';
import { describeError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CommandOutput } from './command-output.js';

export interface DoctorArgs {
  /** The store's data directory. */
  dir: string;
  /** Truncate the journal at the first bad frame (after copying the damaged files aside). */
  repair?: boolean;
  /** Print the report as one JSON object. */
  json?: boolean;
}

function mb(bytes: number | null): string {
  return bytes === null ? '-' : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function printReport(r: StoreHealthReport, io: CommandOutput): void {
  io.out(`store:        ${r.dir}`);
  io.out(`health:       ${r.health}${r.lockedBy ? ` (in use by pid ${r.lockedBy})` : ''}`);
  io.out(
    `last seq:     ${r.lastSeq ?? '-'}   schema version: ${r.schemaVersion ?? '-'}   database: ${mb(r.databaseBytes)}`,
  );
  io.out(`snapshots:    ${r.snapshots.length}`);
  for (const s of r.snapshots) {
    io.out(
      `  ${s.name}  ${mb(s.bytes)}  ${s.valid ? `seq ${s.header?.seq} at ${s.header?.createdAt}` : `INVALID: ${s.error}`}`,
    );
  }
  io.out(`journal:      ${r.segments.length} segment(s), ${mb(r.journalBytes)}`);
  for (const s of r.segments) {
    const range = s.frames > 0 ? `seq ${s.firstSeq}..${s.lastSeq}` : 'empty';
    io.out(
      `  ${s.name}  ${s.frames} frame(s)  ${range}${s.bad ? `  bad frame at offset ${s.bad.offset} (${s.bad.reason})` : ''}`,
    );
  }
  if (r.tornTail)
    io.out(
      `torn tail:    ${r.tornTail.file} at offset ${r.tornTail.offset} (${r.tornTail.droppedBytes} bytes, dropped at start)`,
    );
  if (r.corruption)
    io.out(`CORRUPTION:   ${r.corruption.file} at offset ${r.corruption.offset} (${r.corruption.reason})`);
  if (r.error) io.out(`error:        ${r.error}`);
}

/** `parlance doctor [--repair] [--json] --data-dir <dir>`. Exit 0 healthy, 1 damaged, 2 usage. */
export async function runDoctor(args: DoctorArgs, io: CommandOutput): Promise<number> {
  if (!args.dir) {
    io.err('doctor: a data directory is required');
    return EXIT_USAGE;
  }
  try {
    const logger = createMemoryLogger('doctor');
    let report = await diagnoseStore(args.dir, logger);
    let repair = null;
    if (args.repair && report.corruption) {
      if (report.lockedBy !== null) {
        io.err(`doctor: the store is in use by pid ${report.lockedBy}; stop the server before --repair`);
        return EXIT_FAILURE;
      }
      repair = repairJournal(args.dir, report.corruption);
      report = await diagnoseStore(args.dir, logger);
    }
    if (args.json) io.out(JSON.stringify({ ...report, repair }));
    else {
      printReport(report, io);
      if (repair?.repaired) {
        io.out(`repaired:     truncated ${repair.truncated?.file} at offset ${repair.truncated?.offset}`);
        io.out(`              damaged files copied to ${repair.copiedTo}`);
        if (repair.removedSegments.length > 0)
          io.out(`              removed later segments: ${repair.removedSegments.join(', ')}`);
      } else if (report.corruption) {
        io.out('run `parlance doctor --repair` to truncate at the first bad frame (frames after it are lost)');
      }
    }
    return report.health === 'ok' || report.health === 'empty' || report.health === 'torn-tail'
      ? EXIT_OK
      : EXIT_FAILURE;
  } catch (error) {
    io.err(`doctor: ${describeError(error)}`);
    return EXIT_FAILURE;
  }
}
