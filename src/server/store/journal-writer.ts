import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log/logger.js';
import type { CommitLog } from './sql-store-engine.js';
import { fsyncDir, segmentName } from './store-files.js';

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

type Item = { frame: Buffer; waiter: Waiter } | { rotateTo: number };

export interface JournalWriterOptions {
  dir: string;
  /** First sequence number of the segment to append to. */
  firstSeq: number;
  logger: Logger;
  windowMs?: number;
  maxFrames?: number;
}

/**
 * Appends frames to the current segment with group commit: frames arriving within `windowMs`
 * (or until `maxFrames` wait) are written together and share one fdatasync; every waiting
 * promise then resolves. While one flush is in flight, new frames gather for the next one.
 */
export class JournalWriter implements CommitLog {
  private fh: FileHandle | undefined;
  private segmentFirstSeq: number;
  private queue: Item[] = [];
  private queuedFrames = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private failure: unknown;
  private closed = false;
  private readonly windowMs: number;
  private readonly maxFrames: number;
  /** Bytes in the current segment (including frames not yet flushed). */
  segmentBytes = 0;
  flushes = 0;
  framesWritten = 0;

  private constructor(private readonly options: JournalWriterOptions) {
    this.segmentFirstSeq = options.firstSeq;
    this.windowMs = options.windowMs ?? 2;
    this.maxFrames = options.maxFrames ?? 256;
  }

  static async open(options: JournalWriterOptions): Promise<JournalWriter> {
    const writer = new JournalWriter(options);
    await writer.openSegment(options.firstSeq);
    return writer;
  }

  get currentSegmentFirstSeq(): number {
    return this.segmentFirstSeq;
  }

  get pendingFrames(): number {
    return this.queuedFrames;
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  private async openSegment(firstSeq: number): Promise<void> {
    const path = join(this.options.dir, segmentName(firstSeq));
    this.fh = await open(path, 'a');
    this.segmentBytes = (await this.fh.stat()).size;
    fsyncDir(this.options.dir);
  }

  append(frame: Buffer): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('The journal is closed'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ frame, waiter: { resolve, reject } });
      this.queuedFrames++;
      this.segmentBytes += frame.length;
      this.schedule();
    });
  }

  /** Frames appended after this call go to a new segment starting at `firstSeq`. */
  rotate(firstSeq: number): void {
    if (this.failure !== undefined || firstSeq === this.segmentFirstSeq) return;
    this.queue.push({ rotateTo: firstSeq });
    this.segmentFirstSeq = firstSeq;
    this.segmentBytes = 0;
    this.schedule(true);
  }

  whenDurable(): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.queue.length === 0 && !this.flushing) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ frame: Buffer.alloc(0), waiter: { resolve, reject } });
      this.schedule(true);
    });
  }

  private schedule(now = false): void {
    if (this.flushing) return; // the running flush picks the queue up when it ends
    if (now || this.queuedFrames >= this.maxFrames || this.windowMs <= 0) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      this.startFlush();
    } else {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.startFlush();
      }, this.windowMs);
    }
  }

  private startFlush(): void {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = this.flushLoop().finally(() => {
      this.flushing = undefined;
    });
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      this.queuedFrames = 0;
      let waiters: Waiter[] = [];
      try {
        let chunks: Buffer[] = [];
        for (const item of batch) {
          if ('rotateTo' in item) {
            await this.writeAll(chunks);
            await this.fh!.datasync();
            this.framesWritten += chunks.length;
            chunks = [];
            // everything so far is durable in the old segment
            for (const w of waiters) w.resolve();
            waiters = [];
            await this.fh!.close();
            await this.openSegment(item.rotateTo);
          } else {
            if (item.frame.length > 0) chunks.push(item.frame);
            waiters.push(item.waiter);
          }
        }
        await this.writeAll(chunks);
        await this.fh!.datasync();
        this.flushes++;
        this.framesWritten += chunks.length;
      } catch (error) {
        this.fail(error, waiters);
        return;
      }
      for (const w of waiters) w.resolve();
    }
  }

  private async writeAll(chunks: Buffer[]): Promise<void> {
    if (chunks.length === 0) return;
    const data = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    let off = 0;
    while (off < data.length) {
      const { bytesWritten } = await this.fh!.write(data, off, data.length - off);
      if (bytesWritten <= 0) throw new Error('journal write made no progress');
      off += bytesWritten;
    }
  }

  private fail(error: unknown, waiters: Waiter[]): void {
    this.failure = error;
    this.options.logger.fatal('journal write failed', { error: (error as Error)?.message });
    for (const w of waiters) w.reject(error);
    for (const item of this.queue) if ('waiter' in item) item.waiter.reject(error);
    this.queue = [];
    this.queuedFrames = 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.startFlush();
    await this.flushing?.catch(() => undefined);
    await this.fh?.close().catch(() => undefined);
    this.fh = undefined;
  }
}
