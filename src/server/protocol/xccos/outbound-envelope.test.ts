import { describe, expect, it } from 'vitest';
import { envelopeText, roomMessageTemplate } from './outbound-envelope.js';
import { parseXccos } from './parse-command.js';
import { serializeRoomMessage } from './serialize-reply.js';

describe('outbound envelopes', () => {
  const message = {
    seqid: '1',
    chanUri: 'ma-chan://example.com/8c1b4e0a-1f2b-4c3d-9e8f-0a1b2c3d4e5f',
    author: 'sip:alice@example.com',
    ts: '2026-12-01T10:00:00.0000000Z',
    // Text that contains the placeholder itself, and non-ASCII: the envelope's envid is replaced only.
    text: 'envid="0" — grüße ✓',
    messageId: '42',
  };

  it('fills the envid in and gives the same XML as serializing with that envid', () => {
    const t = roomMessageTemplate(message);
    for (const envid of ['1', '1796161904220000123']) {
      expect(envelopeText(t, envid)).toBe(serializeRoomMessage(envid, message));
      const bytes = Buffer.concat([t.head, Buffer.from(envid), t.tail]).toString('utf8');
      expect(bytes).toBe(serializeRoomMessage(envid, message));
    }
    const parsed = parseXccos(envelopeText(t, '77'));
    expect(parsed).toMatchObject({ kind: 'grpchat', envid: '77', message: { text: message.text } });
  });

  it('passes complete envelopes through', () => {
    expect(envelopeText('<xccos envid="5"/>', '9')).toBe('<xccos envid="5"/>');
  });
});
