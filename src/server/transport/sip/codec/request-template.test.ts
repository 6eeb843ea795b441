import { describe, expect, it } from 'vitest';
import { formatVia } from './headers/via.js';
import { parseMessage } from './parse-message.js';
import { createRequestTemplate } from './request-template.js';
import { serializeMessage } from './serialize-message.js';
import { headerValue, type SipHeader } from './sip-message.js';

const via = { transport: 'TCP', host: '127.0.0.1', port: 5061 };
const branchPrefix = 'z9hG4bKp1x.';
const headers: SipHeader[] = [
  { name: 'Max-Forwards', value: '70' },
  { name: 'From', value: '<sip:parlance-chat@example.com>;tag=s1' },
  { name: 'To', value: '<sip:alice@example.com>;tag=a1;epid=e1' },
  { name: 'Call-ID', value: 'call-1' },
  { name: 'CSeq', value: '1 INFO' },
  { name: 'Route', value: '<sip:p1.example.com;lr>' },
  { name: 'Content-Type', value: 'text/plain' },
];

function reference(branchId: number, cseq: number, body: Buffer): Buffer {
  const branch = `${branchPrefix}${branchId}`;
  return serializeMessage({
    kind: 'request',
    method: 'INFO',
    uri: 'sip:alice@127.0.0.1:41234;transport=tcp',
    headers: [
      { name: 'Via', value: formatVia(via.transport, via.host, via.port, branch) },
      ...headers.map((h) => (h.name === 'CSeq' ? { name: 'CSeq', value: `${cseq} INFO` } : h)),
    ],
    body,
  });
}

describe('request templates', () => {
  const template = createRequestTemplate({
    method: 'INFO',
    uri: 'sip:alice@127.0.0.1:41234;transport=tcp',
    via,
    branchPrefix,
    headers,
  });

  it('writes the bytes serializeMessage gives for the same request', () => {
    const head = Buffer.from('<xccos envid="', 'utf8');
    const tail = Buffer.from('"><grpchat>héllo ✓</grpchat></xccos>', 'utf8');
    for (const [branchId, cseq, envid] of [
      [1, 1, '17'],
      [0, 0, '0'],
      [9, 10, '99'],
      [2 ** 53 - 1, 123456, '1796161904220000123'],
    ] as const) {
      const got = template.write(branchId, cseq, head, envid, tail);
      const want = reference(branchId, cseq, Buffer.concat([head, Buffer.from(envid), tail]));
      expect(got.toString('latin1')).toBe(want.toString('latin1'));
    }
    const plain = Buffer.from('<xccos envid="5"/>');
    expect(template.write(2, 7, plain).equals(reference(2, 7, plain))).toBe(true);
  });

  it('parses back with the Content-Length of the UTF-8 body', () => {
    const body = Buffer.from('ünïcödé', 'utf8');
    const m = parseMessage(template.write(3, 9, body));
    if (m.kind !== 'request') throw new Error(JSON.stringify(m));
    expect(m.body.equals(body)).toBe(true);
    expect(headerValue(m, 'CSeq')).toBe('9 INFO');
    expect(headerValue(m, 'Via')).toBe('SIP/2.0/TCP 127.0.0.1:5061;branch=z9hG4bKp1x.3');
    expect(headerValue(m, 'Content-Length')).toBe(String(body.length));
  });

  it('refuses headers without exactly one CSeq', () => {
    const input = { method: 'INFO', uri: 'sip:a@b', via, branchPrefix };
    expect(() => createRequestTemplate({ ...input, headers: headers.filter((h) => h.name !== 'CSeq') })).toThrow(
      /exactly one CSeq/,
    );
    expect(() => createRequestTemplate({ ...input, headers: [...headers, { name: 'cseq', value: '2 INFO' }] })).toThrow(
      /exactly one CSeq/,
    );
  });
});
