/**
 * End to end (issue 6): a real SIP client joins a room, posts, reads history, uploads and
 * downloads a file and leaves; after compliance.runNow the Lync XML output holds all six event
 * types for that room with the right user and content, validates against the XSD, and the
 * attachments manifest carries a copy of the uploaded file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { connectChatClient, type SipChatClient } from '../../channel-e2e/sip-chat-client.test-support.js';
import { startSipTestServer, type SipTestServer } from '../../frontend/sip-test-server.test-support.js';

let server: SipTestServer | undefined;
let alice: SipChatClient | undefined;
afterEach(async () => {
  alice?.close();
  await server?.stop();
  server = alice = undefined;
});

const XSD = join(import.meta.dirname, '../../services/compliance/adapters/xsd/lync-compliance.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const chanid = (uri: string) => {
  const [, domain, value] = /^ma-chan:\/\/([^/]+)\/(.+)$/.exec(uri)!;
  return `<chanid key="0" domain="${domain}" value="${value}"/>`;
};

describe('compliance after real SIP activity', () => {
  it('archives JOIN, CHAT, BACKCHAT, FILEUPLOAD, FILEDOWNLOAD and PART for the room', async () => {
    server = await startSipTestServer();
    await server.setGlobalChat(true);
    await server.addUser('alice', 'alice-password');
    const cat = await server.ok('categories.create', { name: 'Audit', fileUpload: true });
    const room = await server.ok('rooms.create', { name: 'Trading', categoryId: cat.id, privacy: 'open' });
    const outputDir = mkdtempSync(join(tmpdir(), 'parlance-compliance-sip-'));
    await server.ok('compliance.updateConfig', {
      enabled: true,
      outputDir,
      addUserDetails: true,
      createFileAttachmentsManifest: true,
    });

    alice = await connectChatClient(server.tcpPort, 'alice', 'alice-password');
    expect((await alice.cmd('join', chanid(room.uri))).resp.code).toBe(200);
    expect(await alice.post(room.uri, 'buy 100 at 42 &amp; &quot;hold&quot;')).toBe(200);
    const history = await alice.cmd('bccontext', `<chanib uri="${room.uri}"/><bcq><last cnt="5"/></bcq>`);
    expect(history.resp, JSON.stringify(history)).toMatchObject({ code: 200 });
    const tok = await alice.cmd('getfutok', `<ftdb channelUri="${room.uri}" fileUrl="orders.csv"/>`);
    const { token, serverUri } = tok.name === 'getftok' ? tok.data : { token: '', serverUri: '' };
    const content = Buffer.from('id,qty\n1,100\n');
    const put = await fetch(`${serverUri}?token=${token}`, { method: 'PUT', body: content });
    expect(put.status).toBe(201);
    const { value } = (await put.json()) as { value: { link: string } };
    const dtok = await alice.cmd('getfdtok', `<ftdb channelUri="${room.uri}" fileUrl="${value.link}"/>`);
    const dl = await fetch(`${serverUri}?token=${dtok.name === 'getftok' ? dtok.data.token : ''}`);
    expect(dl.status).toBe(200);
    expect((await alice.cmd('part', `<chanib uri="${room.uri}"/>`)).resp.code).toBe(200);

    const { run } = await server.ok('compliance.runNow', { wait: true });
    expect(run.outcome).toBe('succeeded');
    const xmlFiles = readdirSync(outputDir).filter((f) => f.endsWith('.xml') && !f.endsWith('.admin.xml'));
    expect(xmlFiles.length).toBeGreaterThan(0);
    if (hasXmllint) {
      for (const f of xmlFiles) {
        const r = spawnSync('xmllint', ['--noout', '--schema', XSD, join(outputDir, f)], { encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
      }
    }
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      htmlEntities: true,
      isArray: (n) => n === 'Conversation' || n === 'Message',
    });
    type Msg = { type: string; content?: string; id: string; Sender: { uri: string; UserName?: string } };
    const messages: Msg[] = [];
    for (const f of xmlFiles) {
      const doc = parser.parse(readFileSync(join(outputDir, f), 'utf8')) as {
        Conversations: {
          Conversation?: { Channel: { uri: string }; FirstMessage: Msg; Messages: { Message?: Msg[] } | '' }[];
        };
      };
      for (const c of doc.Conversations.Conversation ?? []) {
        if (c.Channel.uri !== room.uri) continue;
        messages.push(c.FirstMessage, ...(typeof c.Messages === 'object' ? (c.Messages.Message ?? []) : []));
      }
    }
    const types = new Set(messages.map((m) => m.type));
    expect([...types].sort()).toEqual(['BACKCHAT', 'CHAT', 'FILEDOWNLOAD', 'FILEUPLOAD', 'JOIN', 'PART']);
    for (const m of messages) expect(m.Sender.uri).toBe('alice@example.com');
    const chat = messages.find((m) => m.type === 'CHAT')!;
    expect(chat.content).toBe('buy 100 at 42 & "hold"');
    expect(Number(chat.id)).toBeGreaterThan(0);
    expect(messages.find((m) => m.type === 'FILEUPLOAD')!.content).toBe('orders.csv');
    expect(messages.find((m) => m.type === 'FILEDOWNLOAD')!.content).toBe('orders.csv');
    expect(messages.find((m) => m.type === 'JOIN')!.content ?? '').toBe('');

    const manifest = readdirSync(outputDir).find((f) => f.endsWith('.ATTACH'))!;
    const entries = readFileSync(join(outputDir, manifest), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; stored: string | null });
    expect(entries.map((e) => e.type)).toEqual(['FILEUPLOAD', 'FILEDOWNLOAD']);
    expect(entries[0]!.stored).not.toBeNull();
    expect(readFileSync(join(outputDir, entries[0]!.stored!))).toEqual(content);
  }, 30_000);
});
