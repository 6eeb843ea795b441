/**
 * CreateFileAttachmentsManifest (LYNC.md §2.11): next to a batch's output, `<base>.ATTACH`
 * lists its file transfers, one JSON object per line (Lync never documented the format), and the
 * transferred files are copied into the compliance file store `files/` under the output directory.
 * Files are found by the content hash the file service records in the event's details
 * (`sha256`); one it no longer has is listed with `stored: null`. Written atomically under a deterministic name like every other output.
 */
import { safeStoredName } from './compliance-files.js';
import type { ComplianceFileSource, ComplianceOutputPort } from './compliance-output-port.js';
import type { QueuedComplianceEvent } from './compliance-queue-port.js';

export async function writeAttachmentsManifest(input: {
  events: readonly QueuedComplianceEvent[];
  baseName: string;
  outputDir: string;
  output: ComplianceOutputPort;
  fileSource: ComplianceFileSource | null;
}): Promise<string | null> {
  const transfers = input.events.filter((e) => e.type === 'FILEUPLOAD' || e.type === 'FILEDOWNLOAD');
  if (transfers.length === 0) return null;
  const lines: string[] = [];
  const copied = new Map<string, string | null>();
  for (const e of transfers) {
    const sha = e.details?.['sha256'];
    const sha256 = typeof sha === 'string' && /^[0-9a-f]{64}$/.test(sha) ? sha : null;
    const key = sha256 ?? e.content;
    let stored = copied.get(key);
    if (stored === undefined) {
      stored = null;
      const source = input.fileSource?.pathOf({ name: e.content, sha256 }) ?? null;
      if (source) {
        const name = `files/${sha256 ? `${sha256.slice(0, 16)}-` : ''}${safeStoredName(e.content)}`;
        if (await input.output.copyFile(input.outputDir, name, source)) stored = name;
      }
      copied.set(key, stored);
    }
    lines.push(
      JSON.stringify({
        seq: e.seq,
        eventId: e.id,
        type: e.type,
        at: e.at,
        roomUri: e.room.uri,
        userUri: e.user.uri,
        fileName: e.content,
        details: e.details,
        stored,
      }) + '\n',
    );
  }
  const name = `${input.baseName}.ATTACH`;
  await input.output.writeFile(input.outputDir, name, lines);
  return name;
}
