/**
 * Transcript tests over real TCP SIP against a real server (store, services, SIP front end, HTTP):
 * scripted clients send the XCCOS bodies of XCCOS.md §6 and assert the replies, notices and room
 * messages they receive; files move over HTTP with the XCCOS tokens.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSipTestServer, type SipTestServer } from '../frontend/sip-test-server.test-support.js';
import { CHAT_URI, connectChatClient, type SipChatClient } from './sip-chat-client.test-support.js';

let server: SipTestServer | undefined;
const clients: SipChatClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.stop();
  server = undefined;
});

const TS7 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/;

async function setup(opts: { fileUpload?: boolean } = {}) {
  server = await startSipTestServer();
  await server.setGlobalChat(true);
  for (const u of ['alice', 'bob', 'carol']) await server.addUser(u, `${u}-password`);
  const cat = await server.ok('categories.create', {
    name: 'Eng',
    invitations: true,
    fileUpload: opts.fileUpload ?? true,
  });
  const general = await server.ok('rooms.create', { name: 'General', categoryId: cat.id, privacy: 'open' });
  const secret = await server.ok('rooms.create', { name: 'Vault', categoryId: cat.id, privacy: 'secret' });
  const stage = await server.ok('rooms.create', {
    name: 'Stage',
    categoryId: cat.id,
    privacy: 'open',
    type: 'auditorium',
  });
  await server.ok('rooms.setRoles', { id: secret.id, members: ['sip:alice@example.com'] });
  await server.ok('rooms.setRoles', {
    id: stage.id,
    members: ['sip:alice@example.com'],
    presenters: ['sip:alice@example.com'],
  });
  return { cat, general, secret, stage };
}

async function client(user: string): Promise<SipChatClient> {
  const c = await connectChatClient(server!.tcpPort, user, `${user}-password`);
  clients.push(c);
  return c;
}

const chanid = (uri: string, key = 0) => {
  const [, domain, value] = /^ma-chan:\/\/([^/]+)\/(.+)$/.exec(uri)!;
  return `<chanid key="${key}" domain="${domain}" value="${value}"/>`;
};

describe('XCCOS transcripts over TCP', () => {
  it('getserverinfo, requri, chansrch (privacy), join with rosters and ntc:join, post fan-out incl. author, bccontext paging, part', async () => {
    const { general, secret } = await setup();
    const alice = await client('alice');
    const bob = await client('bob');

    const info = await alice.cmd('getserverinfo', '<sib domain="example.com" infoType="123"/>');
    expect(info).toMatchObject({ id: 'rpl:getserverinfo', seqid: '1', resp: { code: 200, text: 'SUCCESS_OK' } });
    const sib = info.name === 'getserverinfo' ? info.data.sib! : undefined;
    expect(sib).toMatchObject({ infoType: '123', searchLimit: 999, messageSizeLimit: 8000, storySizeLimit: 64000 });
    expect(sib!.serverTime).toMatch(TS7);
    expect(sib!.rootUri).toMatch(/^ma-cat:\/\/example\.com\//);

    const requri = await alice.cmd('requri');
    expect(requri).toMatchObject({ id: 'rpl:requri', data: { uri: CHAT_URI } });

    // All results in ONE reply; Secret rooms only for members.
    const aliceList = await alice.cmd('chansrch', '<qib qtype="BYNAME" criteria="" extended="false"/>');
    const bobList = await bob.cmd('chansrch', '<qib qtype="BYNAME" criteria="" extended="false"/>');
    const names = (r: typeof aliceList) => (r.name === 'chansrch' ? r.data.rooms.map((x) => x.name).sort() : []);
    expect(names(aliceList)).toEqual(['General', 'Stage', 'Vault']);
    expect(names(bobList)).toEqual(['General', 'Stage']);
    const vault = aliceList.name === 'chansrch' ? aliceList.data.rooms.find((r) => r.name === 'Vault') : undefined;
    expect(vault).toMatchObject({ visibility: 'private', filePost: true, invite: true, logged: true, userCount: 0 });

    const aj = await alice.cmd('join', chanid(general.uri));
    expect(aj).toMatchObject({ id: 'rpl:join', resp: { code: 200 } });
    const bj = await bob.cmd('join', chanid(general.uri));
    const roster = bj.name === 'join' ? bj.data : undefined;
    expect(roster!.users.map((u) => u.uri).sort()).toEqual(['sip:alice@example.com', 'sip:bob@example.com']);
    expect(roster!.rooms[0]).toMatchObject({ kind: 'joined', uri: general.uri, name: 'General' });
    const ntc = await alice.waitFor((e) => (e.kind === 'ntc' ? e.notices.find((n) => n.name === 'join') : undefined));
    expect(ntc.data).toEqual({
      users: [{ uri: 'sip:bob@example.com', rooms: [{ key: '3984', domain: 'example.com', value: general.id }] }],
    });

    // Bob may not join the secret room.
    const denied = await bob.cmd('join', chanid(secret.uri));
    expect(denied.resp).toEqual({ code: 403, text: 'ERR_PERMISSION' });

    // Post: SIP 200 once durable, then a grpchat to everyone joined, the author included.
    expect(await alice.post(general.uri, 'hello &amp; welcome')).toBe(200);
    for (const c of [alice, bob]) {
      const m = await c.waitFor((e) => (e.kind === 'grpchat' ? e.message : undefined));
      expect(m).toMatchObject({
        chanUri: general.uri,
        author: 'sip:alice@example.com',
        text: 'hello & welcome',
        messageId: '1',
      });
      expect(m.ts).toMatch(TS7);
    }
    // Alerts and stories; unknown parts pass through unchanged.
    expect(await alice.post(general.uri, 'fire drill', ' alert="true" x-mood="calm"')).toBe(200);
    expect(await bob.post(general.uri, 'Quarterly', '', '<story title="Quarterly">Numbers are up.</story>')).toBe(200);
    expect(await bob.post(general.uri, 'four')).toBe(200);
    await bob.waitFor((e) => (e.kind === 'grpchat' && e.message.messageId === '4' ? e : undefined));
    const delivered = bob.messages();
    expect(delivered[1]).toMatchObject({ alert: true, extraAttributes: { 'x-mood': 'calm' } });
    expect(delivered[2]).toMatchObject({ story: { title: 'Quarterly', body: 'Numbers are up.' } });

    // A refused post: not joined → SIP 403; too long → 413.
    const carol = await client('carol');
    expect(await carol.post(general.uri, 'sneaky')).toBe(403);
    expect(await bob.post(general.uri, 'x'.repeat(8001))).toBe(413);

    // History: last N oldest first, then paging backwards.
    const last2 = await bob.cmd('bccontext', `<chanib uri="${general.uri}"/><bcq><last cnt="2"/></bcq>`);
    const ids = (r: typeof last2) => (r.name === 'bccontext' ? r.data.messages.map((m) => m.messageId) : []);
    expect(ids(last2)).toEqual(['3', '4']);
    const older = await bob.cmd('bccontext', `<chanib uri="${general.uri}"/><bcq><last cnt="5" before="3"/></bcq>`);
    expect(ids(older)).toEqual(['1', '2']);
    const dflt = await bob.cmd('bccontext', `<chanib uri="${general.uri}"/>`);
    expect(ids(dflt)).toEqual(['1', '2', '3', '4']);
    if (dflt.name === 'bccontext') expect(dflt.data.messages[0]!.ts).toMatch(TS7);

    // Part: rpl:part, and ntc:part to those who stay.
    const part = await bob.cmd('part', `<chanib uri="${general.uri}"/>`);
    expect(part).toMatchObject({ id: 'rpl:part', resp: { code: 200 }, data: { roomUri: general.uri } });
    const left = await alice.waitFor((e) => (e.kind === 'ntc' ? e.notices.find((n) => n.name === 'part') : undefined));
    expect(left.data).toEqual({ rooms: [{ roomUri: general.uri, userUris: ['sip:bob@example.com'] }] });

    // Compliance rows, each in its action's transaction.
    const types = (await server!.ok('compliance.events.search', { limit: 100 })) as { items: { type: string }[] };
    const seen = new Set(types.items.map((e) => e.type));
    for (const t of ['JOIN', 'CHAT', 'BACKCHAT', 'PART']) expect(seen).toContain(t);
  });

  it('bjoin with fib, getinv, getpref/setpref, getassociations, nodespermcreatechild, unknown → 501, disable evicts', async () => {
    const { cat, general, secret } = await setup();
    const alice = await client('alice');
    const bob = await client('bob');

    const b = await alice.cmd(
      'bjoin',
      chanid(general.uri, 0) + chanid(secret.uri, 1) + chanid('ma-chan://example.com/nope', 2),
    );
    const rooms = b.name === 'bjoin' ? b.data.rooms : [];
    expect(rooms.map((r) => r.kind)).toEqual(['joined', 'joined', 'failed']);
    expect(rooms[2]).toEqual({ kind: 'failed', key: 'OPERATION_FAILED', domain: 'example.com', value: 'nope' });

    expect((await bob.cmd('getinv', '<inv inviteId="1" domain="example.com"/>')).data).toEqual({ invitations: [] });
    await server!.ok('rooms.setRoles', { id: secret.id, members: ['sip:alice@example.com', 'sip:bob@example.com'] });
    const inv = await bob.cmd('getinv', '<inv inviteId="1" domain="example.com"/>');
    expect(inv.data).toMatchObject({ invitations: [{ inviteId: '1', roomUri: secret.uri, roomName: 'Vault' }] });

    const created = await bob.cmd('getpref', '<pref label="bob.GroupChannels" seqid="0" createdefault="true"/>');
    expect(created.data).toEqual({ pref: { label: 'bob.GroupChannels', seqid: '1', content: '' } });
    const set = await bob.cmd(
      'setpref',
      '<pref label="bob.GroupChannels" seqid="2" createdefault="false" content="aGVsbG8="/>',
    );
    expect(set.data).toEqual({ pref: { label: 'bob.GroupChannels', seqid: '2' } });
    const got = await bob.cmd('getpref', '<pref label="bob.GroupChannels" seqid="1"/>');
    expect(got.data).toEqual({ pref: { label: 'bob.GroupChannels', seqid: '2', content: 'aGVsbG8=' } });

    const assoc = await bob.cmd('getassociations');
    expect(assoc.name === 'getassociations' && assoc.data.rooms.map((r) => r.name)).toEqual(['Vault']);

    expect((await bob.cmd('nodespermcreatechild')).resp.code).toBe(403);
    await server!.ok('categories.setScope', { id: cat.id, creators: ['sip:bob@example.com'] });
    expect((await bob.cmd('nodespermcreatechild')).resp).toEqual({ code: 200, text: 'SUCCESS_OK' });

    const unknown = await bob.cmd('getchaninfo', '<chanib uri="x"/>');
    expect(unknown).toMatchObject({ id: 'rpl:getchaninfo', resp: { code: 501, text: 'ERR_NOT_SUPPORTED' } });

    // Disabling disconnects everyone in the room and hides it.
    await server!.ok('rooms.update', { id: general.id, disabled: true });
    const evicted = await alice.waitFor((e) =>
      e.kind === 'ntc'
        ? e.notices.find((n) => n.name === 'part' && JSON.stringify(n.data).includes(general.uri))
        : undefined,
    );
    expect(JSON.stringify(evicted.data)).toContain('sip:alice@example.com');
    expect((await server!.ok('rooms.participants', { id: general.id })).items).toEqual([]);
    expect((await alice.cmd('join', chanid(general.uri))).resp).toEqual({ code: 410, text: 'ERR_NODE_DISABLED' });
    expect(await alice.post(general.uri, 'anyone?')).toBe(403);
  });

  it('files: getfutok → HTTP PUT → ma-filelink message → getfdtok → HTTP GET; tokens single-use; size and filepost enforced', async () => {
    const { general, stage } = await setup();
    const alice = await client('alice');
    await alice.cmd('join', chanid(general.uri));
    const tok = await alice.cmd('getfutok', `<ftdb channelUri="${general.uri}" fileUrl="plan.txt"/>`);
    expect(tok.id).toBe('rpl:getftok');
    const { token, serverUri } = tok.name === 'getftok' ? tok.data : { token: '', serverUri: '' };
    expect(serverUri).toBe(`${server!.handle.httpUrl}/PersistentChat/MGCWebService.asmx`);
    const content = Buffer.from('the plan, in bytes\n');
    const put = await fetch(`${serverUri}?token=${token}`, {
      method: 'PUT',
      body: content,
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    expect(put.status).toBe(201);
    const { value } = (await put.json()) as { value: { link: string } };
    expect(value.link).toMatch(/^ma-filelink:\/\/example\.com\//);
    const posted = await alice.waitFor((e) =>
      e.kind === 'grpchat' && e.message.text.includes('ma-filelink:') ? e.message : undefined,
    );
    expect(posted.text).toBe(`plan.txt ${value.link}`);
    expect((await fetch(`${serverUri}?token=${token}`, { method: 'PUT', body: content })).status).toBe(403);

    const dtok = await alice.cmd('getfdtok', `<ftdb channelUri="${general.uri}" fileUrl="${value.link}"/>`);
    const dl = await fetch(`${serverUri}?token=${dtok.name === 'getftok' ? dtok.data.token : ''}`);
    expect(dl.status).toBe(200);
    expect(Buffer.from(await dl.arrayBuffer())).toEqual(content);

    await server!.ok('chat.updateConfig', { maxFileSizeKb: 1 });
    const big = await alice.cmd('getfutok', `<ftdb channelUri="${general.uri}" fileUrl="big.bin"/>`);
    const res = await fetch(`${serverUri}?token=${big.name === 'getftok' ? big.data.token : ''}`, {
      method: 'PUT',
      body: Buffer.alloc(2048),
    });
    expect(res.status).toBe(413);
    expect((await alice.cmd('getfutok', `<ftdb channelUri="${general.uri}" fileUrl="../etc/passwd"/>`)).resp.code).toBe(
      400,
    );
    // Bob is no presenter in the auditorium: no upload token.
    const bob = await client('bob');
    expect((await bob.cmd('getfutok', `<ftdb channelUri="${stage.uri}" fileUrl="a.txt"/>`)).resp.code).toBe(403);
    const ev = (await server!.ok('compliance.events.search', { limit: 100 })) as { items: { type: string }[] };
    expect(ev.items.map((e) => e.type)).toEqual(expect.arrayContaining(['FILEUPLOAD', 'FILEDOWNLOAD']));
  });

  it('a dialog whose INFOs fail is dropped and its user parted', async () => {
    const { general } = await setup();
    const alice = await client('alice');
    const bob = await client('bob');
    await alice.cmd('join', chanid(general.uri));
    await bob.cmd('join', chanid(general.uri));
    bob.answerStatus = 481;
    expect(await alice.post(general.uri, 'ping')).toBe(200);
    const left = await alice.waitFor((e) => (e.kind === 'ntc' ? e.notices.find((n) => n.name === 'part') : undefined));
    expect(left.data).toEqual({ rooms: [{ roomUri: general.uri, userUris: ['sip:bob@example.com'] }] });
    expect((await server!.ok('rooms.participants', { id: general.id })).items.map((p) => p.uri)).toEqual([
      'sip:alice@example.com',
    ]);
  });

  it('BYE parts the user from every room', async () => {
    const { general } = await setup();
    const alice = await client('alice');
    const bob = await client('bob');
    await alice.cmd('join', chanid(general.uri));
    await bob.cmd('join', chanid(general.uri));
    await bob.bye();
    const left = await alice.waitFor((e) => (e.kind === 'ntc' ? e.notices.find((n) => n.name === 'part') : undefined));
    expect(left.data).toEqual({ rooms: [{ roomUri: general.uri, userUris: ['sip:bob@example.com'] }] });
  });
});
