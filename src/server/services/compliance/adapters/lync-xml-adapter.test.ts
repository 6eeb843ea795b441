import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { createComplianceOutputDirectory } from '../../../files/compliance-output-directory.js';
import { lyncTime, ticksToIsoFromLong } from '../compliance-time.js';
import { isLyncType } from '../compliance-adapter.js';
import { ALL_TYPES, sampleBatch, sampleEvent, sampleSettings } from '../compliance-test-events.test-support.js';
import { groupConversations } from '../conversations.js';
import { createLyncXmlAdapter } from './lync-xml-adapter.js';

const XSD = join(import.meta.dirname, 'xsd', 'lync-compliance.xsd');
const ADMIN_XSD = join(import.meta.dirname, 'xsd', 'parlance-compliance-admin.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const work = mkdtempSync(join(tmpdir(), 'parlance-xml-adapter-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function validate(file: string, xsd: string): { ok: boolean; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: r.stderr };
}

type Attrs = Record<string, string>;
interface ParsedMessage extends Attrs {
  // @ts-expect-error nested elements beside the attributes
  Sender: Attrs;
  // @ts-expect-error nested elements beside the attributes
  DateTimeUTC: Attrs;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  htmlEntities: true,
  isArray: (name) => name === 'Conversation' || name === 'Message',
});

function parseMessages(xml: string) {
  const doc = parser.parse(xml) as {
    Conversations: {
      Conversation?: {
        Channel: Attrs;
        FirstMessage: ParsedMessage;
        Messages: { Message?: ParsedMessage[] } | '';
        StartTimeUTC: Attrs;
        EndTimeUTC: Attrs;
      }[];
    };
  };
  return (doc.Conversations.Conversation ?? []).flatMap((c) => [
    { conversation: c, message: c.FirstMessage },
    ...((typeof c.Messages === 'object' ? c.Messages.Message : undefined) ?? []).map((m) => ({
      conversation: c,
      message: m,
    })),
  ]);
}

describe('Lync timestamps', () => {
  it('matches the worked example of LYNC.md §5.2', () => {
    expect(lyncTime('2025-03-04T09:15:30.123456Z')).toEqual({
      since1970: '1741079730123',
      string: '2025-03-04T09:15:30.123456Z',
      long: '638766765301234560',
    });
  });

  it('drops trailing zeros, keeps 7 digits, and converts back', () => {
    expect(lyncTime('2026-01-01T00:00:00.000Z').string).toBe('2026-01-01T00:00:00Z');
    expect(lyncTime('2026-01-01T00:00:00.1234567Z').long).toBe(
      String(621355968000000000n + 17672256000000000n + 1234567n),
    );
    const t = lyncTime('2026-05-06T07:08:09.120Z');
    expect(t.string).toBe('2026-05-06T07:08:09.12Z');
    expect(ticksToIsoFromLong(t.long)).toBe('2026-05-06T07:08:09.12Z');
    expect(Number(t.since1970)).toBe(Date.parse('2026-05-06T07:08:09.120Z'));
  });
});

