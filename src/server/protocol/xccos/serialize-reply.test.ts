/**
 * Replies, notices and room messages built by the service → the exact wire shapes (XCCOS.md §3,
 * §6), and parse(serialize(x)) == x for every command and reply, including the ones no fixture has.
 */
import { describe, expect, it } from 'vitest';
import { findMessageLinks } from './blocks/message-links.js';
import { formatXccosTimestamp, parseXccosTimestamp } from './blocks/timestamp.js';
import { COMMAND_CODECS, REPLY_CODECS } from './command-table.js';
import { isXccosParseFailure, parseXccos } from './parse-command.js';
import {
  serializeCommand,
  serializeNotices,
  serializeReplies,
  serializeRoomMessage,
  serializeXccos,
} from './serialize-reply.js';
import { replyTo, XCCOS_SUCCESS } from './xccos-errors.js';
import type { XccosCommand, XccosEnvelope, XccosReply } from './xccos-types.js';

const NS = 'xmlns="urn:parlano:xml:ns:xccos"';
const ROOM = 'ma-chan://contoso.com/2b7e1516-28ae-d2a6-abf7-158809cf4f3c';

function reparse(xml: string): XccosEnvelope {
  const parsed = parseXccos(xml);
  if (isXccosParseFailure(parsed)) throw new Error(`${parsed.code}: ${parsed.detail}\n${xml}`);
  return parsed;
}

const COMMANDS: XccosCommand[] = [
  { name: 'requri', id: 'cmd:requri', seqid: '1' },
  { name: 'getserverinfo', id: 'cmd:getserverinfo', seqid: '1', domain: 'contoso.com', infoType: '123' },
  { name: 'getserverinfo', id: 'cmd:getserverinfo', seqid: '1' },
  { name: 'getassociations', id: 'cmd:getassociations', seqid: '1', rawData: '' },
  { name: 'bjoin', id: 'cmd:bjoin', seqid: '1', channels: [] },
  {
    name: 'join',
    id: 'cmd:join',
    seqid: '1',
    channel: { key: 0, domain: 'contoso.com', value: 'a/b' },
    roomUri: 'ma-chan://contoso.com/a/b',
  },
  { name: 'part', id: 'cmd:part', seqid: '1', roomUri: ROOM },
  { name: 'bccontext', id: 'cmd:bccontext', seqid: '1', roomUri: ROOM, last: 30, before: '18446744073709551615' },
  { name: 'bccontext', id: 'cmd:bccontext', seqid: '1', roomUri: ROOM },
  { name: 'chansrch', id: 'cmd:chansrch', seqid: '1', qtype: 'BYNAME', criteria: 'ops "team" & <co>', extended: true },
  { name: 'getinv', id: 'cmd:getinv', seqid: '1', inviteId: '1', domain: 'contoso.com' },
  { name: 'getpref', id: 'cmd:getpref', seqid: '1', pref: { label: 'x.GroupChannels', seqid: '3' } },
  {
    name: 'setpref',
    id: 'cmd:setpref',
    seqid: '1',
    pref: { label: 'x', seqid: '4', createDefault: false, content: 'AAEC' },
  },
  { name: 'getfutok', id: 'cmd:getfutok', seqid: '1', channelUri: ROOM, fileUrl: 'a&b.txt' },
  { name: 'getfdtok', id: 'cmd:getfdtok', seqid: '1', channelUri: ROOM, fileUrl: 'a.txt' },
  { name: 'nodespermcreatechild', id: 'cmd:nodespermcreatechild', seqid: '1' },
  { name: 'unknown', id: 'cmd:getuserinfo', seqid: '1', rawData: '<uib uri="sip:a@b"/>' },
];

const base = { seqid: '1', commandId: { seqid: '1', envid: '42' }, resp: XCCOS_SUCCESS };
const pref = { label: 'x', seqid: '5', content: 'AAEC' };
const REPLIES: XccosReply[] = [
  { ...base, name: 'requri', id: 'rpl:requri', data: { uri: 'sip:parlance@contoso.com' } },
  {
    ...base,
    name: 'getassociations',
    id: 'rpl:getassociations',
    data: { rooms: [{ uri: ROOM, name: 'Ops', userCount: 2, visibility: 'scoped', filePost: false }] },
  },
  { ...base, name: 'setpref', id: 'rpl:setpref', data: { pref } },
  { ...base, name: 'getpref', id: 'rpl:getpref', data: {} },
  {
    ...base,
    name: 'join',
    id: 'rpl:join',
    data: {
      users: [{ id: '0', uri: 'sip:a@b' }],
      rooms: [{ kind: 'joined', uri: ROOM, description: 'd\nline\ttab', groups: [{ key: '3984', userIds: [] }] }],
    },
  },
  { ...base, name: 'getinv', id: 'rpl:getinv', data: { invitations: [{ inviteId: '9', domain: 'd', roomUri: ROOM }] } },
  { ...base, name: 'getftok', id: 'rpl:getftok', data: { token: 'c8b2b5a1-3f4e-4d6a-9b7c-0a1b2c3d4e5f' } },
  {
    ...base,
    name: 'bccontext',
    id: 'rpl:bccontext',
    data: {
      roomUri: ROOM,
      messages: [
        {
          chanUri: ROOM,
          author: 'sip:a@b',
          ts: '2024-06-01T08:30:05.1234567Z',
          text: 'a\r\nb  ',
          alert: true,
          story: { title: 'T', body: '' },
          messageId: '7',
        },
      ],
    },
  },
];

