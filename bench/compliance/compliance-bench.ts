/**
 * Compliance benchmark (issue 6): events/s through the Lync XML adapter for 1,000,000 queued
 * events, and peak RSS while doing it. The events are queued first (one bulk INSERT), then one
 * `compliance.runNow` drains the queue batch by batch — claim, XML, atomic file write, mark — on
 * the journaled store (fsync per claim and per mark) unless `--memory`. Not a test: no assertions.
 * Last line: one JSON object with at least `eventsPerSec` and `peakRssMB`.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createComplianceOutputDirectory } from '../../src/server/files/compliance-output-directory.js';
import { createAuditService } from '../../src/server/services/audit/audit-service.js';
import {
  createComplianceService,
  DEFAULT_CHUNK_SIZE,
} from '../../src/server/services/compliance/compliance-service.js';
import { NODE_TIMERS } from '../../src/server/services/compliance/compliance-timers-port.js';
import { createEventBus } from '../../src/server/services/shared/event-bus.js';
import { createMemoryLogger } from '../../src/server/store/memory-logger.js';
import { MIGRATIONS } from '../../src/server/store/migrations/index.js';
import { openSqlStore } from '../../src/server/store/open-sql-store.js';
import { insertSyntheticEvents } from '../../src/server/store/repos/compliance-queue-fixtures.js';
import { createSqlDataAccess } from '../../src/server/store/repos/sql-data-access.js';

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? undefined : argv[i + 1];
};
const EVENTS = Number(flag('events') ?? 1_000_000);
const CHUNK = Number(flag('chunk') ?? DEFAULT_CHUNK_SIZE);
const memory = argv.includes('--memory');

let peakRss = 0;
let peakRunRss = 0;
let inRun = false;
const sample = () => {
  const rss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rss);
  if (inRun) peakRunRss = Math.max(peakRunRss, rss);
};
const mb = (b: number) => b / 1024 / 1024;

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'parlance-bench-compliance-'));
  const sampler = setInterval(sample, 20);
  try {
    const logger = createMemoryLogger('bench');
    const store = await openSqlStore({
      ...(memory ? {} : { dir: join(work, 'store') }),
      migrations: MIGRATIONS,
      logger,
    });
    const data = createSqlDataAccess(store);
    const clock = { now: () => new Date() };
    let id = 0;
    const newId = () => `bench-${++id}`;
    const events = createEventBus(logger);
    let progressed = 0;
    events.subscribe((e) => {
      if (e.name === 'compliance.run.progressed') progressed = e.payload.eventsProcessed;
    });
    const outputDir = join(work, 'out');
    const service = createComplianceService({
      data,
      audit: createAuditService({ data, clock, newId }),
      events,
      clock,
      newId,
      timers: NODE_TIMERS,
      output: createComplianceOutputDirectory(),
      logger,
      domain: 'example.com',
      dataDir: work,
      chunkSize: CHUNK,
    });
    await service.start();
    const admin = { actor: { id: null, name: 'bench', role: 'admin' as const } };
    await service.updateConfig({ enabled: true, adapter: 'xml', outputDir, addUserDetails: true }, admin);

    const t0 = performance.now();
    await store.transaction((db) =>
      insertSyntheticEvents(db, {
        count: EVENTS,
        startMs: Date.parse('2026-03-01T00:00:00Z'),
        stepMs: 37,
        rooms: 200,
        users: 5000,
        domain: 'example.com',
        tag: 'b',
      }),
    );
    const queueSeconds = (performance.now() - t0) / 1000;
    sample();
    const rssAfterQueueMB = mb(process.memoryUsage().rss);
    console.log(`queued ${EVENTS} events in ${queueSeconds.toFixed(1)} s; RSS ${rssAfterQueueMB.toFixed(0)} MB`);

    const ticker = setInterval(
      () => console.log(`  … ${progressed} events, RSS ${mb(process.memoryUsage().rss).toFixed(0)} MB`),
      5000,
    );
    inRun = true;
    const t1 = performance.now();
    const { run } = await service.runNow({ wait: true }, admin);
    const seconds = (performance.now() - t1) / 1000;
    clearInterval(ticker);
    sample();
    inRun = false;
    if (run.outcome !== 'succeeded' || run.eventsProcessed !== EVENTS) {
      throw new Error(`run ${run.outcome}: ${run.eventsProcessed}/${EVENTS} ${run.errorMessage ?? ''}`);
    }
    const files = readdirSync(outputDir);
    const outputMB = files.reduce((n, f) => n + statSync(join(outputDir, f)).size, 0) / 1024 / 1024;
    await service.stop();
    await store.close();

    const figures = {
      eventsPerSec: Math.round(EVENTS / seconds),
      peakRssMB: Math.round(mb(peakRss)),
      peakRssDuringRunMB: Math.round(mb(peakRunRss)),
      rssAfterQueueMB: Math.round(rssAfterQueueMB),
      events: EVENTS,
      batchSize: CHUNK,
      batches: run.batches,
      files: files.length,
      outputMB: Number(outputMB.toFixed(1)),
      runSeconds: Number(seconds.toFixed(2)),
      store: memory ? 'memory' : 'journaled',
    };
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, Node ${process.version}, ${process.platform}`;
    const docs = resolve('docs/benchmarks.md');
    if (!existsSync(docs) || statSync(docs).size === 0)
      writeFileSync(docs, '# Benchmarks\n\nAppended by `npm run bench:*`.\n');
    appendFileSync(
      docs,
      `\n## compliance — ${new Date().toISOString()} (${EVENTS} events, XML adapter)\n\n` +
        `Machine: ${machine}\n\n` +
        `| figure | value |\n|---|---|\n` +
        Object.entries(figures)
          .map(([k, v]) => `| ${k} | ${v} |`)
          .join('\n') +
        '\n',
    );
    console.log(JSON.stringify(figures));
  } finally {
    clearInterval(sampler);
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
