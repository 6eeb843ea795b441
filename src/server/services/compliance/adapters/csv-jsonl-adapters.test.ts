import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createComplianceOutputDirectory } from '../../../files/compliance-output-directory.js';
import type { ComplianceAdapter } from '../compliance-adapter.js';
import { ALL_TYPES, sampleBatch, sampleEvent, sampleSettings } from '../compliance-test-events.test-support.js';
import { groupConversations } from '../conversations.js';
import { createCsvAdapter, CSV_COLUMNS } from './csv-adapter.js';
import { createJsonlAdapter } from './jsonl-adapter.js';

const work = mkdtempSync(join(tmpdir(), 'parlance-csv-jsonl-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const events = ALL_TYPES.map((type, i) => sampleEvent(i + 1, type));

async function write(adapter: ComplianceAdapter): Promise<string> {
  const dir = mkdtempSync(join(work, 'out-'));
  const [file] = await adapter.translate(
    sampleBatch(events, sampleSettings({ outputDir: dir })),
    groupConversations(events, 15),
    { writeFile: (name, chunks) => createComplianceOutputDirectory().writeFile(dir, name, chunks) },
  );
  return readFileSync(join(dir, file!), 'utf8');
}

/** A strict RFC 4180 reader (quoted fields with doubled quotes, CRLF records). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  return rows;
}

describe('CSV adapter', () => {
  it('writes one RFC 4180 row per event, all nine types, content verbatim', async () => {
    const rows = parseCsv(await write(createCsvAdapter()));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const body = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])));
    expect(body).toHaveLength(events.length);
    for (const e of events) {
      const r = body.find((x) => x['eventId'] === e.id)!;
      expect(r).toMatchObject({
        type: e.type,
        timeUtc: e.at,
        roomUri: e.room.uri,
        roomName: e.room.name,
        userUri: e.user.uri,
        content: e.content,
        messageId: String(e.messageId),
        roomCategory: 'Engineering',
      });
      expect(r['details']).toBe(e.details ? JSON.stringify(e.details) : '');
    }
  });
});

describe('JSON Lines adapter', () => {
  it('writes one JSON object per line that gives the event back', async () => {
    const lines = (await write(createJsonlAdapter())).split('\n');
    expect(lines.pop()).toBe('');
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => r['type'])).toEqual(events.map((e) => e.type));
    for (const [i, e] of events.entries()) {
      expect(records[i]).toMatchObject({
        seq: e.seq,
        eventId: e.id,
        at: e.at,
        content: e.content,
        messageId: e.messageId,
        details: e.details,
        room: { uri: e.room.uri, name: e.room.name, logged: true, details: e.room.details },
        user: { uri: e.user.uri, name: e.user.name, email: e.user.email, principalId: e.user.principalId },
      });
    }
  });
});
