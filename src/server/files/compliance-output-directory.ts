/**
 * The compliance output directory on disk. Every file is written atomically — a temp file named
 * with the pid and a random suffix, fsynced, renamed over the target, then the directory fsynced —
 * so a reader (or a crash) sees either the old or the new file, never a torn one. Leftover temp
 * files from a crash are ignored by `list` and replaced by the next write of the same batch.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ComplianceOutputFile, ComplianceOutputPort } from '../services/compliance/compliance-output-port.js';

const TEMP_MARK = '.tmp-';
const FLUSH_BYTES = 1 << 20;

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function tempName(target: string): string {
  return `${target}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
}

async function replaceWith(temp: string, target: string): Promise<void> {
  await rename(temp, target);
  await fsyncDir(dirname(target));
}

export function createComplianceOutputDirectory(): ComplianceOutputPort {
  return {
    async writeFile(dir, name, chunks) {
      const target = join(dir, name);
      await mkdir(dirname(target), { recursive: true });
      const temp = tempName(target);
      const handle = await open(temp, 'w');
      try {
        let pending: string[] = [];
        let pendingBytes = 0;
        for (const chunk of chunks) {
          pending.push(chunk);
          pendingBytes += chunk.length;
          if (pendingBytes >= FLUSH_BYTES) {
            await handle.write(pending.join(''));
            pending = [];
            pendingBytes = 0;
          }
        }
        if (pending.length > 0) await handle.write(pending.join(''));
        await handle.sync();
      } catch (err) {
        await handle.close().catch(() => undefined);
        await rm(temp, { force: true });
        throw err;
      }
      await handle.close();
      await replaceWith(temp, target);
    },

    async copyFile(dir, name, source) {
      const target = join(dir, name);
      await mkdir(dirname(target), { recursive: true });
      const temp = tempName(target);
      try {
        await copyFile(source, temp);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw err;
      }
      const handle = await open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await replaceWith(temp, target);
      return true;
    },

    async list(dir) {
      const out: ComplianceOutputFile[] = [];
      for (const sub of ['', 'files']) {
        let names: string[];
        try {
          names = await readdir(join(dir, sub));
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
          throw err;
        }
        for (const n of names) {
          if (n.includes(TEMP_MARK)) continue;
          const s = await stat(join(dir, sub, n));
          if (!s.isFile()) continue;
          out.push({ name: sub ? `${sub}/${n}` : n, bytes: s.size, modifiedAt: s.mtime.toISOString() });
        }
      }
      return out.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    },

    async read(dir, name, offset, maxBytes) {
      const path = join(dir, name);
      const handle = await open(path, 'r');
      try {
        const { size } = await handle.stat();
        const length = Math.max(0, Math.min(maxBytes, size - offset));
        const buffer = Buffer.alloc(length);
        if (length > 0) await handle.read(buffer, 0, length, offset);
        // never cut a UTF-8 sequence in half at the end of the window
        let end = length;
        while (end > 0 && end < size - offset && (buffer[end]! & 0xc0) === 0x80) end--;
        return { content: buffer.subarray(0, end).toString('utf8'), bytes: size };
      } finally {
        await handle.close();
      }
    },
  };
}