describe('Lync XML adapter', () => {
  const events = [
    ...ALL_TYPES.map((type, i) => sampleEvent(i + 1, type)),
    // a second room and a later RunInterval slot → more Conversations
    sampleEvent(20, 'CHAT', {
      room: { id: 'room-2', uri: 'ma-chan://example.com/room-2', name: 'Ops', logged: false, details: null },
    }),
    sampleEvent(21, 'CHAT', { at: '2026-03-04T10:45:00.5Z' }),
  ];

  async function write(settings = sampleSettings()) {
    const dir = mkdtempSync(join(work, 'out-'));
    const batch = sampleBatch(events, { ...settings, outputDir: dir });
    const files = await createLyncXmlAdapter().translate(
      batch,
      groupConversations(events, settings.runIntervalMinutes),
      { writeFile: (name, chunks) => createComplianceOutputDirectory().writeFile(dir, name, chunks) },
    );
    return { dir, files };
  }

  it('writes the six Lync types to <base>.xml and the admin events to <base>.admin.xml', async () => {
    const { dir, files } = await write();
    expect(files).toEqual(['batch-1.xml', 'batch-1.admin.xml']);
    const main = parseMessages(readFileSync(join(dir, 'batch-1.xml'), 'utf8'));
    const admin = parseMessages(readFileSync(join(dir, 'batch-1.admin.xml'), 'utf8'));
    expect(main.map((m) => m.message.type)).toEqual([
      'JOIN',
      'CHAT',
      'BACKCHAT',
      'FILEUPLOAD',
      'FILEDOWNLOAD',
      'PART',
      'CHAT',
      'CHAT',
    ]);
    expect(admin.map((m) => m.message.type)).toEqual(['CHATREPLACE', 'CHATDELETE', 'HISTORYCLEAR']);
  });

  it.skipIf(!hasXmllint)('validates against the XSD written from LYNC.md (xmllint --schema)', async () => {
    const { dir } = await write();
    const main = validate(join(dir, 'batch-1.xml'), XSD);
    expect(main.ok, main.output).toBe(true);
    const admin = validate(join(dir, 'batch-1.admin.xml'), ADMIN_XSD);
    expect(admin.ok, admin.output).toBe(true);
    // the strict Lync schema refuses admin types, and a wrong attribute name
    expect(validate(join(dir, 'batch-1.admin.xml'), XSD).ok).toBe(false);
    const broken = join(dir, 'broken.xml');
    writeFileSync(broken, readFileSync(join(dir, 'batch-1.xml'), 'utf8').replace('UserName=', 'userName='));
    expect(validate(broken, XSD).ok).toBe(false);
    // and without details (default options) it is still valid
    const plain = await write(sampleSettings({ addChatRoomDetails: false, addUserDetails: false }));
    const check = validate(join(plain.dir, 'batch-1.xml'), XSD);
    expect(check.ok, check.output).toBe(true);
  });

  it('round-trips: parsing the files back gives the events', async () => {
    const { dir } = await write();
    const parsed = [
      ...parseMessages(readFileSync(join(dir, 'batch-1.xml'), 'utf8')),
      ...parseMessages(readFileSync(join(dir, 'batch-1.admin.xml'), 'utf8')),
    ];
    expect(parsed).toHaveLength(events.length);
    const byKey = new Map(events.map((e) => [`${e.type}|${e.at}`, e]));
    for (const { conversation, message } of parsed) {
      const at = ticksToIsoFromLong(message.DateTimeUTC.long!);
      const original = [...byKey.values()].find((e) => e.type === message.type && Date.parse(e.at) === Date.parse(at));
      expect(original, `${message.type} at ${at}`).toBeDefined();
      const e = original!;
      expect(message.content).toBe(e.content);
      expect(Number(message.id)).toBe(e.messageId);
      expect(message.Sender.uri).toBe(e.user.uri.replace(/^sip:/, ''));
      expect(Number(message.Sender.id)).toBe(e.user.principalId);
      expect(message.Sender.UserName).toBe(e.user.name);
      expect(message.Sender.email).toBe(e.user.email || undefined);
      expect(message.Sender.internal).toBe(String(e.user.uri.endsWith('@example.com')));
      expect(Number(message.DateTimeUTC.since1970)).toBe(Date.parse(e.at));
      expect(Date.parse(message.DateTimeUTC.string!)).toBe(Date.parse(e.at));
      expect(conversation.Channel.uri).toBe(e.room.uri);
      expect(conversation.Channel.name).toBe(e.room.name);
      expect(conversation.Channel.islogged).toBe(String(e.room.logged));
      if (!isLyncType(e.type)) expect(JSON.parse(message.details!)).toEqual(e.details);
      const slot = Date.parse(conversation.StartTimeUTC.string!);
      expect(Date.parse(e.at)).toBeGreaterThanOrEqual(slot);
      expect(Date.parse(e.at)).toBeLessThan(Date.parse(conversation.EndTimeUTC.string!));
      byKey.delete(`${e.type}|${e.at}`);
    }
    expect(byKey.size).toBe(0);
  });

  it('puts room details on Channel only with AddChatRoomDetails and user details only with AddUserDetails', async () => {
    const plain = await write(sampleSettings({ addChatRoomDetails: false, addUserDetails: false }));
    const xml = readFileSync(join(plain.dir, 'batch-1.xml'), 'utf8');
    expect(xml).not.toContain('UserName=');
    expect(xml).not.toContain('category=');
    expect(xml).toContain('<Sender id="7" uri="alice@example.com"/>');
    const rich = await write();
    expect(readFileSync(join(rich.dir, 'batch-1.xml'), 'utf8')).toContain('category="Engineering"');
  });

  it('is well-formed for xmllint even with hostile content', async () => {
    if (!hasXmllint) return;
    const { dir } = await write();
    execFileSync('xmllint', ['--noout', join(dir, 'batch-1.xml')]);
  });
});
