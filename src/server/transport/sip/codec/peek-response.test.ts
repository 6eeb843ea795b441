import { describe, expect, it } from 'vitest';
import { clientTransactionMatch } from '../transactions/transaction-key.js';
import { parseMessage } from './parse-message.js';
import { peekResponse } from './peek-response.js';

const frame = (head: string[]) => Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1');
const ok = [
  'SIP/2.0 200 OK',
  'Via: SIP/2.0/TCP 127.0.0.1:5061;branch=z9hG4bKabc123;received=127.0.0.1, SIP/2.0/TCP 10.0.0.1;branch=z9hG4bKother',
  'From: <sip:parlance-chat@example.com>;tag=s1',
  'To: <sip:u1@example.com>;tag=c1',
  'Call-ID: call-1',
  'CSeq: 7 INFO',
  'Content-Length: 0',
];

describe('peekResponse', () => {
  it('finds the same client transaction key as the full parse', () => {
    const f = frame(ok);
    const full = parseMessage(f);
    expect(peekResponse(f)).toEqual({ status: 200, ...clientTransactionMatch(full as never) });
    expect(peekResponse(f)).toMatchObject({ branch: 'z9hG4bKabc123', method: 'INFO' });
  });

  it('reads compact and odd-cased names and other statuses', () => {
    const f = frame([
      'SIP/2.0 481 Call Leg Does Not Exist',
      'v: SIP/2.0/TCP h;Branch=z9hG4bKx',
      'cseq:  3 BYE',
      'l: 0',
    ]);
    expect(peekResponse(f)).toEqual({ status: 481, branch: 'z9hG4bKx', method: 'BYE' });
  });

  it('counts an ACK as INVITE, like the full match', () => {
    const f = frame([...ok.slice(0, 5), 'CSeq: 7 ACK', 'Content-Length: 0']);
    expect(peekResponse(f)?.method).toBe('INVITE');
    expect(clientTransactionMatch(parseMessage(f) as never)?.method).toBe('INVITE');
  });

  it('leaves anything unusual to the full parser', () => {
    expect(peekResponse(frame(['INFO sip:a@b SIP/2.0', ...ok.slice(1)]))).toBeUndefined();
    expect(peekResponse(frame(['SIP/2.0 200 OK', 'Via: SIP/2.0/TCP h', 'CSeq: 1 INFO']))).toBeUndefined();
    expect(peekResponse(frame([...ok.slice(0, 2), ' ;folded', ...ok.slice(2)]))).toBeUndefined();
    expect(peekResponse(frame([...ok, 'CSeq: 8 INFO']))).toBeUndefined();
    expect(peekResponse(frame(['SIP/2.0 2x0 OK', ...ok.slice(1)]))).toBeUndefined();
    expect(peekResponse(Buffer.from('SIP/2.0 200 OK\r\nVia: x'))).toBeUndefined();
  });
});
