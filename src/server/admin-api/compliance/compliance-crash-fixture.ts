/**
 * Child process for the compliance crash test (compliance-crash.test.ts), bundled and run as
 *   node compliance-crash-fixture.mjs <storeDir> <outputDir> <firstId> <mode: chaos|drain>
 * It records `count` CHAT events (content = the event id), printing `ack <id>` only after the
 * transaction is durable, and processes the queue through the real XML adapter in small batches.
 * In chaos mode the adapter fails at random — before writing, or after writing but before the
 * batch is acknowledged — and the parent SIGKILLs the process at a random moment. In drain mode
 * nothing fails and it prints `drained <queueDepth>` when the queue is empty.
 */
import type { ComplianceAdapter } from '../../services/compliance/compliance-adapter.js';
import { insertQueuedEvent } from '../../store/repos/compliance-queue-fixtures.js';
import { ADMIN, startComplianceHarness } from './compliance-harness.test-support.js';

async function main(): Promise<void> {
  const [storeDir, outputDir, firstIdArg, mode] = process.argv.slice(2);
  const chaos = mode === 'chaos';
  const out = (line: string) => process.stdout.write(line + '\n');
  const h = await startComplianceHarness({
    dir: storeDir!,
    outputDir: outputDir!,
    chunkSize: 13,
    wrapAdapter: (adapter): ComplianceAdapter => ({
      name: adapter.name,
      translate: async (batch, conversations, o) => {
        if (chaos && Math.random() < 0.15) throw new Error('injected failure before writing');
        const files = await adapter.translate(batch, conversations, o);
        if (chaos && Math.random() < 0.15) throw new Error('injected failure after writing');
        return files;
      },
    }),
  });
  await h.service.updateConfig({ enabled: true, adapter: 'xml', outputDir: outputDir! }, ADMIN);
  out('ready');
  let next = Number(firstIdArg);
  const writer = (async () => {
    for (let i = 0; i < (chaos ? 40 : 0); i++) {
      const ids = Array.from({ length: 5 }, () => `crash-${next++}`);
      await h.store.transaction((db) => {
        for (const id of ids) {
          insertQueuedEvent(db, id, {
            type: 'CHAT',
            at: new Date().toISOString(),
            room: { id: null, uri: `ma-chan://example.com/room-${next % 3}`, name: 'Crash room', logged: true },
            user: { id: null, uri: 'sip:crash@example.com', name: 'Crash', email: '' },
            messageId: next,
            content: id,
          });
        }
      });
      for (const id of ids) out(`ack ${id}`);
      await new Promise((r) => setTimeout(r, 2));
    }
  })();
  for (;;) {
    const { run } = await h.service.runNow({ wait: true }, ADMIN);
    const depth = h.service.getStatus().queueDepth;
    if (!chaos && run.outcome === 'succeeded' && depth === 0) {
      out(`drained ${depth}`);
      break;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await writer;
  await h.close();
}

main().catch((err: unknown) => {
  process.stdout.write(`error ${JSON.stringify({ message: (err as Error).message })}\n`);
  process.exit(3);
});
