import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { fsyncDir } from './store-files.js';

/**
 * Snapshot and backup image file: `PLSNAP01` | u32 header length | header JSON | u32 header crc32 |
 * SQLite image. The header records the last journal sequence the image contains (it is also in
 * the image as `meta.last_seq`) and the image's checksum, so a damaged snapshot is recognised.
 */
const MAGIC = Buffer.from('PLSNAP01', 'ascii');

export interface SnapshotHeader {
  seq: number;
  schemaVersion: number;
  imageBytes: number;
  imageCrc32: number;
  createdAt: string;
}

export function encodeSnapshot(image: Uint8Array, seq: number, schemaVersion: number, now = new Date()): Buffer[] {
  const header: SnapshotHeader = {
    seq,
    schemaVersion,
    imageBytes: image.byteLength,
    imageCrc32: crc32(image),
    createdAt: now.toISOString(),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.allocUnsafe(MAGIC.length + 4 + json.length + 4);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(json.length, MAGIC.length);
  json.copy(prefix, MAGIC.length + 4);
  prefix.writeUInt32LE(crc32(json), MAGIC.length + 4 + json.length);
  return [prefix, Buffer.from(image.buffer, image.byteOffset, image.byteLength)];
}

export class SnapshotFormatError extends Error {
  override readonly name = 'SnapshotFormatError';
}

export function decodeSnapshot(file: Uint8Array): { header: SnapshotHeader; image: Uint8Array } {
  const b = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (b.length < MAGIC.length + 8 || !b.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new SnapshotFormatError('not a Parlance snapshot (bad magic)');
  }
  const jsonLength = b.readUInt32LE(MAGIC.length);
  const jsonStart = MAGIC.length + 4;
  const jsonEnd = jsonStart + jsonLength;
  if (jsonEnd + 4 > b.length) throw new SnapshotFormatError('truncated snapshot header');
  const json = b.subarray(jsonStart, jsonEnd);
  if (crc32(json) !== b.readUInt32LE(jsonEnd)) throw new SnapshotFormatError('snapshot header checksum mismatch');
  const header = JSON.parse(json.toString('utf8')) as SnapshotHeader;
  const image = b.subarray(jsonEnd + 4);
  if (image.length !== header.imageBytes) {
    throw new SnapshotFormatError(`snapshot image is ${image.length} bytes, header says ${header.imageBytes}`);
  }
  if (crc32(image) !== header.imageCrc32) throw new SnapshotFormatError('snapshot image checksum mismatch');
  return { header, image: new Uint8Array(image.buffer, image.byteOffset, image.byteLength) };
}

export function readSnapshotFile(path: string): { header: SnapshotHeader; image: Uint8Array } {
  return decodeSnapshot(readFileSync(path));
}

function tempPathFor(path: string): string {
  return join(dirname(path), `${basename(path)}.tmp`);
}

/** temp → fsync → rename → fsync dir, asynchronously (the writer keeps running meanwhile). */
export async function writeFileDurably(path: string, chunks: readonly Uint8Array[]): Promise<void> {
  const tmp = tempPathFor(path);
  const fh = await open(tmp, 'w');
  try {
    await fh.writev(chunks as Uint8Array[]);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
  fsyncDir(dirname(path));
}

/** The same, synchronously (start-up, CLI commands). */
export function writeFileDurablySync(path: string, chunks: readonly Uint8Array[]): void {
  const tmp = tempPathFor(path);
  const fd = openSync(tmp, 'w');
  try {
    for (const chunk of chunks) {
      let off = 0;
      while (off < chunk.byteLength) off += writeSync(fd, chunk, off);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}