describe('round trip: parse(serialize(x)) == x', () => {
  it('covers every command and reply name', () => {
    const commandNames = new Set([...COMMANDS.map((c) => c.name)]);
    expect([...commandNames].sort()).toEqual(Object.keys(COMMAND_CODECS).sort());
    // Reply names not constructed here are covered by the golden fixtures (xccos-fixtures.test.ts).
    const fixtureReplies = ['getserverinfo', 'bjoin', 'part', 'chansrch', 'nodespermcreatechild', 'unknown'];
    expect(new Set([...REPLIES.map((r) => r.name), ...fixtureReplies])).toEqual(new Set(Object.keys(REPLY_CODECS)));
  });

  it.each(COMMANDS.map((c) => [c.id, c] as const))('%s', (_id, command) => {
    expect(reparse(serializeCommand('18446744073709551615', command))).toEqual({
      kind: 'cmd',
      ver: '1',
      envid: '18446744073709551615',
      command,
    });
  });

  it.each(REPLIES.map((r) => [r.id, r] as const))('%s', (_id, reply) => {
    expect(reparse(serializeReplies('1', [reply]))).toEqual({ kind: 'rpl', ver: '1', envid: '1', replies: [reply] });
  });
});

describe('wire shapes', () => {
  it('rpl:join for cmd:join: commandid copied exactly, children commandid, resp, data', () => {
    const command = reparse(
      `<xccos ver="1" envid="9223372036854775808" ${NS}><cmd id="cmd:join" seqid="1"><data><chanid key="0" domain="contoso.com" value="300"/></data></cmd></xccos>`,
    );
    if (command.kind !== 'cmd' || command.command.name !== 'join') throw new Error('not a join');
    const reply = replyTo(command.command, command.envid, {
      users: [
        { id: '0', uri: 'sip:alice@contoso.com' },
        { id: '1', uri: 'sip:bob@contoso.com' },
      ],
      rooms: [
        {
          kind: 'joined',
          uri: command.command.roomUri,
          name: 'R&D',
          topic: '',
          groups: [
            { key: '3984', userIds: ['0'] },
            { key: '12276', userIds: ['1'] },
          ],
        },
      ],
    });
    expect(serializeReplies('77', [reply])).toBe(
      `<xccos ver="1" envid="77" ${NS}><rpl id="rpl:join" seqid="1"><commandid seqid="1" envid="9223372036854775808"/>` +
        '<resp code="200">SUCCESS_OK</resp><data><uib id="0" uri="sip:alice@contoso.com"/><uib id="1" uri="sip:bob@contoso.com"/>' +
        '<chanib uri="ma-chan://contoso.com/300" name="R&amp;D" topic=""><aib key="3984" value="0"/><aib key="12276" value="1"/></chanib></data></rpl></xccos>',
    );
  });

  it('cmd:getfutok and cmd:getfdtok are answered by rpl:getftok', () => {
    for (const name of ['getfutok', 'getfdtok'] as const) {
      const reply = replyTo({ name, id: `cmd:${name}`, seqid: '1', channelUri: ROOM, fileUrl: 'f' }, '5', {
        token: 'c8b2b5a1-3f4e-4d6a-9b7c-0a1b2c3d4e5f',
        serverUri: 'https://h/PersistentChat/MGCWebService.asmx',
      });
      expect(reply).toMatchObject({ name: 'getftok', id: 'rpl:getftok' });
      expect(serializeReplies('6', [reply])).toContain(
        '<data><token token="c8b2b5a1-3f4e-4d6a-9b7c-0a1b2c3d4e5f" serveruri="https://h/PersistentChat/MGCWebService.asmx"/></data>',
      );
    }
  });

  it('several rpl or several ntc share one envelope; a grpchat stands alone', () => {
    const part = { ...base, name: 'part', id: 'rpl:part', data: { roomUri: ROOM } } as const;
    const two = serializeReplies('8', [part, { ...part, commandId: { seqid: '1', envid: '43' } }]);
    expect(two.match(/<rpl /g)).toHaveLength(2);
    const notices = serializeNotices('9', [
      {
        name: 'join',
        id: 'ntc:join',
        seqid: '1',
        data: { users: [{ uri: 'sip:d@c', rooms: [{ key: '3984', domain: 'contoso.com', value: '300' }] }] },
      },
      { name: 'part', id: 'ntc:part', seqid: '1', data: { rooms: [{ roomUri: ROOM, userUris: ['sip:e@c'] }] } },
    ]);
    expect(notices).toBe(
      `<xccos ver="1" envid="9" ${NS}><ntc id="ntc:join" seqid="1"><data><uib uri="sip:d@c"><aib key="3984" domain="contoso.com" value="300"/></uib></data></ntc>` +
        `<ntc id="ntc:part" seqid="1"><data><chanib uri="${ROOM}"><uib uri="sip:e@c"/></chanib></data></ntc></xccos>`,
    );
    expect(reparse(notices).kind).toBe('ntc');
  });

  it('a delivery: no whitespace in <chat>, escaped text, CR kept, forbidden characters replaced', () => {
    const xml = serializeRoomMessage('10', {
      seqid: '1',
      chanUri: ROOM,
      author: 'sip:alice@contoso.com',
      ts: formatXccosTimestamp(Date.UTC(2024, 5, 1, 8, 30, 5, 123), 4567),
      messageId: '42',
      text: '<b>"x"</b> & y\r\nz\u0007',
    });
    expect(xml).toBe(
      `<xccos ver="1" envid="10" ${NS}><grpchat id="grpchat" seqid="1" chanUri="${ROOM}" author="sip:alice@contoso.com" ts="2024-06-01T08:30:05.1234567Z" msgid="42">` +
        '<chat>&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; y&#13;\nz\uFFFD</chat></grpchat></xccos>',
    );
    expect(reparse(xml)).toMatchObject({ kind: 'grpchat', message: { text: '<b>"x"</b> & y\r\nz\uFFFD' } });
  });

  it('serializeXccos is the inverse of parseXccos for every kind', () => {
    const post = reparse(
      `<xccos ver="1" envid="3" ${NS}><grpchat id="grpchat" seqid="1" chanUri="${ROOM}" author="sip:a@b" ts="2024-06-01T08:30:05Z" x-client="lync"><chat>hi</chat><rtf>{\\rtf1}</rtf></grpchat></xccos>`,
    );
    expect(serializeXccos(post)).toBe(
      `<xccos ver="1" envid="3" ${NS}><grpchat id="grpchat" seqid="1" chanUri="${ROOM}" author="sip:a@b" ts="2024-06-01T08:30:05Z" x-client="lync"><chat>hi</chat><rtf>{\\rtf1}</rtf></grpchat></xccos>`,
    );
  });
});

