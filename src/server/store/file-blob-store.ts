/**
 * The content-addressed file store (STYLE.md §8.5; issue 5 item 9): `<dir>/<aa>/<sha256>`, written
 * to a temp file, fsynced, renamed into place, and the directory fsynced. Names come only from the
 * hash, so no client-supplied name ever reaches the file system.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobStore } from '../services/files/blob-store-port.js';

const SHA256_RE = /^[0-9a-f]{64}$/;

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function createFileBlobStore(dir: string): BlobStore {
  const pathOf = (sha: string) => join(dir, sha.slice(0, 2), sha);
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      const exists = await stat(target).then(
        (s) => s.size === bytes.length,
        () => false,
      );
      if (!exists) {
        const folder = join(dir, sha256.slice(0, 2));
        await mkdir(folder, { recursive: true });
        const temp = join(folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
        const handle = await open(temp, 'wx');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, target);
        await fsyncDir(folder);
      }
      return { sha256, size: bytes.length };
    },
    async get(sha256) {
      if (!SHA256_RE.test(sha256)) return undefined;
      return readFile(pathOf(sha256)).then(
        (b) => new Uint8Array(b),
        () => undefined,
      );
    },
  };
}
