/**
 * The SIP trace file (issue 4 item 9; STYLE.md practice 10 "the raw wire trace has its own
 * category, off by default, formatted only when enabled"): readable message traces appended to
 * `<dataDir>/logs/sip-trace.log` when `sipTrace` is on.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { formatWireRecord, type WireTap } from '../transport/sip/endpoint/wire-trace.js';

export interface SipTraceFile extends WireTap {
  close(): Promise<void>;
}

export function openSipTraceFile(path: string): SipTraceFile {
  mkdirSync(dirname(path), { recursive: true });
  const stream: WriteStream = createWriteStream(path, { flags: 'a' });
  stream.on('error', () => undefined);
  return {
    enabled: () => stream.writable,
    record: (r) => void stream.write(`${formatWireRecord(r)}\n\n`),
    close: () => new Promise((resolve) => stream.end(() => resolve())),
  };
}