describe('timestamps and links', () => {
  it('writes the 7-digit server form and reads any ISO 8601 (no zone = UTC)', () => {
    expect(formatXccosTimestamp(Date.UTC(2024, 0, 2, 3, 4, 5, 6))).toBe('2024-01-02T03:04:05.0060000Z');
    expect(parseXccosTimestamp('2024-06-01T08:30:05Z')).toBe(Date.UTC(2024, 5, 1, 8, 30, 5));
    expect(parseXccosTimestamp('2024-06-01T08:30:05')).toBe(Date.UTC(2024, 5, 1, 8, 30, 5));
    expect(parseXccosTimestamp('2024-06-01T08:30:05.1234567Z')).toBe(Date.UTC(2024, 5, 1, 8, 30, 5, 123));
    expect(parseXccosTimestamp('2024-06-01T10:30:05+02:00')).toBe(Date.UTC(2024, 5, 1, 8, 30, 5));
    expect(parseXccosTimestamp('2024-02-30T00:00:00Z')).toBeUndefined();
    expect(parseXccosTimestamp('1717230605')).toBeUndefined();
  });

  it('finds room and file links in message text', () => {
    expect(findMessageLinks('see ma-chan://contoso.com/300, and ma-filelink://contoso.com/r/f.txt\nbye')).toEqual([
      { kind: 'room', uri: 'ma-chan://contoso.com/300' },
      { kind: 'file', uri: 'ma-filelink://contoso.com/r/f.txt' },
    ]);
  });
});
