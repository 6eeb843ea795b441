import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createComplianceOutputDirectory } from '../../../files/compliance-output-directory.js';
import type { ComplianceAdapter } from '../compliance-adapter.js';
import { ALL_TYPES, sampleBatch, sampleEvent, sampleSettings } from '../compliance-test-events.test-support.js';
import { groupConversations } from '../conversations.js';
import { createCsvAdapter, CSV_COLUMNS, csvTextCell } from './csv-adapter.js';
import { createJsonlAdapter } from './jsonl-adapter.js';

const work = mkdtempSync(join(tmpdir(), 'parlance-csv-jsonl-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const events = ALL_TYPES.map((type, i) => sampleEvent(i + 1, type));

async function write(adapter: ComplianceAdapter, batchEvents = events): Promise<string> {
  const dir = mkdtempSync(join(work, 'out-'));
  const [file] = await adapter.translate(
    sampleBatch(batchEvents, sampleSettings({ outputDir: dir })),
    groupConversations(batchEvents, 15),
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
  it('writes one RFC 4180 row per event, all nine types, content verbatim (no formula leads)', async () => {
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

describe('CSV adapter: spreadsheet formula injection (OWASP)', () => {
  it("puts ' in front of a text cell that starts with = + - @ TAB or CR, then quotes per RFC 4180", () => {
    expect(csvTextCell('=1+1')).toBe("'=1+1");
    expect(csvTextCell('+1')).toBe("'+1");
    expect(csvTextCell('-5')).toBe("'-5");
    expect(csvTextCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvTextCell('\tcmd')).toBe("'\tcmd");
    expect(csvTextCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvTextCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvTextCell("+cmd|' /C calc'!A0")).toBe(`'+cmd|' /C calc'!A0`);
  });

  it("escapes a leading ' too, so dropping one leading ' always gives the original back", () => {
    expect(csvTextCell("'=1")).toBe("''=1");
    expect(csvTextCell("'quoted'")).toBe("''quoted'");
    for (const v of ['=1', "'=1", "''", 'plain', '-', '']) {
      const cell = csvTextCell(v);
      expect(cell.startsWith("'") ? cell.slice(1) : cell).toBe(v);
    }
  });

  it('leaves every other lead alone: a leading space, LF, digits, letters, braces, the empty cell', () => {
    for (const v of [' =1+1', ' -5', 'a=1', '5-3', '{by:x}', '#REF', '%x', '|x', '', '2026-03-04T09:15:30.123Z']) {
      expect(csvTextCell(v)).toBe(v);
    }
    expect(csvTextCell('\n=1')).toBe('"\n=1"');
    expect(csvTextCell('a,=b')).toBe('"a,=b"');
  });

  it('writes the escaped cells in every text column, numeric columns as numbers, same bytes every time', async () => {
    const hostile = [
      sampleEvent(1, 'CHAT', {
        content: '=HYPERLINK("http://evil","x")',
        messageId: 42,
        room: {
          id: 'room-9',
          uri: 'ma-chan://example.com/room-9',
          name: '@room',
          logged: false,
          details: { description: '-desc', category: '+cat', privacy: 'open', type: '=type' },
        },
        user: { id: 'u-9', uri: 'sip:eve@example.com', name: '-Eve', email: '=eve@example.com', principalId: -5 },
      }),
      sampleEvent(2, 'CHAT', { content: "+cmd|' /C calc'!A0", messageId: -7 }),
      sampleEvent(3, 'CHAT', { content: '\tTAB\r\nCR' }),
      sampleEvent(4, 'CHAT', { content: ' =not a formula' }),
    ];
    const text = await write(createCsvAdapter(), hostile);
    expect(await write(createCsvAdapter(), hostile)).toBe(text);
    const slot = '2026-03-04T09:15:00.000Z,2026-03-04T09:30:00.000Z';
    const room1 = 'ma-chan://example.com/room-1,"Release & ""planning""",true';
    const details1 = 'Plans <2026>,Engineering,closed,normal';
    expect(text).toBe(
      [
        CSV_COLUMNS.join(','),
        `1,evt-1,CHAT,2026-03-04T09:15:31.123Z,ma-chan://example.com/room-9,'@room,false,sip:eve@example.com,'-Eve,` +
          `'=eve@example.com,-5,42,"'=HYPERLINK(""http://evil"",""x"")",,${slot},'-desc,'+cat,open,'=type`,
        `2,evt-2,CHAT,2026-03-04T09:15:32.123Z,${room1},sip:bob@partner.org,Bob,,0,-7,'+cmd|' /C calc'!A0,,${slot},${details1}`,
        `3,evt-3,CHAT,2026-03-04T09:15:33.123Z,${room1},sip:alice@example.com,Alice Ä,alice@example.com,7,103,` +
          `"'\tTAB\r\nCR",,${slot},${details1}`,
        `4,evt-4,CHAT,2026-03-04T09:15:34.123Z,${room1},sip:bob@partner.org,Bob,,0,104, =not a formula,,${slot},${details1}`,
        '',
      ].join('\r\n'),
    );
    const rows = parseCsv(text);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    expect(rows.slice(1).map((r) => r[col('content')])).toEqual([
      `'=HYPERLINK("http://evil","x")`,
      "'+cmd|' /C calc'!A0",
      "'\tTAB\r\nCR",
      ' =not a formula',
    ]);
    expect(rows[2]![col('messageId')]).toBe('-7');
    expect(rows[2]![col('userName')]).toBe('Bob');
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
