import { describe, expect, it } from 'vitest';
import { provisioningDocument } from './provisioning-document.js';
import { createSipMessageRing } from './sip-message-ring.js';
import { createEnvidCounter } from './xccos-envelope.js';

describe('front-end documents: envids, provisioning, message ring', () => {
  it('counts server envids upwards as 64-bit decimals', () => {
    const next = createEnvidCounter(18446744073709551000n);
    expect(next()).toBe('18446744073709551001');
    expect(next()).toBe('18446744073709551002');
  });

  it('counts exactly across the largest safe integer (number fast path → BigInt)', () => {
    const next = createEnvidCounter(9007199254740989n);
    expect([next(), next(), next(), next()]).toEqual([
      '9007199254740990',
      '9007199254740991',
      '9007199254740992',
      '9007199254740993',
    ]);
    const small = createEnvidCounter(1796158772466000n);
    expect(small()).toBe('1796158772466001');
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
