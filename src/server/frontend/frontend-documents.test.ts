import { describe, expect, it } from 'vitest';
import { provisioningDocument } from './provisioning-document.js';
import { createSipMessageRing } from './sip-message-ring.js';
import { createEnvidCounter, readXccosEnvelope, xccosReply } from './xccos-envelope.js';

describe('front-end XCCOS reading and replies', () => {
  it('reads commands, posts and other envelopes; refuses non-XCCOS and DOCTYPE', () => {
    expect(
      readXccosEnvelope(
        '<xccos ver="1" envid="2846283146" xmlns="urn:parlano:xml:ns:xccos"><cmd id="cmd:requri" seqid="1"><data/></cmd></xccos>',
      ),
    ).toEqual({ kind: 'cmd', envid: '2846283146', name: 'requri', seqid: '1' });
    expect(
      readXccosEnvelope(
        '<xccos envid="9" xmlns="urn:parlano:xml:ns:xccos"><grpchat id="grpchat" seqid="1" chanUri="ma-chan://x/1"><chat>hi &amp; bye</chat></grpchat></xccos>',
      ),
    ).toEqual({ kind: 'grpchat', envid: '9' });
    expect(
      readXccosEnvelope('<x:xccos xmlns:x="urn:parlano:xml:ns:xccos" envid="1"><x:rpl id="rpl:x"/></x:xccos>'),
    ).toMatchObject({ kind: 'other', root: 'rpl' });
    expect(readXccosEnvelope('hello')).toMatchObject({ kind: 'invalid' });
    expect(readXccosEnvelope('<foo/>')).toMatchObject({ kind: 'invalid' });
    expect(readXccosEnvelope('<xccos><cmd')).toMatchObject({ kind: 'invalid' });
    expect(readXccosEnvelope('<!DOCTYPE x [<!ENTITY a "b">]><xccos/>')).toMatchObject({
      kind: 'invalid',
      reason: 'DOCTYPE is not allowed',
    });
  });

  it('writes a reply with commandid, resp and data, escaping attributes; envids rise as 64-bit decimals', () => {
    const next = createEnvidCounter(18446744073709551000n);
    expect(next()).toBe('18446744073709551001');
    expect(
      xccosReply('5', {
        name: 'requri',
        seqid: '1',
        commandEnvid: '7',
        code: 200,
        text: 'SUCCESS_OK',
        data: '<uib uri="sip:a@b"/>',
      }),
    ).toBe(
      '<xccos ver="1" envid="5" xmlns="urn:parlano:xml:ns:xccos"><rpl id="rpl:requri" seqid="1"><commandid seqid="1" envid="7"/><resp code="200">SUCCESS_OK</resp><data><uib uri="sip:a@b"/></data></rpl></xccos>',
    );
    expect(
      xccosReply('5', { name: 'x"y', seqid: '1', commandEnvid: '<', code: 501, text: 'ERR_NOT_SUPPORTED' }),
    ).toContain(
      '<rpl id="rpl:x&quot;y" seqid="1"><commandid seqid="1" envid="&lt;"/><resp code="501">ERR_NOT_SUPPORTED</resp><data/>',
    );
  });

  it('builds the persistentChatConfiguration document (XCCOS.md §2.3)', () => {
    expect(
      provisioningDocument({
        enablePersistentChat: true,
        defaultPoolUri: 'sip:pool@example.com',
        poolUris: ['sip:pool@example.com', 'sip:p2@example.com'],
        webManagerUriInt: 'http://127.0.0.1:8080/rooms?a=1&b=2',
        webManagerUriExt: null,
      }),
    ).toBe(
      '<provisionGroupList xmlns="http://schemas.microsoft.com/2006/09/sip/provisiongrouplist-notification">' +
        '<provisionGroup name="persistentChatConfiguration"><propertyEntryList>' +
        '<property name="EnablePersistentChat">true</property>' +
        '<property name="DefaultPersistentChatPoolUri">sip:pool@example.com</property>' +
        '<property name="PersistentChatPoolUris">sip:pool@example.com sip:p2@example.com</property>' +
        '<property name="PersistentChatWebManagerUriInt">http://127.0.0.1:8080/rooms?a=1&amp;b=2</property>' +
        '</propertyEntryList></provisionGroup></provisionGroupList>',
    );
  });

  it('keeps the last N SIP messages, oldest first, filterable', () => {
    const ring = createSipMessageRing(3);
    const rec = (i: number) => ({
      direction: 'in' as const,
      connectionId: i % 2,
      transport: 'TCP',
      remote: '127.0.0.1:1',
      time: i * 1000,
      bytes: Buffer.from(`OPTIONS sip:x SIP/2.0\r\nCall-ID: c${i}\r\nX: \x01\r\n\r\n`),
    });
    for (let i = 1; i <= 5; i++) ring.record(rec(i));
    expect(ring.recentMessages({ limit: 10 }).map((m) => m.seq)).toEqual([3, 4, 5]);
    expect(ring.recentMessages({ limit: 2 }).map((m) => m.callId)).toEqual(['c4', 'c5']);
    expect(ring.recentMessages({ limit: 10, connectionId: 1 }).map((m) => m.seq)).toEqual([3, 5]);
    const [m] = ring.recentMessages({ limit: 1, callId: 'c5' });
    expect(m).toMatchObject({ firstLine: 'OPTIONS sip:x SIP/2.0', time: '1970-01-01T00:00:05.000Z' });
    expect(m!.text).toContain('X: \\x01');
  });
});
